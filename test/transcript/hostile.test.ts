/**
 * Hostile input, parse side (issue 8 item 7, issue 13 items 1-3): a clear error naming the limit
 * and the line, or a clean parse — never a hang, never mojibake, never a bidi override on screen.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeTranscript } from '../../src/transcript/decode.js';
import { DEFAULT_LIMITS } from '../../src/transcript/limits.js';
import { parseTranscriptBytes, parseTranscriptText, TranscriptFormatError, type TranscriptLimits } from '../../src/transcript/read-source.js';
import { callWithAnalysts, nameWord } from './generated-calls.js';
import { turnTable } from './layout-table.js';

const standard = readFileSync(new URL('../fixtures/layouts/standard.txt', import.meta.url), 'utf8');

function refusal(bytes: Uint8Array | string, limits?: Partial<TranscriptLimits>): TranscriptFormatError {
  try {
    parseTranscriptBytes(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, { fileName: 'hostile.txt', limits });
  } catch (error) {
    if (error instanceof TranscriptFormatError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('decoding', () => {
  it('refuses an empty or blank file', () => {
    expect(refusal('').describe()).toBe('hostile.txt:1: the file is empty');
    expect(refusal(' \n\t\n').describe()).toBe('hostile.txt:1: the file is empty');
  });

  it('refuses a binary file, naming where', () => {
    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from([0, 0, 0, 13, 73, 72, 68, 82])]);
    expect(refusal(png).describe()).toMatch(/^hostile\.txt:3: this is a binary file \(a NUL byte at byte 8\), not a transcript$/);
    const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    expect(refusal(controls).message).toMatch(/this is a binary file \(\d+ control bytes in its first 400\)/);
  });

  it('reads mixed UTF-8 and Windows-1252 bytes, each as what it is, and warns', () => {
    const bytes = Buffer.concat([Buffer.from('Davé said '), Buffer.from([0x93, 0x68, 0x69, 0x94, 0x20, 0xe9, 0x0a])]);
    const decoded = decodeTranscript(bytes, DEFAULT_LIMITS);
    expect(decoded.text).toBe('Davé said \u201chi\u201d é\n');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.warnings).toEqual([{ line: 1, message: '3 bytes were not valid UTF-8 and were read as Windows-1252/Latin-1' }]);
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(standard, 'utf16le')]);
    const parsed = parseTranscriptBytes(le);
    expect(turnTable(parsed.call)).toEqual(turnTable(parseTranscriptText(standard).call));
    expect(parsed.warnings[0]?.message).toBe('read as UTF-16LE (byte-order mark)');
  });

  it('neutralises bidi overrides and isolates with a warning, and drops other control characters', () => {
    const text = standard.replace('Any update on the European launch?', 'Any update on the \u202Ehcnual naeporuE\u202C launch\u0007?\u2066');
    const parsed = parseTranscriptText(text);
    expect(parsed.call.source).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0007]/);
    expect(turnTable(parsed.call)[14]?.text).toBe('Any update on the hcnual naeporuE launch?');
    const line = text.split('\n').findIndex((l) => l.includes('\u202E')) + 1;
    expect(parsed.warnings).toEqual(
      expect.arrayContaining([
        { line, message: 'removed 3 bidirectional override/isolate control characters (they can make text display reversed)' },
        { line, message: 'dropped 1 control character' },
      ]),
    );
  });

  it('removes the invisible characters a web page leaves in labels (zero-width spaces, word joiners, soft hyphens), with a warning, and reads a full-width colon as a colon — the file was refused as in no layout', () => {
    const labelled = readFileSync(new URL('../fixtures/layouts/name-colon.txt', import.meta.url), 'utf8');
    const hidden = labelled.replaceAll('Andy Kim:', 'Andy\u00a0Kim\u200b:').replaceAll('Priya Natarajan:', 'Priya Nata\u00adrajan\u2060:').replaceAll('Lena Brooks:', 'Lena Brooks\uff1a');
    const parsed = parseTranscriptText(hidden);
    expect(turnTable(parsed.call)).toEqual(turnTable(parseTranscriptText(labelled).call));
    expect(parsed.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/^removed \d+ invisible characters \(zero-width spaces, word joiners, soft hyphens\)$/));
  });

  it('normalises to NFC so a name written two ways is one name', () => {
    const decomposed = standard.replaceAll('Lena Brooks', 'Le\u0301na Brooks');
    const mixed = decomposed.replace('Le\u0301na Brooks - Vice', 'L\u00e9na Brooks - Vice');
    const parsed = parseTranscriptText(mixed);
    expect(parsed.call.participants.filter((p) => p.name.startsWith('L')).map((p) => p.name)).toEqual(['L\u00e9na Brooks']);
  });
});

describe('limits', () => {
  it('refuses a file over the file size limit before reading it as text', () => {
    const error = refusal(standard, { maxFileBytes: 1000 });
    expect(error.describe()).toBe(`hostile.txt:1: the file is ${Buffer.byteLength(standard).toLocaleString('en-US')} bytes; the limit is 1,000 bytes per transcript file (MAX_TRANSCRIPT_BYTES)`);
  });

  it('refuses a 1 MB paragraph, naming the paragraph length limit and its line', () => {
    const huge = standard.replace('Any update on the European launch?', 'Mr. '.repeat(250_000));
    const error = refusal(huge);
    const line = huge.split('\n').findIndex((l) => l.startsWith('Mr. Mr.')) + 1;
    expect(error.line).toBe(line);
    expect(error.describe()).toBe(`hostile.txt:${line}: a paragraph of 999,999 characters; the limit is 50,000 characters per paragraph (MAX_PARAGRAPH_CHARS)`);
    expect(error.lineText).toHaveLength(120);
  });

  it('refuses a 1 MB first line at line 1, where the title should be', () => {
    const error = refusal(`${'x'.repeat(1_000_000)}\n${standard}`);
    expect(error.line).toBe(1);
    expect(error.describe()).toMatch(/^hostile\.txt:1: expected a title line like "Company \(TICKER\) Q4 2025 Earnings Call <date> <time>", found "x{77}\.\.\."$/);
  });

  it('refuses 10,000 listed speakers, naming the participants limit and the line', () => {
    const error = refusal(callWithAnalysts(10_000));
    expect(error.line).toBe(6 + DEFAULT_LIMITS.maxParticipants);
    expect(error.message).toBe('more than 500 participants; the limit is 500 participants per call (MAX_PARTICIPANTS)');
  });

  it('refuses 10,000 unlisted "Name:" speakers the same way', () => {
    const lines = ['Acme Corp (ACME) Q1 2025 Earnings Call', ''];
    for (let i = 0; i < 10_000; i++) lines.push(`${nameWord(i)} Patson: Hello from me.`, '');
    expect(refusal(lines.join('\n')).message).toMatch(/more than 500 participants; the limit is 500 participants per call \(MAX_PARTICIPANTS\)$/);
  });

  it('refuses more turns than the turns limit, naming the line', () => {
    const error = refusal(standard, { maxTurns: 10 });
    expect(error.describe()).toMatch(/^hostile\.txt:\d+: more than 10 speaker turns; the limit is 10 speaker turns per call \(MAX_TURNS\)$/);
    expect(error.lineText).toBe('Sam Lee');
  });

  it('parses 2,000 analysts cleanly when the participants limit allows it', () => {
    const parsed = parseTranscriptText(callWithAnalysts(2000), { limits: { maxParticipants: 3000, maxTurns: 10_000 } });
    expect(parsed.call.exchanges).toHaveLength(2000);
    expect(parsed.call.exchanges.every((e, i) => parsed.call.participants.find((p) => p.id === e.analystId)?.name === `Pat ${nameWord(i)}son`)).toBe(true);
  });
});


describe('SubRip captions (.srt)', () => {
  const srt = readFileSync(new URL('../fixtures/layouts/srt-captions.srt', import.meta.url), 'utf8');
  const srtRefusal = (text: string, limits?: Partial<TranscriptLimits>): TranscriptFormatError => {
    try {
      parseTranscriptText(text, { fileName: 'hostile.srt', limits });
    } catch (error) {
      if (error instanceof TranscriptFormatError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  };

  it('refuses a cue whose timing line is broken, at the SubRip file\'s own line, rather than lose its words', () => {
    const broken = srt.replace('00:01:40,000 --> 00:01:44,000', '00:01:40,000 -> 00:01:44,000');
    const line = broken.split('\n').indexOf('00:01:40,000 -> 00:01:44,000') + 1;
    const error = srtRefusal(broken);
    expect(error.file).toBe('hostile.srt');
    expect(error.describe()).toBe(`hostile.srt:${line}: captions: Cue identifier needs to be followed by timestamp (the cue would be lost)`);
    expect(error.lineText).toBe('00:01:40,000 -> 00:01:44,000');
  });

  it('refuses a 1 MB cue, naming the paragraph length limit', () => {
    const huge = srt.replace('Net sales were $1.2 billion, up 5%.', 'Net sales were up. '.repeat(55_000));
    expect(srtRefusal(huge).message).toMatch(/^a paragraph of [\d,]+ characters; the limit is 50,000 characters per paragraph \(MAX_PARAGRAPH_CHARS\)$/);
  });

  it('refuses 10,000 speakers, naming the participants limit', () => {
    const cues = Array.from({ length: 10_000 }, (_, i) => `${i + 1}\n00:00:01,000 --> 00:00:02,000\n${nameWord(i)} Patson: Hello from me.\n`);
    expect(srtRefusal(cues.join('\n')).message).toMatch(/more than 500 participants; the limit is 500 participants per call \(MAX_PARTICIPANTS\)$/);
  });
});

describe('diarized JSON', () => {
  const jsonRefusal = (value: unknown, limits?: Partial<TranscriptLimits>): TranscriptFormatError => {
    try {
      parseTranscriptText(JSON.stringify(value), { fileName: 'hostile.json', limits });
    } catch (error) {
      if (error instanceof TranscriptFormatError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  };

  it('refuses 10,000 speakers, naming the participants limit', () => {
    const utterances = Array.from({ length: 10_000 }, (_, i) => ({ speaker: `SPEAKER_${i}`, text: 'Hello from me.', start: i }));
    expect(jsonRefusal({ utterances }).message).toBe('more than 500 participants; the limit is 500 participants per call (MAX_PARTICIPANTS)');
  });

  it('refuses a 1 MB utterance, naming the paragraph length limit', () => {
    const utterances = [{ speaker: 'A', text: 'Mr. '.repeat(250_000), start: 0 }];
    expect(jsonRefusal({ utterances }).message).toMatch(/^a paragraph of [\d,]+ characters; the limit is 50,000 characters per paragraph \(MAX_PARAGRAPH_CHARS\)$/);
  });

  it('refuses a JSON array, an empty list and a non-finite time with what it expected', () => {
    expect(jsonRefusal([1, 2]).message).toMatch(/^not in any supported layout \(a JSON file, but not a diarized transcript/);
    expect(jsonRefusal({ segments: [] }).message).toMatch(/^JSON: segments: /);
    expect(jsonRefusal({ segments: [{ speaker: 'A', text: 'Hi', start: -1 }] }).message).toMatch(/^JSON: segments\[0\]\.start: /);
  });
});
