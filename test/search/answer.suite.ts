import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchService } from '../../src/service/open-service.js';
import { TOP_ANSWER_POOL } from '../../src/search/answer/top-answer.js';
import { testService } from '../helpers/service.js';

let service: SearchService;
beforeAll(async () => {
  service = await testService();
});

const QUESTIONS = [
  'what did Jassy say about Trainium',
  'How many satellites has Amazon launched?',
  'What was free cash flow?',
  'Who asked about return on invested capital?',
  'aws backlog',
  'how is advertising doing',
];

describe('answer sentences', () => {
  it.each(QUESTIONS)('offsets point at the returned sentence: %s', async (q) => {
    const r = await service.engine.search({ q, k: 10 });
    expect(r.results.length).toBeGreaterThan(0);
    for (const res of r.results) {
      const { text, start, end } = res.answer;
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(res.text.length);
      expect(res.text.slice(start, end)).toBe(text);
      // The passage's own offsets point into the source the same way.
      const call = service.engine.index.calls.find((c) => c.meta.id === res.call_id)!;
      expect(call.source.slice(res.start, res.end)).toBe(res.text);
      expect(call.source.slice(res.start + start, res.start + end)).toBe(text);
    }
    // The top answer is the answer sentence of one of the first few results (the best of them, not always the first's).
    const holder = r.results.find((x) => x.id === r.answer?.passage_id)!;
    expect(holder.rank).toBeLessThanOrEqual(TOP_ANSWER_POOL);
    expect(r.answer).toEqual({ text: holder.answer.text, speaker: holder.speaker, call: holder.call, passage_id: holder.id, start: holder.answer.start, end: holder.answer.end });
  });

  it('neighbouring chunks of one turn near the top are one card: the source from its start to its end, its id among them, no chunk shown twice', async () => {
    const r = await service.engine.search({ q: 'what did Jassy say about Trainium', k: 10 });
    const passages = service.engine.index.passages;
    const cards = r.results.filter((x) => x.text.length > service.engine.passage(x.id)!.passage.text.length);
    expect(cards.length).toBeGreaterThan(0);
    const shown: string[] = [];
    for (const card of r.results) {
      const inside = passages.filter((p) => p.callId === card.call_id && p.start >= card.start && p.end <= card.end);
      expect(inside.map((p) => p.id)).toContain(card.id);
      expect(new Set(inside.map((p) => p.turn)).size).toBe(1);
      shown.push(...inside.map((p) => p.id));
    }
    expect(new Set(shown).size).toBe(shown.length);
    expect(r.results).toHaveLength(10);
  });

  it('the answer is a whole sentence, not the whole passage, when the passage has several', async () => {
    const r = await service.engine.search({ q: 'How many satellites has Amazon launched?', k: 5 });
    const hit = r.results.find((x) => x.text.includes('launched 180 satellites'))!;
    expect(hit.answer.text).toContain('180 satellites');
    expect(hit.answer.text.length).toBeLessThan(hit.text.length);
    expect(hit.answer.text).toMatch(/[.?!]$/);
  });

  it('picks the sentence about the question over its neighbours', async () => {
    const r = await service.engine.search({ q: 'how big is the AWS backlog', k: 3 });
    expect(r.answer?.text).toMatch(/backlog/i);
    expect(r.answer?.text).toMatch(/\$244 billion/);
  });
});
