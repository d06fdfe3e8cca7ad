/** One interface for every way of ranking passages, so dense, lexical and hybrid share a contract suite. */

export interface PreparedQuery {
  /** Text to match lexically (the topic once speaker words are removed, abbreviations expanded). */
  text: string;
  /** Unit-length embedding of the topic. */
  vector: Float32Array;
  /** Set when the question asks for a figure: the stems of what is counted ([] = any figure). See interpret/figure-question.ts. */
  figureTerms?: string[] | null;
}

export interface Candidate {
  /** Position of the passage in the loaded index. */
  index: number;
  /** Higher is better; scales differ between retrievers. */
  score: number;
}

/** Restricts retrieval to some passages (speaker, side, section). */
export type PassageFilter = (index: number) => boolean;

export interface Retriever {
  readonly name: string;
  /** The best `k` passages allowed by `filter`, best first, without duplicates. */
  retrieve(query: PreparedQuery, k: number, filter?: PassageFilter): Candidate[];
}
