import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/passages/sentences.js';
import { parseTranscript } from '../../src/transcript/parse.js';
import { readAmzn } from '../transcript/fixtures.js';

const texts = (text: string): string[] => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it.each([
    ['Revenue was $35.6 billion. Margins rose 2.1%.', ['Revenue was $35.6 billion.', 'Margins rose 2.1%.']],
    ['We signed the U.S. Air Force. It went well.', ['We signed the U.S. Air Force.', 'It went well.']],
    ['Last year, U.S. Prime members got more.', ['Last year, U.S. Prime members got more.']],
    ['We are testing it in the U.S. And the team is innovating.', ['We are testing it in the U.S.', 'And the team is innovating.']],
    ['Several communities in the U.S. and U.K. It\'s early.', ['Several communities in the U.S. and U.K.', "It's early."]],
    ['Amazon.com, Inc. reported. Goldman Sachs Group, Inc. The End.', ['Amazon.com, Inc. reported.', 'Goldman Sachs Group, Inc.', 'The End.']],
    ['Use chips, e.g. Trainium. Next one.', ['Use chips, e.g. Trainium.', 'Next one.']],
    ['It is Trainium vs. GPUs. Fine.', ['It is Trainium vs. GPUs.', 'Fine.']],
    ['I thank Mr. Dave Fildes. Go ahead.', ['I thank Mr. Dave Fildes.', 'Go ahead.']],
    ['Mark S. Mahaney asked. Then Doug did.', ['Mark S. Mahaney asked.', 'Then Doug did.']],
    ['Item No. 5 is here. The answer is no. We moved.', ['Item No. 5 is here.', 'The answer is no.', 'We moved.']],
    ['Well... maybe. Okay.', ['Well... maybe.', 'Okay.']],
    ['He said "Great." Then he left.', ['He said "Great."', 'Then he left.']],
    ['Is it big? Yes! It is.', ['Is it big?', 'Yes!', 'It is.']],
  ])('%j', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('returns offsets into the source when given where the text starts', () => {
    const source = 'HEADER\n\n  Thanks, Andy. Starting with our top line.  ';
    const start = source.indexOf('Thanks');
    const sentences = splitSentences(source.slice(start), start);
    expect(sentences.map((s) => [s.start, s.end])).toEqual([
      [start, start + 'Thanks, Andy.'.length],
      [start + 'Thanks, Andy. '.length, start + 'Thanks, Andy. Starting with our top line.'.length],
    ]);
    for (const s of sentences) expect(source.slice(s.start, s.end)).toBe(s.text);
  });

  it('gives nothing for blank text', () => {
    expect(splitSentences('   \n ')).toEqual([]);
    expect(splitSentences('')).toEqual([]);
  });

  it('covers every non-blank character of every paragraph of the real call, in order', () => {
    const call = parseTranscript(readAmzn());
    let count = 0;
    for (const paragraph of call.turns.flatMap((t) => t.paragraphs)) {
      const sentences = splitSentences(paragraph.text, paragraph.start);
      expect(sentences.length).toBeGreaterThan(0);
      expect(sentences[0]?.start).toBe(paragraph.start);
      expect(sentences.at(-1)?.end).toBe(paragraph.end);
      for (let i = 0; i < sentences.length; i++) {
        const s = sentences[i]!;
        expect(call.source.slice(s.start, s.end)).toBe(s.text);
        const next = sentences[i + 1];
        if (next) expect(call.source.slice(s.end, next.start)).toMatch(/^\s+$/);
      }
      count += sentences.length;
    }
    // 450 sentences: measured once, pinned so a change in splitting shows up here.
    expect(count).toBe(450);
  });
});

describe('splitSentences at a chunk boundary', () => {
  // Its growth with the text (issue 13: "Mr. " runs were quadratic) is counted in test/transcript/complexity.test.ts.
  it('still re-joins an abbreviation cut at a chunk boundary', () => {
    const text = `${'We grew. '.repeat(200)}Mr. Dave Fildes spoke. ${'We grew. '.repeat(200)}`;
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toContain('Mr. Dave Fildes spoke.');
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences).toHaveLength(401);
  });
});
