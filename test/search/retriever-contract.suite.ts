import { beforeAll, describe, expect, it } from 'vitest';
import type { Retriever } from '../../src/search/retrieve/retriever.js';
import type { SearchService } from '../../src/service/open-service.js';
import { testService } from '../helpers/service.js';

/**
 * One contract every retriever passes (after Hono's shared router suite): the same
 * questions, the same invariants. Nothing is skipped for any implementation.
 */
let service: SearchService;
beforeAll(async () => {
  service = await testService();
});

const prepared = async (text: string) => ({ text, vector: await service.embedder.embedOne(text) });

describe.each(['dense', 'lexical', 'hybrid'] as const)('%s retriever contract', (name) => {
  let retriever: Retriever;
  beforeAll(() => {
    retriever = service.engine.retrievers[name];
  });

  it('has its name', () => {
    expect(retriever.name).toBe(name);
  });

  it('returns at most k valid, distinct passage positions, best first', async () => {
    const q = await prepared('Trainium chips price performance');
    for (const k of [1, 5, 20]) {
      const hits = retriever.retrieve(q, k);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.length).toBeLessThanOrEqual(k);
      expect(new Set(hits.map((h) => h.index)).size).toBe(hits.length);
      for (const h of hits) {
        expect(Number.isInteger(h.index)).toBe(true);
        expect(h.index).toBeGreaterThanOrEqual(0);
        expect(h.index).toBeLessThan(service.engine.index.passages.length);
        expect(Number.isFinite(h.score)).toBe(true);
      }
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    }
  });

  it('k = 0 gives nothing', async () => {
    expect(retriever.retrieve(await prepared('AWS'), 0)).toEqual([]);
  });

  it('honours a filter: only allowed passages come back', async () => {
    const { passages } = service.engine.index;
    const jassy = (i: number) => passages[i]!.speaker.name === 'Andrew Jassy';
    const hits = retriever.retrieve(await prepared('free cash flow'), 10, jassy);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(jassy(h.index)).toBe(true);
  });

  it('a filter that allows nothing gives nothing', async () => {
    expect(retriever.retrieve(await prepared('AWS growth'), 10, () => false)).toEqual([]);
  });

  it('finds the passage that plainly matches a distinctive question', async () => {
    const hits = retriever.retrieve(await prepared('how many satellites have been launched for Leo'), 5);
    const texts = hits.map((h) => service.engine.index.passages[h.index]!.text);
    expect(texts.some((t) => t.includes('launched 180 satellites'))).toBe(true);
  });

  it('is deterministic', async () => {
    const q = await prepared('advertising revenue growth');
    expect(retriever.retrieve(q, 10)).toEqual(retriever.retrieve(q, 10));
  });
});
