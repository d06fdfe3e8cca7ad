import { BoundedCache } from '../../index/bounded-cache.js';
import type { LoadedIndex } from '../../index/load.js';
import { answersFigure } from './figures.js';
import type { SentenceInfo } from './sentence-info.js';
import { dotRow, SentenceVectors } from './vectors.js';

/**
 * Sentence-level scoring for one query. Retrieval ranks passages by their best sentence, the
 * topic check asks whether any sentence is about the query, and answer selection picks the
 * sentence that answers: all three read the same per-query scores, computed once per sentence.
 */

/** Facts described per sentence and kept at most this many at a time (materialised from the stored rows on first use). */
const INFO_CACHE = 16_384;

/** Every passage's sentences as loaded: vectors, and the facts computed for each sentence at build. */
export class SentenceData {
  readonly vectors: SentenceVectors;
  /** Passage vectors (row i = passage i), for a passage's own cosine with the query. */
  readonly passageVectors: Float32Array;
  /** start[i]..start[i+1] are passage i's sentence rows. */
  readonly start: Int32Array;
  readonly dimensions: number;
  private readonly infos = new BoundedCache<number, SentenceInfo>(INFO_CACHE);

  constructor(private readonly index: LoadedIndex) {
    this.vectors = new SentenceVectors(index.sentenceVectors, index.dimensions);
    this.passageVectors = index.passageVectors;
    this.start = index.sentenceStart;
    this.dimensions = index.dimensions;
  }

  /** What answer selection reads about sentence `row` (see sentence-info.ts). */
  info(row: number): SentenceInfo {
    return this.infos.get(row, this.describe);
  }

  /** info() computed from the stored rows (a bound field: read per candidate sentence, it allocates no closure per call). */
  private readonly describe = (row: number): SentenceInfo => {
    const { sentenceTerms, figureTerms, sentenceWords, sentenceFlags, term } = this.index;
    const terms = new Set<string>();
    for (let i = sentenceTerms.offsets[row]!; i < sentenceTerms.offsets[row + 1]!; i++) terms.add(term(sentenceTerms.items[i]!));
    const nearFigure = new Set<string>();
    for (let i = figureTerms.offsets[row]!; i < figureTerms.offsets[row + 1]!; i++) nearFigure.add(term(figureTerms.items[i]!));
    return { terms, hasFigure: (sentenceFlags[row]! & 1) === 1, nearFigure, words: sentenceWords[row]! };
  };
}

/** An index's sentence data (nothing is computed per sentence: it was, at build). */
export function sentenceData(index: LoadedIndex): SentenceData {
  return new SentenceData(index);
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
    return this.data.info(row);
  }

  /** Cosine between the query and one sentence (vectors are unit length). */
  cosine(row: number): number {
    let c = this.cosines.get(row);
    if (c === undefined) {
      c = this.data.vectors.dot(this.query.vector, row);
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
    const f = this.data.info(row);
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
