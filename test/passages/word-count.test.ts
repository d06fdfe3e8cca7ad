/** What a passage says: words outside transcription marks (word-count.ts), and the scope leaving out passages of marks alone. */
import { describe, expect, it } from 'vitest';
import { saysSomething } from '../../src/passages/word-count.js';
import type { Passage } from '../../src/passages/types.js';
import { scopeFilter } from '../../src/search/retrieve/scope.js';

describe('saysSomething', () => {
  it.each(['[unk]', '[laugh].', '[crosstalk]-', ' [inaudible] [unk]. ', '', '...'])('%j says nothing', (text) => {
    expect(saysSomething({ text })).toBe(false);
  });
  it.each(['Yes.', '[unk] margins were up.', '12%', 'Thank you [laugh].'])('%j says something', (text) => {
    expect(saysSomething({ text })).toBe(true);
  });
});

describe('scopeFilter', () => {
  const passage = (text: string, side: 'company' | 'analyst' | 'operator' | 'unknown' = 'company'): Passage => ({
    id: `c@${text.length}`,
    callId: 'c',
    index: 0,
    text,
    speaker: { id: 's', name: 'Speaker 1', title: null, side, firm: null },
    section: 'qa',
    exchange: 1,
    turn: 0,
    role: 'answer',
    startTime: null,
    start: 0,
    end: text.length,
    tokens: 3,
    sentences: [],
  });
  it('leaves out passages of transcription marks alone, as it does the operator', () => {
    const passages = [passage('[unk]'), passage('Volumes recovered in May.'), passage('Next question.', 'operator'), passage('[laugh].', 'analyst')];
    const allowed = scopeFilter(passages, { callIds: null, speakerKeys: null, side: null, section: null, questionsOnly: false });
    expect(passages.map((_, i) => allowed(i))).toEqual([false, true, false, false]);
  });

  it('a company side the question implied lets in speakers of unknown side; one the request set, or the analyst side, does not', () => {
    const passages = [passage('Volumes recovered.', 'unknown'), passage('Margins rose.'), passage('Why did margins rise?', 'analyst')];
    const base = { callIds: null, speakerKeys: null, section: null, questionsOnly: false };
    const allowedBy = (scope: Parameters<typeof scopeFilter>[1]) => passages.map((_, i) => scopeFilter(passages, scope)(i));
    expect(allowedBy({ ...base, side: 'company', sources: { side: 'query' } })).toEqual([true, true, false]);
    expect(allowedBy({ ...base, side: 'company', sources: { side: 'request' } })).toEqual([false, true, false]);
    expect(allowedBy({ ...base, side: 'company' })).toEqual([false, true, false]);
    expect(allowedBy({ ...base, side: 'analyst', sources: { side: 'query' } })).toEqual([false, false, true]);
  });
});
