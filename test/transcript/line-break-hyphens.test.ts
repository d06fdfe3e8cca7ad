/** Words a PDF broke at a line end with a hyphen are rejoined inside a paragraph; compounds keep their hyphen. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rejoinedLines } from '../../src/transcript/line-break-hyphens.js';
import { splitLines } from '../../src/transcript/lines.js';
import { parseTranscriptText } from '../../src/transcript/read-source.js';
import { turnTable } from './layout-table.js';

const joined = (text: string): string => {
  const lines = splitLines(text);
  const { lines: changed } = rejoinedLines(lines);
  return lines.map((l, k) => changed.get(k) ?? l.text).join('\n');
};

describe('a word broken at a line end', () => {
  it.each([
    ['the continu-\nation of it', 'the continuation\nof it'], // the joined word is a word
    ['lifted profit-\nability, and', 'lifted profitability,\nand'],
    ['year-over-\nyear growth', 'year-over-year\ngrowth'], // a compound already hyphenated
    ['our long-\nterm plan', 'our long-term\nplan'], // two words that make no one word
    ['the 12-month-\nold line', 'the 12-month-old\nline'],
    ['the non-\nGAAP figure', 'the non-\nGAAP figure'], // a capital: left as written
    ['the quarter -\nand more', 'the quarter -\nand more'], // a dash, not a broken word
    ['the continu-\n\nation', 'the continu-\n\nation'], // another paragraph
    ['a continu-\nation\nof it', 'a continu-\nation\nof it'], // moving the only word up would leave a blank line in the paragraph
  ])('%j → %j', (text, expected) => {
    expect(joined(text)).toBe(expected);
  });
});

describe('a PDF transcript with words broken at line ends', () => {
  const fixture = (name: string): string => readFileSync(new URL(`../fixtures/layouts/${name}`, import.meta.url), 'utf8');

  it('stores and searches them whole, every turn as in the plain file', () => {
    const reference = turnTable(parseTranscriptText(fixture('standard-no-presentation.txt')).call);
    const pdf = fixture('standard-pdf.txt').replace('Promotions were lighter than last year, so margins held up well.', 'Promotions were lighter than last year, so mar-\ngins held up well.');
    expect(pdf).toContain('mar-\ngins');
    const parsed = parseTranscriptText(pdf);
    expect(turnTable(parsed.call)).toEqual(reference);
    expect(parsed.call.source).toContain('so margins\nheld up well.');
    expect(parsed.warnings.map((w) => w.message)).toContain('1 word broken at a line end with a hyphen rejoined, the first at this line');
  });
});
