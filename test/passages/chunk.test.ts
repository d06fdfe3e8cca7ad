import { beforeAll, describe, expect, it } from 'vitest';
import { chunkCall, DEFAULT_MAX_TOKENS, LEGACY_ID_CHUNKING } from '../../src/passages/chunk.js';
import { DEFAULT_LIMITS } from '../../src/transcript/limits.js';
import { splitSentences } from '../../src/passages/sentences.js';
import type { Passage } from '../../src/passages/types.js';
import { loadTokenizer, type TokenCounter } from '../../src/model/tokenizer.js';
import { parseTranscript } from '../../src/transcript/parse.js';
import { parseTranscriptText } from '../../src/transcript/read-source.js';
import type { Call } from '../../src/transcript/types.js';
import { readAmzn, renderTranscript } from '../transcript/fixtures.js';
import { readFileSync } from 'node:fs';

let countTokens: TokenCounter;
let call: Call;
let passages: Passage[];

beforeAll(async () => {
  countTokens = await loadTokenizer();
  call = parseTranscript(readAmzn());
  passages = chunkCall(call, countTokens);
});

/** Checks the invariants every chunking must keep; returns nothing, fails loudly. */
function expectInvariants(c: Call, ps: Passage[], maxTokens: number, maxChars = DEFAULT_LIMITS.maxPassageChars): void {
  const { source } = c;
  ps.forEach((p, i) => {
    expect(p.index).toBe(i);
    expect(p.id).toBe(`${c.meta.id}@${p.start}`);
    expect(p.text.length).toBeLessThanOrEqual(maxChars);
    expect(p.callId).toBe(c.meta.id);
    expect(source.slice(p.start, p.end)).toBe(p.text);
    expect(p.text).toBe(p.text.trim());
    expect(p.tokens).toBe(countTokens(p.text));
    expect(p.tokens).toBeLessThanOrEqual(maxTokens);

    // Inside one turn, with the turn's speaker and structure.
    const turn = c.turns[p.turn];
    expect(turn).toBeDefined();
    expect(p.start).toBeGreaterThanOrEqual(turn!.start);
    expect(p.end).toBeLessThanOrEqual(turn!.end);
    expect(p.speaker.id).toBe(turn!.speakerId);
    const participant = c.participants.find((x) => x.id === turn!.speakerId)!;
    expect(p.speaker).toEqual({ id: participant.id, name: participant.name, title: participant.title, side: participant.side, firm: participant.firm });
    expect([p.section, p.exchange, p.role, p.startTime]).toEqual([turn!.section, turn!.exchange, turn!.role, turn!.startTime]);
    // No other turn's content inside it.
    const crossed = c.turns.filter((other) => other !== turn && other.end > p.start && other.start < p.end);
    expect(crossed.map((t) => t.index)).toEqual([]);

    // Sentences: exact slices, inside the passage, in order, covering all its non-blank text.
    expect(p.sentences.length).toBeGreaterThan(0);
    let cursor = p.start;
    for (const s of p.sentences) {
      expect(source.slice(s.start, s.end)).toBe(s.text);
      expect(s.start).toBeGreaterThanOrEqual(cursor);
      expect(source.slice(cursor, s.start)).toMatch(/^\s*$/);
      expect(s.end).toBeLessThanOrEqual(p.end);
      cursor = s.end;
    }
    expect(cursor).toBe(p.end);
  });

  // Coverage: every non-blank paragraph character in exactly one passage; passages hold nothing else.
  const covered = new Uint8Array(source.length);
  for (const p of ps) for (let k = p.start; k < p.end; k++) covered[k] = (covered[k] ?? 0) + 1;
  const inParagraph = new Uint8Array(source.length);
  for (const para of c.turns.flatMap((t) => t.paragraphs)) for (let k = para.start; k < para.end; k++) inParagraph[k] = 1;
  const violations: string[] = [];
  for (let k = 0; k < source.length; k++) {
    const blank = /\s/.test(source[k] ?? '');
    const expected = inParagraph[k] && !blank ? 1 : 0;
    if ((blank && (covered[k] ?? 0) > 1) || (!blank && covered[k] !== expected)) {
      violations.push(`offset ${k} covered ${covered[k]}x: ${JSON.stringify(source.slice(k - 20, k + 20))}`);
    }
  }
  expect(violations.slice(0, 5)).toEqual([]);
}

