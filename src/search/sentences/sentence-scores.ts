import type { LoadedIndex } from '../../index/load.js';
import { answersFigure } from './figures.js';
import { describeSentence, type SentenceInfo } from './sentence-info.js';
import { dotRow } from './vectors.js';

/**
 * Sentence-level scoring for one query. Retrieval ranks passages by their best sentence, the
 * topic check asks whether any sentence is about the query, and answer selection picks the
 * sentence that answers: all three read the same per-query scores, computed once per sentence.
 */

/** Every passage's sentences as loaded: vectors plus facts precomputed at load. */
export interface SentenceData {
  vectors: Float32Array;
  /** Passage vectors (row i = passage i), for a passage's own cosine with the query. */
  passageVectors: Float32Array;
  /** start[i]..start[i+1] are passage i's sentence rows. */
  start: Int32Array;
  dimensions: number;
  /** Per sentence, precomputed at load (see sentence-info.ts). */
  info: SentenceInfo[];
}

/** An index's sentence vectors with each sentence described once, at load, not per query. */
export function sentenceData(index: LoadedIndex): SentenceData {
  const info = index.passages.flatMap((p) => p.sentences.map((s) => describeSentence(s.text)));
  return { vectors: index.sentenceVectors, passageVectors: index.passageVectors, start: index.sentenceStart, dimensions: index.dimensions, info };
}

/** What sentence scoring needs from the query. */
export interface SentenceQuery {
  /** Unit-length query embedding. */
  vector: Float32Array;
  /** Set when the question asks for a figure: the stems of what is counted ([] = any figure). */
  figureTerms?: readonly string[] | null;
}

/** Per-query sentence scores; cosines are computed on first use and remembered for the rest of the query. */
export class SentenceScorer {
  private readonly cosines = new Map<number, number>();

  constructor(
    readonly data: SentenceData,
    readonly query: SentenceQuery,
  ) {}

  /** Rows of passage `passage`'s sentences: [from, to). */
  rows(passage: number): [number, number] {
    return [this.data.start[passage]!, this.data.start[passage + 1]!];
  }

  info(row: number): SentenceInfo {
    return this.data.info[row]!;
  }

  /** Cosine between the query and one sentence (vectors are unit length). */
  cosine(row: number): number {
    let c = this.cosines.get(row);
    if (c === undefined) {
      c = dotRow(this.query.vector, this.data.vectors, row, this.data.dimensions);
      this.cosines.set(row, c);
    }
    return c;
  }

  /** Cosine between the query and a whole passage. */
  passageCosine(passage: number): number {
    return dotRow(this.query.vector, this.data.passageVectors, passage, this.data.dimensions);
  }

  /** For quantity questions: does this sentence state the figure asked for (see figures.ts)? */
  answersFigure(row: number): boolean {
    const f = this.data.info[row]!;
    return this.query.figureTerms != null && answersFigure(this.query.figureTerms, f.nearFigure, f.hasFigure);
  }

  /** Best cosine of any one sentence of the passage; with `figuresOnly`, of its figure-answering sentences (-1 if none). */
  bestInPassage(passage: number, figuresOnly = false): number {
    let best = -1;
    const [from, to] = this.rows(passage);
    for (let s = from; s < to; s++) {
      if (figuresOnly && !this.answersFigure(s)) continue;
      best = Math.max(best, this.cosine(s));
    }
    return best;
  }
}
