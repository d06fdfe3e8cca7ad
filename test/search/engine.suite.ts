import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchService } from '../../src/service/open-service.js';
import { testService } from '../helpers/service.js';
import { orderScore, type OrderFeatures } from '../../src/search/answer/result-order.js';

let service: SearchService;
beforeAll(async () => {
  service = await testService();
});
const search = (q: string, extra: Record<string, unknown> = {}) => service.engine.search({ q, k: 10, ...extra });

describe('SearchEngine', () => {
  it('the canonical question: Andrew Jassy on Trainium first', async () => {
    const r = await search('what did Jassy say about Trainium');
    expect(r.results[0]!.speaker.name).toBe('Andrew Jassy');
    expect(r.results[0]!.text).toMatch(/Trainium/);
    expect(r.interpreted).toMatchObject({ intent: 'speaker_topic', topic: 'Trainium', source: 'query' });
    expect(r.interpreted.speakers.map((s) => s.name)).toEqual(['Andrew Jassy']);
    expect(r.notice).toBeNull();
    for (const res of r.results) expect(res.speaker.name).toBe('Andrew Jassy');
  });

  it('who-asked ranks analysts’ questions and links them to the answers they drew', async () => {
    const r = await search('Who asked about Project Rainier?');
    const top = r.results[0]!;
    expect(top.speaker.side).toBe('analyst');
    expect(top.section).toBe('qa');
    expect(top.links.answers.length).toBeGreaterThan(0);
    const answer = service.engine.passage(top.links.answers[0]!)!;
    expect(answer.passage.speaker.side).toBe('company');
    expect(answer.passage.exchange).toBe(top.exchange);
    expect(answer.links.question).toBe(top.links.question);
    expect(answer.links.analyst?.name).toBe(top.speaker.name);
  });

  it('orders the leading results by the order model: the first is the one it scores best', async () => {
    let leading: { passageIndex: number; features: OrderFeatures }[] = [];
    const r = await service.engine.search({ q: 'what did they say about power constraints in data centers', k: 10 }, { onOrder: (l) => (leading = l) });
    expect(leading.length).toBeGreaterThan(1);
    const best = leading.reduce((a, b) => (orderScore(b.features) > orderScore(a.features) ? b : a));
    const { passages } = service.engine.index;
    expect(r.results[0]!.id.startsWith(passages[best.passageIndex]!.callId)).toBe(true);
    expect(r.results[0]!.text).toContain(passages[best.passageIndex]!.text);
    // On this question the model changes the first result: fusion's first is not the model's.
    expect(best.passageIndex).not.toBe(leading[0]!.passageIndex);
  });

  it('says so when the named speaker never discussed the topic, instead of silently answering with someone else', async () => {
    const r = await search('what did Olsavsky say about Trainium');
    expect(r.notice).toMatch(/Brian Olsavsky did not discuss "Trainium"/);
    expect(r.results[0]!.text).toMatch(/Trainium/);
  });

  it('says nobody discussed a topic absent from the call, and claims no answer', async () => {
    const r = await search('what did Jassy say about Zoox');
    expect(r.notice).toMatch(/Nobody on this call discussed "Zoox"/);
    expect(r.answer).toBeNull();
    const junk = await search('<img src=x onerror="window.__pwned=1">');
    expect(junk.notice).toMatch(/Nothing on this call is clearly about/);
    expect(junk.answer).toBeNull();
  });

  it('speaker "any" lifts the speaker the query names', async () => {
    const r = await search('what did Jassy say about free cash flow', { speaker: 'any' });
    expect(r.interpreted.speakers).toEqual([]);
    expect(r.interpreted.sources.speaker).toBe('request');
    expect(new Set(r.results.slice(0, 5).map((x) => x.speaker.name)).size).toBeGreaterThan(1);
  });

  it('explicit filters narrow the results and are reported as the request’s', async () => {
    const r = await search('AI', { side: 'analyst', section: 'qa' });
    expect(r.interpreted.source).toBe('request');
    expect(r.results.length).toBeGreaterThan(0);
    for (const res of r.results) {
      expect(res.speaker.side).toBe('analyst');
      expect(res.section).toBe('qa');
    }
    const cfo = await search('what did Jassy say about free cash flow', { speaker: 'Olsavsky' });
    for (const res of cfo.results) expect(res.speaker.name).toBe('Brian Olsavsky');
  });

  it('constraints that nothing satisfies give no results and say why', async () => {
    const r = await search('robotics', { side: 'analyst', section: 'prepared_remarks' });
    expect(r.results).toEqual([]);
    expect(r.answer).toBeNull();
    expect(r.notice).toMatch(/No passage fits the side and section filters together; drop one of them/);
  });

  it('leaves the operator out unless asked for', async () => {
    const r = await search('next question comes from the line of');
    for (const res of r.results) expect(res.speaker.side).not.toBe('operator');
    const op = await search('next question', { side: 'operator' });
    expect(op.results.length).toBeGreaterThan(0);
    for (const res of op.results) expect(res.speaker.side).toBe('operator');
  });

  it('what-did-the-firm-analyst-ask gives that analyst’s question in call order', async () => {
    const r = await search('What did the Goldman Sachs analyst ask?');
    expect(r.results[0]!.speaker.name).toBe('Eric Sheridan');
    expect(r.results[0]!.text).toMatch(/backlog/);
    // What was asked for, not a "weaker match" of a topic: no notice, the question is the answer.
    expect(r.notice).toBeNull();
    expect(r.results.every((x) => !x.weak)).toBe(true);
    expect(r.answer?.speaker.name).toBe('Eric Sheridan');
  });

  it('what an analyst asked is answered by the sentence that asks it, not the preamble', async () => {
    for (const q of ['What did Mark Mahaney ask?', 'what did the JPMorgan analyst ask']) {
      const r = await search(q);
      expect(r.answer?.text, q).toMatch(/\?\s*$|\b(?:could|can|would) you\b|\b(?:talk|help) (?:us|about)\b/i);
    }
  });

  it('states the headline figure however few results are asked for, and shows the passage that holds it', async () => {
    const cases: [string, RegExp][] = [
      ['What was total revenue for the quarter?', /\$213\.4 billion/],
      ['what was operating income', /\$25 billion/],
      ['capex guidance for 2026', /\$200 billion/],
    ];
    for (const [q, figure] of cases) {
      for (const k of [1, 3, 10]) {
        const r = await service.engine.search({ q, k });
        expect(r.results.length, `${q} k=${k}`).toBe(k);
        expect(r.answer?.text, `${q} k=${k}`).toMatch(figure);
        expect(r.results.map((x) => x.id), `${q} k=${k}`).toContain(r.answer!.passage_id);
      }
    }
  });

  it('forgives typos, without calling a misspelt topic absent', async () => {
    const sloppy = await search('wat did olsavsky say abt fre cash flow');
    expect(sloppy.results[0]!.speaker.name).toBe('Brian Olsavsky');
    expect(sloppy.notice).toBeNull();
    const r = await search('wat did jasy say abt tranium');
    expect(r.results[0]!.speaker.name).toBe('Andrew Jassy');
    expect(r.results[0]!.text).toMatch(/Trainium/);
  });

  it('passage(): neighbours from the same call and Q&A links', () => {
    const first = service.engine.index.passages[0]!;
    const view = service.engine.passage(first.id)!;
    expect(view.before).toEqual([]);
    expect(view.after.length).toBe(2);
    expect(service.engine.passage('nope:1')).toBeNull();
  });
});
