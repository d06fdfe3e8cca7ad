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
 * `total` passages. Exact search costs ~1.2 µs per passage of the scope. The dense search finds
 * most scopes of a twentieth of the library or more by a wide unfiltered search (dense.ts, up to
 * 30 × k) for ~2 ms; rarer ones need the filtered graph search, measured at 108,633 passages
 * (`npm run bench:scale`) at 10 ms for 1,000 passages spread over the library and 15–17 ms for the
 * 4,300 passages of 39 real calls (a call's passages sit together in the graph). So: exact up to a
 * twentieth of the library (the best p50/p99 at 1,000 calls against a thirtieth, a twelfth and
 * none), at most 10,000 passages (12 ms), never below lexicalExactMax.
 */
export function exactScopeMax(total: number): number {
  return Math.max(lexicalExactMax(total), Math.min(Math.round(total / 20), 10_000));
}

/**
 * The same for BM25, whose exact scoring reads each passage's forward list (dearer than a dot
 * product) while its champion lists serve a filter at a bounded cost: the crossover measured
 * with scopes spread over 108,633 passages, n ≈ √(58·N), never below 1,000.
 */
export function lexicalExactMax(total: number): number {
  return Math.max(1_000, Math.round(Math.sqrt(58 * total)));
}

/** The passages to score exactly under this filter, or null when the library-wide path serves it better. */
export function exactScope(filter: PassageFilter | undefined, total: number, max = exactScopeMax(total)): ArrayLike<number> | null {
  const members = filter?.members;
  return members && members.length <= max ? members : null;
}

export interface Retriever {
  readonly name: string;
  /** The best `k` passages allowed by `filter`, best first, without duplicates. */
  retrieve(query: PreparedQuery, k: number, filter?: PassageFilter): Candidate[];
}
