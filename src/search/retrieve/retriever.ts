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

/**
 * Restricts retrieval to some passages (speaker, side, section, calls). A filter that knows the
 * passages it can allow — a speaker's, a call's — lists them as `members` (ascending; a superset
 * is fine, the filter still decides): when they are few, retrievers score exactly those instead
 * of filtering a search over the whole library, so a selective scope costs what its size costs.
 */
export type PassageFilter = ((index: number) => boolean) & {
  readonly members?: ArrayLike<number>;
  /**
   * At most how many passages the filter can allow, when known but too many to list (the passages
   * of many calls or people): a library-wide search then knows how rare allowed passages are.
   */
  readonly reach?: number;
};

/**
 * Largest scope scored exactly rather than through the library-wide indexes, for a library of
 * `total` passages. Exact search costs ~1 µs per passage of the scope; HNSW filtered to a share s
 * of the library costs about ef/s graph visits, so the two cross where n ≈ √(K·N). Measured at
 * 108,633 passages (`npm run bench:scale`, README "Benchmark"): exact 0.9 ms at 1,000 passages
 * against 10 ms filtered, 2.7 ms against 2–4 ms at 3,000, 10 ms against 0.8 ms at 10,000 —
 * a crossover near 2,500, K ≈ 58. Never below 1,000 (both are well under a millisecond there).
 */
export function exactScopeMax(total: number): number {
  return Math.max(1_000, Math.round(Math.sqrt(58 * total)));
}

/** The passages to score exactly under this filter, or null when the library-wide path serves it better. */
export function exactScope(filter: PassageFilter | undefined, total: number): ArrayLike<number> | null {
  const members = filter?.members;
  return members && members.length <= exactScopeMax(total) ? members : null;
}

export interface Retriever {
  readonly name: string;
  /** The best `k` passages allowed by `filter`, best first, without duplicates. */
  retrieve(query: PreparedQuery, k: number, filter?: PassageFilter): Candidate[];
}
