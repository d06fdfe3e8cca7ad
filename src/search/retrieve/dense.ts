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

/** Unfiltered searches tried before a filtered one, as multiples of k (see graph()). */
const OVERSAMPLE = [3, 10, 30] as const;

/** Best first; ties by position, so exact and graph search order equal scores alike (-1/0/1: no heap number per comparison). */
export const byScore = (a: Candidate, b: Candidate) => (b.score > a.score ? 1 : b.score < a.score ? -1 : a.index - b.index);

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
    const { hnsw } = this.index;
    const n = Math.min(k, hnsw.getCurrentCount());
    if (n <= 0) return [];
    if (!filter) return this.search(query, n);
    // A filter passed to hnswlib is a call from native code into JS for every node the search
    // visits (thousands a query at 100k passages). The common scopes allow most passages (everyone
    // but the operator, one side, one section; analysts' questions are 14 %): search a few times k
    // without the filter and keep what it allows — 1.6 ms for 1,200 neighbours against 4.4 ms for
    // the filtered search at 14 %, 108k passages — and hand the filter to the graph search only
    // when too few pass.
    const total = hnsw.getCurrentCount();
    // The share of passages the filter is expected to allow near this query: the scope's size
    // when known, then what the last unfiltered search found.
    let passing = filter.reach !== undefined ? filter.reach / total : undefined;
    for (const wide of OVERSAMPLE) {
      const m = Math.min(n * wide, total);
      // Too few would pass — a rare scope (a few calls' or people's passages), or one the query's
      // neighbourhood seldom holds (questions near a topic that answers discuss): a wider search
      // would come back short too, so go to the filtered search rather than pay for both.
      if (passing !== undefined && m * passing < n && m < total) continue;
      const found = this.search(query, m);
      const allowed = found.filter((c) => filter(c.index));
      if (allowed.length >= n || m === total) return allowed.slice(0, n);
      passing = allowed.length / found.length;
    }
    return this.search(query, n, filter);
  }

  /** The graph's nearest `n` passages (allowed by `filter`, when given), best first. */
  private search(query: PreparedQuery, n: number, filter?: PassageFilter): Candidate[] {
    const { hnsw, positionOfLabel } = this.index;
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
