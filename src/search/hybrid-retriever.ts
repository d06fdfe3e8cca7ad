import { reciprocalRankFusion } from './fuse.js';
import type { Candidate, PassageFilter, PreparedQuery, Retriever } from './retriever.js';
import { dotRow } from './vectors.js';
import { answersFigure } from './figures.js';
import type { SentenceInfo } from './sentence-info.js';

export interface SentenceVectors {
  vectors: Float32Array;
  /** start[i]..start[i+1] are passage i's sentence rows. */
  start: Int32Array;
  dimensions: number;
  /** Per sentence, precomputed at load (see sentence-info.ts). */
  info: SentenceInfo[];
}

export interface HybridWeights {
  dense: number;
  lexical: number;
  sentence: number;
  figure: number;
}

/**
 * Weights for RRF. Equal weights are the textbook default; measured on the dev set
 * with `npm run eval` — see README "Retrieval".
 */
export const DEFAULT_HYBRID_WEIGHTS: HybridWeights = { dense: 1, lexical: 1, sentence: 1, figure: 1 };

/** Candidates pulled from each first-stage retriever; bounded, so per-query work does not grow with the corpus. */
export const CANDIDATE_POOL = 40;

/** Cosine between the query and one precomputed sentence vector. */
export function sentenceCosine(query: PreparedQuery, sv: SentenceVectors, sentence: number): number {
  return dotRow(query.vector, sv.vectors, sentence, sv.dimensions);
}

/** For quantity questions: does this sentence state the figure asked for (see figures.ts)? */
export function sentenceAnswersFigure(query: PreparedQuery, sv: SentenceVectors, sentence: number): boolean {
  const f = sv.info[sentence]!;
  return query.figureTerms != null && answersFigure(query.figureTerms, f.nearFigure, f.hasFigure);
}

/** Best cosine of any one sentence of the passage; with `figuresOnly`, of its figure-answering sentences (-1 if none). */
export function bestSentenceScore(query: PreparedQuery, sv: SentenceVectors, passage: number, figuresOnly = false): number {
  let best = -1;
  for (let s = sv.start[passage]!; s < sv.start[passage + 1]!; s++) {
    if (figuresOnly && !sentenceAnswersFigure(query, sv, s)) continue;
    best = Math.max(best, sentenceCosine(query, sv, s));
  }
  return best;
}

/**
 * Dense + BM25 + best-sentence similarity (+ answer type for quantity questions), fused
 * by weighted RRF. The sentence list rewards passages with one sentence that answers the
 * question even when the rest of the paragraph is about something else — common in long
 * prepared remarks. For "how many X" questions a fourth list ranks the passages that
 * state a figure next to X, so the one with "180 satellites" beats one that only talks
 * about satellites.
 */
export class HybridRetriever implements Retriever {
  readonly name = 'hybrid';
  constructor(
    private readonly dense: Retriever,
    private readonly lexical: Retriever,
    private readonly sentences: SentenceVectors,
    private readonly weights: HybridWeights = DEFAULT_HYBRID_WEIGHTS,
  ) {}

  retrieve(query: PreparedQuery, k: number, filter?: PassageFilter): Candidate[] {
    if (k <= 0) return [];
    const pool = Math.max(k, CANDIDATE_POOL);
    const dense = this.dense.retrieve(query, pool, filter);
    const lexical = this.lexical.retrieve(query, pool, filter);
    const union = new Set<number>([...dense, ...lexical].map((c) => c.index));
    const sentence = [...union]
      .map((index) => ({ index, score: bestSentenceScore(query, this.sentences, index) }))
      .sort((a, b) => b.score - a.score);
    const lists = [
      { candidates: dense, weight: this.weights.dense },
      { candidates: lexical, weight: this.weights.lexical },
      { candidates: sentence, weight: this.weights.sentence },
    ];
    if (query.figureTerms) {
      const figure = [...union]
        .map((index) => ({ index, score: bestSentenceScore(query, this.sentences, index, true) }))
        .filter((c) => c.score > -1)
        .sort((a, b) => b.score - a.score);
      lists.push({ candidates: figure, weight: this.weights.figure });
    }
    return reciprocalRankFusion(lists).slice(0, k);
  }
}