describe('chunkCall on the bundled call with the real tokenizer', () => {
  it('keeps every invariant', () => {
    expectInvariants(call, passages, DEFAULT_MAX_TOKENS);
  });

  it('gives one passage per paragraph except for merges and splits', () => {
    // 103 paragraphs; two exceed 256 tokens and are split in two; five short ones are merged.
    expect(call.turns.flatMap((t) => t.paragraphs)).toHaveLength(103);
    expect(passages).toHaveLength(100);
    const longParagraphs = call.turns.flatMap((t) => t.paragraphs).filter((p) => countTokens(p.text) > DEFAULT_MAX_TOKENS);
    expect(longParagraphs).toHaveLength(2);
    for (const para of longParagraphs) {
      const pieces = passages.filter((p) => p.start >= para.start && p.end <= para.end);
      expect(pieces.length).toBe(2);
      // Cut at a sentence boundary.
      const boundaries = new Set(splitSentences(para.text, para.start).map((s) => s.start));
      expect(boundaries.has(pieces[1]!.start)).toBe(true);
    }
  });

  it('merges a short closing paragraph into the same turn only', () => {
    const handOver = call.source.indexOf("With that, I'll turn it over to Brian for a financial update.");
    const holder = passages.find((p) => p.start <= handOver && p.end > handOver)!;
    expect(holder.speaker.id).toBe('andrew-jassy');
    expect(holder.text).toMatch(/^We have dozens of commercial agreements[\s\S]*\n\nWith that, I'll turn it over to Brian for a financial update\.$/);
    // The operator's two-paragraph welcome is one passage, and operator passages are marked.
    expect(passages[0]?.speaker.side).toBe('operator');
    expect(passages[0]?.text).toMatch(/^Thank you for standing by[\s\S]*Please go ahead\.$/);
  });

  it('keeps operator introductions as their own passages', () => {
    const intros = passages.filter((p) => p.role === 'intro');
    expect(intros.map((p) => p.exchange)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const p of intros) {
      expect(p.speaker.side).toBe('operator');
      expect(p.text).toMatch(/question comes from the line of/);
    }
  });

  it('gives the same passages as the chunking that issued the old ids (ordinary text never meets the character cap)', () => {
    const legacy = chunkCall(call, countTokens, LEGACY_ID_CHUNKING);
    expect(legacy.map((p) => [p.start, p.end])).toEqual(passages.map((p) => [p.start, p.end]));
  });

  it('respects a smaller maxTokens', () => {
    const small = chunkCall(call, countTokens, { maxTokens: 64 });
    expectInvariants(call, small, 64);
    expect(small.length).toBeGreaterThan(passages.length * 2);
  });
});

describe('chunkCall splitting', () => {
  const sentence = (i: number): string =>
    `In segment ${i}, operating income rose to $${i}.5 billion as AWS, advertising and the U.S. stores business kept growing.`;

  // The import gate refuses paragraphs over MAX_PARAGRAPH_CHARS; the chunker must still never emit a huge passage.
  function callWith(paragraphs: string[]): Call {
    const text = renderTranscript({ presentation: [{ speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs }] });
    return parseTranscriptText(text, { limits: { maxParagraphChars: Number.MAX_SAFE_INTEGER } }).call;
  }

  it('splits a long paragraph at sentence boundaries into balanced pieces', () => {
    const long = Array.from({ length: 20 }, (_, i) => sentence(i + 1)).join(' ');
    const c = callWith([long]);
    expect(countTokens(long)).toBeGreaterThan(2 * DEFAULT_MAX_TOKENS);
    const ps = chunkCall(c, countTokens);
    expectInvariants(c, ps, DEFAULT_MAX_TOKENS);
    expect(ps).toHaveLength(3);
    const para = c.turns[0]!.paragraphs[0]!;
    const starts = new Set(splitSentences(para.text, para.start).map((s) => s.start));
    const ends = new Set(splitSentences(para.text, para.start).map((s) => s.end));
    for (const p of ps) {
      expect(starts.has(p.start)).toBe(true);
      expect(ends.has(p.end)).toBe(true);
      expect(p.sentences.every((s) => starts.has(s.start) && ends.has(s.end))).toBe(true);
    }
    // Balanced: no tiny tail.
    const sizes = ps.map((p) => p.tokens);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(40);
  });

  it('splits a monster sentence at word boundaries', () => {
    const monster = Array.from({ length: 400 }, (_, i) => `item${i % 7} grew`).join(' and ') + '.';
    const c = callWith(['A short opener.', monster]);
    const ps = chunkCall(c, countTokens);
    expectInvariants(c, ps, DEFAULT_MAX_TOKENS);
    const para = c.turns[0]!.paragraphs[1]!;
    const pieces = ps.filter((p) => p.start >= para.start);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.start === para.start || /\s/.test(c.source[p.start - 1] ?? '')).toBe(true);
      expect(p.end === para.end || /\s/.test(c.source[p.end] ?? '')).toBe(true);
      expect(p.sentences).toHaveLength(1);
    }
    // The short opener is not merged into a piece of a split paragraph.
    expect(ps[0]?.text).toBe('A short opener.');
  });

  it('merges short paragraphs with their neighbours within a turn, never across turns', () => {
    const medium = Array.from({ length: 4 }, (_, i) => sentence(i)).join(' ');
    const c = parseTranscript(
      renderTranscript({
        presentation: [
          { speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['Thanks.', medium, medium, 'Over to Robert.'] },
          { speaker: 'Robert Smith', title: 'Chief Financial Officer', paragraphs: ['Thanks, Jane.', medium] },
        ],
      }),
    );
    const ps = chunkCall(c, countTokens);
    expectInvariants(c, ps, DEFAULT_MAX_TOKENS);
    expect(ps.map((p) => [p.speaker.id, p.text.split('\n\n').length])).toEqual([
      ['jane-roe', 2], // "Thanks." + medium
      ['jane-roe', 2], // medium + "Over to Robert."
      ['robert-smith', 2], // "Thanks, Jane." + medium
    ]);
  });

  it('does not merge when the result would exceed maxTokens', () => {
    const nearlyFull = `${Array.from({ length: 8 }, (_, i) => sentence(i)).join(' ')} Thanks to everyone on the team for the hard work this year.`;
    const short = 'And one more short sentence here to close the quarter, with thanks to all of you.';
    // Preconditions: both fit alone, the short one is under the merge threshold, together they do not fit.
    expect(countTokens(nearlyFull)).toBeLessThanOrEqual(DEFAULT_MAX_TOKENS);
    expect(countTokens(short)).toBeLessThan(40);
    expect(countTokens(`${nearlyFull}\n\n${short}`)).toBeGreaterThan(DEFAULT_MAX_TOKENS);
    const c = callWith([nearlyFull, short]);
    const ps = chunkCall(c, countTokens);
    expectInvariants(c, ps, DEFAULT_MAX_TOKENS);
    expect(ps.map((p) => p.text)).toEqual([nearlyFull, short]);
  });

  it('cuts a 1 MB "word" into passages of at most maxChars characters, never one huge passage', () => {
    const word = 'x'.repeat(1_000_000);
    const c = callWith(['A short opener.', word]);
    // The tokenizer reads it as one [UNK]: tokens alone would keep it whole.
    expect(countTokens(word)).toBe(3);
    const ps = chunkCall(c, countTokens);
    expectInvariants(c, ps, DEFAULT_MAX_TOKENS);
    const para = c.turns[0]!.paragraphs[1]!;
    const pieces = ps.filter((p) => p.start >= para.start);
    // Every piece within the cap, and not crumbs either (the sentence splitter may cut first, in bounded chunks).
    expect(pieces.every((p) => p.text.length <= DEFAULT_LIMITS.maxPassageChars)).toBe(true);
    expect(pieces.length).toBeGreaterThanOrEqual(Math.ceil(word.length / DEFAULT_LIMITS.maxPassageChars));
    expect(pieces.length).toBeLessThanOrEqual(Math.ceil(word.length / 1000));
    expect(pieces.map((p) => p.text).join('')).toBe(word);
  });

  it('splits at sentences, then words, when a paragraph is short in tokens but long in characters', () => {
    const longWords = Array.from({ length: 30 }, (_, i) => `${'w'.repeat(150)}${i}.`).join(' ');
    const c = callWith([longWords]);
    expect(countTokens(longWords)).toBeLessThan(DEFAULT_MAX_TOKENS);
    const ps = chunkCall(c, countTokens, { maxChars: 1000 });
    expectInvariants(c, ps, DEFAULT_MAX_TOKENS, 1000);
    expect(ps.length).toBeGreaterThanOrEqual(5);
    // Cut between sentences, not inside a word.
    for (const p of ps) expect(p.text).toMatch(/^w+\d+\.(?: w+\d+\.)*$/);
  });

  it('keeps a surrogate pair whole when cutting a word at characters', () => {
    const emoji = '\u{1F600}'.repeat(2_000);
    const c = callWith([emoji]);
    const ps = chunkCall(c, countTokens, { maxChars: 999 });
    expectInvariants(c, ps, DEFAULT_MAX_TOKENS, 999);
    for (const p of ps) expect(p.text.length % 2).toBe(0);
  });
});

describe('chunkCall on a recording transcript (WebVTT)', () => {
  it("gives every passage its turn's start time, in seconds; a layout without times gives null", () => {
    const vtt = readFileSync(new URL('../fixtures/layouts/webvtt.vtt', import.meta.url), 'utf8');
    const c = parseTranscriptText(vtt, { fileName: 'webvtt.vtt' }).call;
    const ps = chunkCall(c, countTokens);
    expectInvariants(c, ps, DEFAULT_MAX_TOKENS);
    expect(ps.every((p) => typeof p.startTime === 'number')).toBe(true);
    // The CEO's first turn opens with the cue at 00:00:26.500; later turns start later.
    const ceo = ps.find((p) => p.speaker.name === 'Andrew Kim');
    expect(ceo?.startTime).toBe(26.5);
    const starts = ps.map((p) => p.startTime!);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(starts).size).toBeGreaterThan(5);

    expect(passages.every((p) => p.startTime === null)).toBe(true);
  });
});
