import { describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/api/schemas.js';
import { scoreQuestion, summarize } from '../../src/eval/evaluate.js';
import { indexSources, sourceStem } from '../../src/eval/library-sources.js';
import { questionsInLibrary } from '../../src/eval/question-set.js';

const speaker = { id: 'a', name: 'Ann Lee', title: null, side: 'company' as const, firm: null };
const call = { id: 'c', company: 'C', ticker: null, quarter: null, year: null, date: null };
function response(texts: string[], answer: string | null, points: string[]): SearchResponse {
  return {
    query: 'q',
    took_ms: 1,
    interpreted: {
      topic: 'q', intent: 'topic', speakers: [], companies: [], period: null, calls: null, calls_total: null, side: null, section: null, source: 'none',
      sources: { speaker: 'none', side: 'none', section: 'none', company: 'none', period: 'none', call: 'none' }, corrected_topic: null, relaxed: [], unmatched: [], pasted: false, preferred_company: null,
    },
    answer: answer === null ? null : { text: answer, speaker, call, passage_id: 'c@0', start: 0, end: answer.length },
    notice: null,
    key_points: points.map((text) => ({ text, passage_id: 'c@0', start: 0, end: text.length, speaker, call, citation: text })),
    results: texts.map((text, i) => ({
      id: `c@${i}`, call_id: 'c', text, speaker, section: 'qa', exchange: null, start: 0, end: text.length, turn: 0, role: 'answer', start_time: null,
      rank: i + 1, score: 0.01, relevance: { score: 0.5, label: 'related' }, weak: false, answer: { text, start: 0, end: text.length }, call, citation: text, links: { question: null, answers: [], analyst: null },
    })),
  };
}

describe('answer@1 and key-point coverage', () => {
  it('answer@1: the top answer holds an answer phrase (case and spacing folded); null without answer gold', () => {
    const item = { q: 'q', gold: ['Revenue was $10 billion'], answer: ['$10 billion'] };
    expect(scoreQuestion(item, response(['x', 'Revenue was $10 billion'], 'Revenue  was $10 BILLION.', [])).answerOk).toBe(true);
    expect(scoreQuestion(item, response(['Revenue was $10 billion'], 'Segment revenue was $4 billion.', [])).answerOk).toBe(false);
    expect(scoreQuestion(item, response(['Revenue was $10 billion'], null, [])).answerOk).toBe(false);
    expect(scoreQuestion({ q: 'q', gold: ['x'] }, response(['x'], 'x', [])).answerOk).toBeNull();
  });

  it('key-point coverage: share of gold phrases in the key points, and ≥ 2 held, over questions with several', () => {
    const item = { q: 'q', gold: ['one thing', 'another thing', 'a third thing', 'a fourth thing'] };
    const o = scoreQuestion(item, response(['one thing'], 'one thing', ['We said one thing.', 'And another thing too.']));
    expect(o.keyPointGold).toEqual({ found: 2, of: 4 });
    const single = scoreQuestion({ q: 'q', gold: ['only'] }, response(['only'], 'only', ['only']));
    const m = summarize([o, single]);
    expect(m.keyPointN).toBe(1);
    expect(m.keyPointCoverage).toBe(0.5);
    expect(m.keyPointsTwoPlus).toBe(1);
    expect(m.answerN).toBe(0);
  });

  it('a set written for a larger library runs on the calls present', () => {
    const set = { items: [{ q: 'a', gold: ['x'], call_source: 'amzn-q4-2025-earnings-call.txt' }, { q: 'b', gold: ['x'], call_source: '4341191.nlp' }, { q: 'c', gold: ['x'] }] };
    const lib = (...files: string[]) => (source: string) => indexSources(files.map((f, i) => ({ meta: { id: `call-${i}` }, sourcePath: f }))).get(sourceStem(source));
    const { items, skipped } = questionsInLibrary(set, lib('data/transcripts/amzn-q4-2025-earnings-call.txt'));
    expect(items.map((i) => i.q)).toEqual(['a', 'c']);
    expect(skipped).toBe(1);
    expect(questionsInLibrary(set, lib('/x/4341191.txt', 'amzn-q4-2025-earnings-call.txt')).items).toHaveLength(3);
  });
});
