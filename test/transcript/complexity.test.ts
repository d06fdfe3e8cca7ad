/**
 * Linear work (issue 13 item 2): analyst-introduction matching and the rest of parsing grow
 * linearly with the call: the work of one parse of a call with 8× the analysts against 8 parses'
 * worth of the small call gives ~1 when linear, ~8 when quadratic. Work is counted, not timed
 * (growth.ts): the same count on every run, so the bound, 1.5, needs no room for a loaded machine,
 * and the inputs need only be large enough for a quadratic term to show.
 */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/passages/sentences.js';
import { splitLines, type Line } from '../../src/transcript/lines.js';
import { namesMentioned } from '../../src/transcript/name-mentions.js';
import { withoutPageFurniture } from '../../src/transcript/page-furniture.js';
import { parseTranscriptText } from '../../src/transcript/read-source.js';
import { inferTitles } from '../../src/transcript/title-introductions.js';
import type { Participant } from '../../src/transcript/types.js';
import { callWithAnalysts, nameWord } from './generated-calls.js';
import { growthRatio, MEANINGFUL } from './growth.js';

const FACTOR = 8;
const BOUND = 1.5;

/** Linear: about 1. Below MEANINGFUL the large input did no more work than the small one (nothing was counted). */
function expectLinear(ratio: number): void {
  expect(ratio).toBeGreaterThan(MEANINGFUL);
  expect(ratio).toBeLessThan(BOUND);
}

describe('parsing grows linearly', () => {
  it('with the number of analysts introduced by the operator', async () => {
    const texts = new Map([250, 2000].map((n) => [n, callWithAnalysts(n)]));
    const ratio = await growthRatio((n) => parseTranscriptText(texts.get(n) as string, { limits: { maxParticipants: 3000, maxTurns: 10_000 } }), 250, FACTOR);
    expectLinear(ratio);
  });
});

describe('a long unpunctuated turn (speech recognition without punctuation, or hostile input)', () => {
  // Whether a turn hands over to the Q&A looks back for sentence ends: never quadratic in the turn.
  const call = (words: number) =>
    [
      'Acme Corp (ACME) Q1 2025 Earnings Call',
      '',
      'Operator: Welcome. I will be your operator today.',
      '',
      `Jane Roe: ${'and then we grew '.repeat(words / 4)}if you have a question please press star one`,
      '',
      'Bob Stone: What about margins?',
      '',
      'Jane Roe: They rose',
    ].join('\n');
  it('parses with work linear in its length', async () => {
    const texts = new Map([2000, 16000].map((n) => [n, call(n)]));
    const ratio = await growthRatio((n) => parseTranscriptText(texts.get(n) as string, { limits: { maxParagraphChars: 1_000_000 } }), 2000, FACTOR);
    expectLinear(ratio);
  });
});

describe('which names a call\'s words say (a call led by bare name lines)', () => {
  // Thousands of speakers who all share a first name, and words that say it everywhere.
  const input = (names: number) => ({
    names: Array.from({ length: names }, (_, i) => `Pat ${nameWord(i)}son`),
    texts: Array.from({ length: names }, (_, i) => `${'Pat says hello, '.repeat(10)}over to Pat ${nameWord(i)}son again.`),
  });
  it('is found with work linear in the number of names', async () => {
    const inputs = new Map([500, 4000].map((n) => [n, input(n)]));
    const ratio = await growthRatio((n) => namesMentioned(inputs.get(n)!.texts, inputs.get(n)!.names), 500, FACTOR);
    expectLinear(ratio);
    const small = inputs.get(500)!;
    expect(namesMentioned(small.texts, small.names).size).toBe(500);
  });
});

describe("titles read from a call's introductions", () => {
  // Thousands of untitled company speakers who all share a first name, each introduced by the operator.
  const input = (names: number) => {
    const people = Array.from({ length: names }, (_, i): Participant => ({ id: `p${i}`, name: `Pat ${nameWord(i)}son`, title: null, firm: null, division: null, side: 'company', sideSource: 'listed' }));
    return { people, texts: people.map((p) => ({ text: `Next, our Vice President of Finance, ${p.name}. Please go ahead.`, operator: true })) };
  };
  it('are read with work linear in the number of names', async () => {
    const inputs = new Map([500, 4000].map((n) => [n, input(n)]));
    const ratio = await growthRatio((n) => inferTitles(inputs.get(n)!.people, inputs.get(n)!.texts), 500, FACTOR);
    expectLinear(ratio);
    const small = inputs.get(500)!;
    expect(inferTitles(small.people, small.texts).every((p) => p.title === 'Vice President of Finance')).toBe(true);
  });
});

describe("a page's furniture (page-furniture.ts)", () => {
  // A hostile PDF text: every line a page number, or one line repeated, or a running header at every page break.
  const inputs = (n: number): Line[][] => [
    splitLines(Array.from({ length: n }, (_, i) => `Page ${i % 50} of 50`).join('\n')),
    splitLines(Array.from({ length: n }, () => 'Thank you.').join('\n')),
    splitLines(Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'Acme Corp Q1 2025 Earnings Call\nPage 1' : 'Words of a speaker.')).join('\n')),
  ];
  it('is found with work linear in the lines, however many page numbers and repeated lines there are', async () => {
    const sized = new Map([2000, 16_000].map((n) => [n, inputs(n)]));
    const ratio = await growthRatio((n) => {
      for (const lines of sized.get(n)!) withoutPageFurniture(lines);
    }, 2000, FACTOR);
    expectLinear(ratio);
  });
});

describe('splitSentences grows linearly (issue 13: "Mr. " runs were quadratic)', () => {
  // One run on 8× the text against 8 runs on the text: ~1 when linear, ~8 when quadratic.
  it.each(['Mr. ', 'No. 1 ', 'U.S. ', 'Thanks. '])('%j repeated', async (unit) => {
    const ratio = await growthRatio((chars) => splitSentences(unit.repeat(Math.ceil(chars / unit.length))), 20_000, FACTOR);
    expectLinear(ratio);
  });
});
