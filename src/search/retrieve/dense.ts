import type { Graph } from '../../index/dense-graph.js';
import { dotRow } from '../sentences/vectors.js';
import { exactScope, type Candidate, type PassageFilter, type PreparedQuery, type Retriever } from './retriever.js';

/** What the dense retriever reads from a loaded index. */
export interface DenseIndex {
  hnsw: Graph;
  /** Graph label → passage position (−1: deleted). */
  positionOfLabel: Int32Array;
  /** Row i = passage i, unit length. */
  passageVectors: Float32Array;
  dimensions: number;
}

/** Best first; ties by position, so exact and graph search order equal scores alike. */
export const byScore = (a: Candidate, b: Candidate) => b.score - a.score || a.index - b.index;

/** Nearest passages by cosine: the HNSW graph over the library, or exactly over a small scope. */
export class DenseRetriever implements Retriever {
  readonly name = 'dense';
  constructor(
    private readonly index: DenseIndex,
    private readonly efSearch: number,
  ) {}

  retrieve(query: PreparedQuery, k: number, filter?: PassageFilter): Candidate[] {
    if (k <= 0) return [];
    const scope = exactScope(filter, this.index.positionOfLabel.length);
    return scope ? this.exact(query, k, scope, filter!) : this.graph(query, k, filter);
  }

  /** Cosine with every passage of the scope the filter allows (vectors are unit length). */
  private exact(query: PreparedQuery, k: number, scope: ArrayLike<number>, filter: PassageFilter): Candidate[] {
    const { passageVectors, dimensions } = this.index;
    const out: Candidate[] = [];
    for (let i = 0; i < scope.length; i++) {
      const index = scope[i]!;
      if (filter(index)) out.push({ index, score: dotRow(query.vector, passageVectors, index, dimensions) });
    }
    return out.sort(byScore).slice(0, k);
  }

  private graph(query: PreparedQuery, k: number, filter?: PassageFilter): Candidate[] {
    const { hnsw, positionOfLabel } = this.index;
    const n = Math.min(k, hnsw.getCurrentCount());
    if (n <= 0) return [];
    // hnswlib requires ef ≥ k for k results.
    hnsw.setEf(Math.max(this.efSearch, n));
    const allowed = filter ? (label: number) => positionOfLabel[label]! >= 0 && filter(positionOfLabel[label]!) : undefined;
    const { neighbors, distances } = hnsw.searchKnn(Array.from(query.vector), n, allowed);
    // Cosine space returns 1 − cos.
    return neighbors
      .map((label, i) => ({ index: positionOfLabel[label]!, score: 1 - distances[i]! }))
      .filter((c) => c.index >= 0)
      .sort(byScore);
  }
}
