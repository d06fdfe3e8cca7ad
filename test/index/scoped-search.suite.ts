/**
 * A selective scope (a speaker's passages, a call's) is scored exactly instead of filtering the
 * library-wide indexes; on a small library both paths must give the same passages in the same
 * order, for the dense and the lexical ranking alike, and for the whole search.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedIndex } from '../../src/index/load.js';
import { speakerKey } from '../../src/search/interpret/speaker-directory.js';
import { DenseRetriever } from '../../src/search/retrieve/dense.js';
import { LexicalRetriever } from '../../src/search/retrieve/lexical.js';
import { exactScopeMax, lexicalExactMax, type PassageFilter } from '../../src/search/retrieve/retriever.js';
import { scopeFilter, scopeMembers } from '../../src/search/retrieve/scope.js';
import type { SearchService } from '../../src/service/open-service.js';
import { testService } from '../helpers/service.js';

let service: SearchService;
let index: LoadedIndex;
beforeAll(async () => {
  service = await testService();
  index = service.engine.index;
});

const QUERIES = ['free cash flow', 'Trainium chips', 'advertising growth', 'capital expenditures this year', 'Project Kuiper satellites', 'operating margin'];

/** Each speaker's passages as a scope, with and without the list of its members. */
function speakerScopes(): { name: string; exact: PassageFilter; filtered: PassageFilter; rare: PassageFilter }[] {
  const bySpeaker = new Map<string, number[]>();
  index.passages.forEach((p, i) => {
    const key = speakerKey(p.callId, p.speaker.id);
    bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), i]);
  });
  return [...bySpeaker.entries()]
    .filter(([, members]) => members.length >= 3)
    .map(([key, members]) => {
      const scope = { callIds: null, speakerKeys: new Set([key]), side: null, section: null, questionsOnly: false };
      const listed = scopeMembers({ callPassages: index.callPassages, bySpeaker }, scope, true, exactScopeMax(index.passages.length));
      expect(listed).toEqual({ members, reach: members.length });
      return {
        name: key,
        exact: Object.assign(scopeFilter(index.passages, scope), { members: listed.members! }),
        filtered: scopeFilter(index.passages, scope),
        // Known only by how many passages it can allow: the graph is searched with the filter at once.
        rare: Object.assign(scopeFilter(index.passages, scope), { reach: members.length }),
      };
    });
}

describe('an exact scope and the library-wide path agree', () => {
  it('dense: the same passages in the same order, scores equal to float precision', async () => {
    const dense = new DenseRetriever(index, index.manifest.hnsw.ef_search);
    for (const q of QUERIES) {
      const query = { text: q, vector: await service.embedder.embedOne(q) };
      for (const { name, exact, filtered, rare } of speakerScopes()) {
        const a = dense.retrieve(query, 10, exact);
        for (const other of [filtered, rare]) {
          const b = dense.retrieve(query, 10, other);
          expect(a.map((c) => c.index), `${q} / ${name}`).toEqual(b.map((c) => c.index));
          a.forEach((c, i) => expect(c.score).toBeCloseTo(b[i]!.score, 5));
        }
      }
    }
  });

  it('lexical: the same passages in the same order with the same scores', () => {
    const lexical = new LexicalRetriever(index.lexical);
    for (const q of QUERIES) {
      const pass = lexical.pass(q);
      for (const { name, exact, filtered } of speakerScopes()) expect(pass.top(10, exact), `${q} / ${name}`).toEqual(pass.top(10, filtered));
    }
  });

  it('a call scope lists the call’s passages; past the exact-scope size only their count', () => {
    const lists = { callPassages: index.callPassages, bySpeaker: new Map<string, number[]>() };
    const scope = { speakerKeys: null, side: null, section: null, questionsOnly: false, callIds: new Set(['amzn-q4-2025']) };
    const all = index.passages.length;
    expect(scopeMembers(lists, scope, true, 10_000)).toEqual({ members: index.passages.map((_, i) => i), reach: all });
    expect(scopeMembers(lists, scope, true, 10)).toEqual({ members: null, reach: all });
    expect(scopeMembers(lists, { ...scope, callIds: null }, true, 10_000)).toEqual({ members: null, reach: null });
  });

  it('the exact-scope size: up to a twentieth of the library, capped, never below the square-root crossover', () => {
    expect(exactScopeMax(100)).toBe(1_000);
    expect(exactScopeMax(108_633)).toBe(Math.round(108_633 / 20));
    expect(exactScopeMax(1_000_000)).toBe(10_000);
    expect(exactScopeMax(100_000_000)).toBe(Math.round(Math.sqrt(58 * 100_000_000)));
    // BM25 keeps the square-root crossover (its exact scoring is dearer, its champion lists filter well).
    expect(lexicalExactMax(108_633)).toBe(Math.round(Math.sqrt(58 * 108_633)));
    expect(lexicalExactMax(100)).toBe(1_000);
  });
});
