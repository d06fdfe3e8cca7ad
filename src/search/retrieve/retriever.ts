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
export type PassageFilter = ((index: number) => boolean) & { readonly members?: ArrayLike<number> };

/**
 * Largest scope scored exactly rather than through the global indexes. Exact dense search costs
 * ~1 µs per passage here; HNSW filtered to a share s of 100k passages costs about as much as
 * exact search over 100k·s passages once s falls under ~10 % (measured by `npm run bench:scale`,
 * README "Benchmark"), and grows sharply below that.
 */
export const EXACT_SCOPE_MAX = 10_000;

/** The passages to score exactly under this filter, or null when the global path serves it better. */
export function exactScope(filter: PassageFilter | undefined): ArrayLike<number> | null {
  const members = filter?.members;
  return members && members.length <= EXACT_SCOPE_MAX ? members : null;
}

export interface Retriever {
  readonly name: string;
  /** The best `k` passages allowed by `filter`, best first, without duplicates. */
  retrieve(query: PreparedQuery, k: number, filter?: PassageFilter): Candidate[];
}
