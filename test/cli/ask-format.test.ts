/** How `ask` prints results: the call each comes from, and where it starts in a recording. */
import { describe, expect, it } from 'vitest';
import type { SearchResponse, SearchResult } from '../../src/api/schemas.js';
import { callLabel, formatClock, formatResults } from '../../src/cli/ask.js';

const speaker = { id: 'acme/ann-lee', name: 'Ann Lee', title: 'Chief Executive Officer', side: 'company' as const, firm: 'Acme Corp.' };
const call = { id: 'acme-q1-2024', company: 'Acme Corp.', ticker: 'ACME', quarter: 'Q1 2024', year: 2024, date: '2024-04-30' };

function result(startTime: number | null, callRef = call): SearchResult {
  const text = 'Orders grew in every region.';
  return {
    id: `${callRef.id}@10`, call_id: callRef.id, text, speaker, section: 'prepared_remarks', exchange: null, start: 10, end: 10 + text.length, turn: 1,
    role: 'remarks', start_time: startTime, rank: 1, score: 0.03, relevance: { score: 0.9, label: 'strong' }, weak: false,
    answer: { text, start: 0, end: text.length }, call: callRef, citation: text, links: { question: null, answers: [], analyst: null },
  };
}

function response(results: SearchResult[]): SearchResponse {
  return {
    query: 'orders', took_ms: 1, answer: null, notice: null, key_points: [], results,
    interpreted: {
      topic: 'orders', intent: 'topic', speakers: [], companies: [], period: null, calls: null, calls_total: null, side: null, section: null, source: 'none',
      sources: { speaker: 'none', side: 'none', section: 'none', company: 'none', period: 'none', call: 'none' }, corrected_topic: null, relaxed: [], unmatched: [], pasted: false, preferred_company: null,
    },
  };
}

describe('ask output', () => {
  it('formats a recording time as m:ss, or h:mm:ss past an hour', () => {
    expect([0, 26.5, 59.99, 60, 754, 3599, 3600, 3723, 36_000].map(formatClock)).toEqual(['0:00', '0:26', '0:59', '1:00', '12:34', '59:59', '1:00:00', '1:02:03', '10:00:00']);
  });

  it('names the call of each result by company and quarter (the date when the quarter is unknown), and its start time when there is one', () => {
    expect(callLabel(call)).toBe('Acme Corp. Q1 2024');
    expect(callLabel({ ...call, quarter: null })).toBe('Acme Corp. 2024-04-30');
    expect(callLabel({ ...call, quarter: null, date: null })).toBe('Acme Corp.');
    const timed = formatResults(response([result(754.5)]), { color: false });
    expect(timed).toContain('1. Ann Lee · Chief Executive Officer · company  Acme Corp. Q1 2024 · Prepared remarks at 12:34 · strong match (90) · acme-q1-2024@10');
    const untimed = formatResults(response([result(null)]), { color: false });
    expect(untimed).toContain('Acme Corp. Q1 2024 · Prepared remarks · strong match');
    expect(untimed).not.toMatch(/ at \d/);
  });

  it('says which company a brand in the question was read as, and only then', () => {
    const plain = response([result(null)]);
    expect(formatResults(plain, { color: false })).not.toMatch(/calls first/);
    const branded = { ...plain, interpreted: { ...plain.interpreted, preferred_company: { key: 'acme', name: 'Acme Corp.', matched: 'Roadrunner' } } };
    expect(formatResults(branded, { color: false })).toContain(`"Roadrunner" is Acme Corp.'s: its calls first (name a company for another's).`);
  });
});
