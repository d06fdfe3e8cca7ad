import { describe, expect, it } from 'vitest';
import { yesNoVerb } from '../../../src/search/interpret/yes-no-question.js';
import { lexicalTokens } from '../../../src/index/lexical-tokens.js';

/** Spans where each of `names` first occurs in `q`, as interpretation reports the names it found. */
const spansOf = (q: string, ...names: string[]) => names.map((n) => ({ start: q.indexOf(n), end: q.indexOf(n) + n.length }));

describe('yesNoVerb: the verb a yes/no question asks about', () => {
  it.each([
    ['Did Harbor Lights buy back any shares last quarter?', ['Harbor Lights'], 'buy'],
    ["Will Harbor Lights' CFO raise the dividend?", ['Harbor Lights', 'CFO'], 'raise'],
    ['So has Harbor Lights finally opened the Lisbon works?', ['Harbor Lights'], 'opened'],
    ['Are they still hiring in Lisbon?', [], 'hiring'],
  ])('%s', (q, names, verb) => {
    expect(yesNoVerb(q, spansOf(q, ...names))).toBe(lexicalTokens(verb)[0]);
  });

  it.each([
    ['Is Harbor Lights seeing price pressure?', ['Harbor Lights']],
    ['Does Harbor Lights expect margins to rise?', ['Harbor Lights']],
    ['What did Harbor Lights buy?', ['Harbor Lights']],
    ['Did the storms hurt demand?', []],
  ])('none in: %s', (q, names) => {
    expect(yesNoVerb(q, spansOf(q, ...names))).toBeNull();
  });
});
