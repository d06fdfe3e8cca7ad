import { reciprocalRankFusion } from './fuse.js';
import type { Candidate, PassageFilter, PreparedQuery, Retriever } from './retriever.js';
import { dotRow } from './vectors.js';

export interface SentenceVectors {
  vectors: Float32Array;
  /** start[i]..start[i+1] are passage i's sentence rows. */
  start: Int32Array;
  dimensions: number;
}

export interface HybridWeights {
  dense: number;
  lexical: number;
  sentence: number;
}

/**
 * Weights for RRF. Equal weights are the textbook default; measured on the dev set
 * with `npm run eval` — see README "Retrieval".
 */
export const DEFAULT_HYBRID_WEIGHTS: HybridWeights = { dense: 1, lexical: 1, sentence: 1 };

/** Candidates pulled from each first-stage retriever; bounded, so per-query work does not grow with the corpus. */
export const CANDIDATE_POOL = 40;

/** Best cosine between the query and any one sentence of the passage (precomputed sentence vectors). */
export function bestSentenceScore(query: Float32Array, sv: SentenceVectors, passage: number): number {
  let best = -1;
  for (let s = sv.start[passage]!; s < sv.start[passage + 1]!; s++) best = Math.max(best, dotRow(query, sv.vectors, s, sv.dimensions));
  return best;
}

/**
 * Dense + BM25 + best-sentence similarity, fused by weighted RRF. The sentence list
 * rewards passages with one sentence that answers the question even when the rest
 * of the paragraph is about something else — common in long prepared remarks.
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
      .map((index) => ({ index, score: bestSentenceScore(query.vector, this.sentences, index) }))
      .sort((a, b) => b.score - a.score);
    return reciprocalRankFusion([
      { candidates: dense, weight: this.weights.dense },
      { candidates: lexical, weight: this.weights.lexical },
      { candidates: sentence, weight: this.weights.sentence },
    ]).slice(0, k);
  }
}
