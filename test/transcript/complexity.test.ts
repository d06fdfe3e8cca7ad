/**
 * Linear time (issue 13 item 2): analyst-introduction matching and the rest of parsing grow
 * linearly with the call: one parse of a call with 8× the analysts against 8 parses of the
 * small call gives ~1 when linear, ~8 when quadratic (the bound, 3, leaves room for noise).
 */
import { describe, expect, it } from 'vitest';
import { splitLines, type Line } from '../../src/transcript/lines.js';
import { namesMentioned } from '../../src/transcript/name-mentions.js';
import { withoutPageFurniture } from '../../src/transcript/page-furniture.js';
import { parseTranscriptText } from '../../src/transcript/read-source.js';
import { inferTitles } from '../../src/transcript/title-introductions.js';
import type { Participant } from '../../src/transcript/types.js';
import { callWithAnalysts, nameWord } from './generated-calls.js';
import { growthRatio } from './growth.js';

const FACTOR = 8;
const BOUND = 3;

describe('parsing grows linearly', () => {
  it('with the number of analysts introduced by the operator', () => {
    const texts = new Map([250, 2000].map((n) => [n, callWithAnalysts(n)]));
    const ratio = growthRatio((n) => parseTranscriptText(texts.get(n) as string, { limits: { maxParticipants: 3000, maxTurns: 10_000 } }), 250, FACTOR);
    expect(ratio).toBeLessThan(BOUND);
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
  it('parses in time linear in its length', () => {
    const texts = new Map([2000, 16000].map((n) => [n, call(n)]));
    const ratio = growthRatio((n) => parseTranscriptText(texts.get(n) as string, { limits: { maxParagraphChars: 1_000_000 } }), 2000, FACTOR);
    expect(ratio).toBeLessThan(BOUND);
  });
});

describe('which names a call\'s words say (a call led by bare name lines)', () => {
  // Thousands of speakers who all share a first name, and words that say it everywhere.
  const input = (names: number) => ({
    names: Array.from({ length: names }, (_, i) => `Pat ${nameWord(i)}son`),
    texts: Array.from({ length: names }, (_, i) => `${'Pat says hello, '.repeat(10)}over to Pat ${nameWord(i)}son again.`),
  });
  it('is found in time linear in the number of names', () => {
    const inputs = new Map([500, 4000].map((n) => [n, input(n)]));
    const small = inputs.get(500)!;
    expect(namesMentioned(small.texts, small.names).size).toBe(500);
    const ratio = growthRatio((n) => namesMentioned(inputs.get(n)!.texts, inputs.get(n)!.names), 500, FACTOR);
    expect(ratio).toBeLessThan(BOUND);
  });
});

describe("titles read from a call's introductions", () => {
  // Thousands of untitled company speakers who all share a first name, each introduced by the operator.
  const input = (names: number) => {
    const people = Array.from({ length: names }, (_, i): Participant => ({ id: `p${i}`, name: `Pat ${nameWord(i)}son`, title: null, firm: null, division: null, side: 'company', sideSource: 'listed' }));
    return { people, texts: people.map((p) => ({ text: `Next, our Vice President of Finance, ${p.name}. Please go ahead.`, operator: true })) };
  };
  it('are read in time linear in the number of names', () => {
    const inputs = new Map([500, 4000].map((n) => [n, input(n)]));
    const small = inputs.get(500)!;
    expect(inferTitles(small.people, small.texts).every((p) => p.title === 'Vice President of Finance')).toBe(true);
    const ratio = growthRatio((n) => inferTitles(inputs.get(n)!.people, inputs.get(n)!.texts), 500, FACTOR);
    expect(ratio).toBeLessThan(BOUND);
  });
});

describe("a page's furniture (page-furniture.ts)", () => {
  // A hostile PDF text: every line a page number, or one line repeated, or a running header at every page break.
  const inputs = (n: number): Line[][] => [
    splitLines(Array.from({ length: n }, (_, i) => `Page ${i % 50} of 50`).join('\n')),
    splitLines(Array.from({ length: n }, () => 'Thank you.').join('\n')),
    splitLines(Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'Acme Corp Q1 2025 Earnings Call\nPage 1' : 'Words of a speaker.')).join('\n')),
  ];
  it('is found in time linear in the lines, however many page numbers and repeated lines there are', () => {
    const sized = new Map([2000, 16_000].map((n) => [n, inputs(n)]));
    const ratio = growthRatio((n) => {
      for (const lines of sized.get(n)!) withoutPageFurniture(lines);
    }, 2000, FACTOR);
    expect(ratio).toBeLessThan(BOUND);
  });
});
