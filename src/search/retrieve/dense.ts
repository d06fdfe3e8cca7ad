import type hnswlib from 'hnswlib-node';
import type { Candidate, PassageFilter, PreparedQuery, Retriever } from './retriever.js';

/** Nearest passages by cosine from the HNSW index. */
export class DenseRetriever implements Retriever {
  readonly name = 'dense';
  constructor(
    private readonly hnsw: hnswlib.HierarchicalNSW,
    private readonly efSearch: number,
  ) {}

  retrieve(query: PreparedQuery, k: number, filter?: PassageFilter): Candidate[] {
    const n = Math.min(k, this.hnsw.getCurrentCount());
    if (n <= 0) return [];
    // hnswlib requires ef ≥ k for k results.
    this.hnsw.setEf(Math.max(this.efSearch, n));
    const { neighbors, distances } = this.hnsw.searchKnn(Array.from(query.vector), n, filter);
    // Cosine space returns 1 − cos.
    return neighbors.map((index, i) => ({ index, score: 1 - distances[i]! }));
  }
}
