/**
 * The dense retriever under a filter it cannot list (dense.ts graph()): unfiltered searches a few
 * times k wide, keeping what the filter allows, and the graph's filtered search only when too few
 * pass. On a real hnswlib graph of invented vectors: which searches run, and that what comes back
 * is the filter's nearest passages either way.
 */
import { describe, expect, it } from 'vitest';
import { createGraph, type Graph } from '../../../src/index/dense-graph.js';
import { DenseRetriever } from '../../../src/search/retrieve/dense.js';
import type { PassageFilter } from '../../../src/search/retrieve/retriever.js';

const DIMENSIONS = 16;
const COUNT = 3000;

/** Deterministic pseudo-random unit vectors (a fixed LCG), row-major. */
function unitVectors(count: number, seed: number): Float32Array {
  let state = seed >>> 0;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const out = new Float32Array(count * DIMENSIONS);
  for (let r = 0; r < count; r++) {
    let norm = 0;
    for (let d = 0; d < DIMENSIONS; d++) norm += (out[r * DIMENSIONS + d] = next()) ** 2;
    for (let d = 0; d < DIMENSIONS; d++) out[r * DIMENSIONS + d]! /= Math.sqrt(norm);
  }
  return out;
}

const dot = (v: Float32Array, q: Float32Array, row: number) => q.reduce((s, x, d) => s + x * v[row * DIMENSIONS + d]!, 0);

/** The real graph behind a recorder of its searches, as (k, filtered?) pairs (hnswlib's object cannot be patched). */
function recorded(graph: Graph): { hnsw: Graph; searches: { k: number; filtered: boolean }[] } {
  const searches: { k: number; filtered: boolean }[] = [];
  const hnsw = {
    getCurrentCount: () => graph.getCurrentCount(),
    setEf: (ef: number) => graph.setEf(ef),
    searchKnn: (vector: number[], k: number, filter?: (label: number) => boolean) => {
      searches.push({ k, filtered: filter !== undefined });
      return graph.searchKnn(vector, k, filter);
    },
  } as unknown as Graph;
  return { hnsw, searches };
}

describe('a filter the dense retriever cannot list', async () => {
  const vectors = unitVectors(COUNT, 7);
  const { hnsw, searches } = recorded(await createGraph([{ vectors, labelStart: 0 }], DIMENSIONS));
  const dense = new DenseRetriever({ hnsw, positionOfLabel: Int32Array.from({ length: COUNT }, (_, i) => i), passageVectors: vectors, dimensions: DIMENSIONS }, 200);
  /** The searches `run` makes. */
  const searchesDuring = (run: () => void) => {
    searches.length = 0;
    run();
    return [...searches];
  };
  const query = { text: 'q', vector: unitVectors(1, 99) };
  const nearest = (filter: (i: number) => boolean, k: number) =>
    Array.from({ length: COUNT }, (_, i) => i)
      .filter(filter)
      .sort((a, b) => dot(vectors, query.vector, b) - dot(vectors, query.vector, a))
      .slice(0, k);

  it('allowing most passages: one unfiltered search three times k wide', () => {
    const filter: PassageFilter = (i) => i % 10 !== 0;
    let got: number[] = [];
    expect(searchesDuring(() => (got = dense.retrieve(query, 20, filter).map((c) => c.index)))).toEqual([{ k: 60, filtered: false }]);
    expect(got).toEqual(nearest(filter, 20));
  });

  it('allowing passages the query’s neighbourhood seldom holds: after one wide search shows how few pass, straight to the filtered search', () => {
    // Passages pointing away from the query: none is among its nearest.
    const filter: PassageFilter = (i) => dot(vectors, query.vector, i) < -0.2;
    let got: number[] = [];
    expect(searchesDuring(() => (got = dense.retrieve(query, 20, filter).map((c) => c.index)))).toEqual([
      { k: 60, filtered: false },
      { k: 20, filtered: true },
    ]);
    expect(got).toEqual(nearest(filter, 20));
  });

  it('a few pass at three times k: the next width that should hold enough is tried before the filtered search', () => {
    // About one in seven of the nearest: 60 wide finds ~8, 200 wide ~28 (≥ 20).
    const near = new Set(nearest(() => true, 600).filter((_, rank) => rank % 7 === 0));
    const filter: PassageFilter = (i) => near.has(i);
    const searches = searchesDuring(() => dense.retrieve(query, 20, filter));
    expect(searches[0]).toEqual({ k: 60, filtered: false });
    expect(searches[1]).toEqual({ k: 200, filtered: false });
  });

  it('a scope known to be rare by its size goes to the filtered search at once', () => {
    const members = nearest(() => true, COUNT).filter((_, rank) => rank % 100 === 0);
    const allowed = new Set(members);
    const filter: PassageFilter = Object.assign((i: number) => allowed.has(i), { reach: members.length });
    let got: number[] = [];
    expect(searchesDuring(() => (got = dense.retrieve(query, 20, filter).map((c) => c.index)))).toEqual([{ k: 20, filtered: true }]);
    expect(got).toEqual(nearest(filter, 20));
  });
});
