/**
 * The transcript-reading interface the library relies on (src/transcript/read-source.ts, formerly an
 * adapter over the standard parser; later the layouts module): encodings, and hostile files
 * refused with a line and the limit's name — or read cleanly — never a hang.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTranscriptBytes, readTranscriptPath, structureCall, TranscriptFormatError } from '../../src/transcript/read-source.js';
import { ACCENTED_CALL, callWithParagraph, encodeCp1252, manySpeakersCall, SMALL_CALL, smallCallFor } from './fixtures.js';

function refusal(bytes: Uint8Array, fileName = 'hostile.txt'): TranscriptFormatError {
  try {
    parseTranscriptBytes(bytes, { fileName });
  } catch (err) {
    expect(err).toBeInstanceOf(TranscriptFormatError);
    return err as TranscriptFormatError;
  }
  throw new Error('expected the file to be refused');
}

describe('encodings', () => {
  it('reads UTF-8 with a BOM and CRLF line ends as the same call', () => {
    const plain = parseTranscriptBytes(Buffer.from(SMALL_CALL), { fileName: 'a.txt' });
    const bomCrlf = parseTranscriptBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SMALL_CALL.replace(/\n/g, '\r\n'))]), { fileName: 'b.txt' });
    expect(bomCrlf.call.turns.map((t) => [t.speakerId, t.section, t.role, t.paragraphs.map((p) => p.text)])).toEqual(
      plain.call.turns.map((t) => [t.speakerId, t.section, t.role, t.paragraphs.map((p) => p.text)]),
    );
    expect(plain.warnings).toEqual([]);
  });

  it('reads a Windows-1252 file (Word quotes, accents) as text, with a warning, not U+FFFD', () => {
    const parsed = parseTranscriptBytes(encodeCp1252(ACCENTED_CALL), { fileName: 'latin1.txt' });
    expect(parsed.call.participants.map((p) => p.name)).toContain('Davé Fïldes');
    expect(parsed.call.source).toContain('Our “smart gadget” line');
    expect(parsed.call.source).not.toContain('\uFFFD');
    expect(parsed.warnings.map((w) => w.message).join(' ')).toMatch(/Windows-1252/);
  });

  it('reads mixed encodings line by line: UTF-8 lines stay UTF-8, the others are read as Windows-1252', () => {
    const [head, tail] = [ACCENTED_CALL.slice(0, ACCENTED_CALL.indexOf('Presentation')), ACCENTED_CALL.slice(ACCENTED_CALL.indexOf('Presentation'))];
    const parsed = parseTranscriptBytes(Buffer.concat([Buffer.from(head, 'utf8'), encodeCp1252(tail)]), { fileName: 'mixed.txt' });
    expect(parsed.call.source).toBe(ACCENTED_CALL);
    const warning = parsed.warnings.find((w) => /Windows-1252/.test(w.message));
    // The first line that is not ASCII in the Windows-1252 part.
    const lines = ACCENTED_CALL.split('\n');
    const firstTranscoded = lines.findIndex((l, i) => i >= head.split('\n').length - 1 && /[^\x00-\x7f]/.test(l)) + 1;
    expect(warning?.line).toBe(firstTranscoded);
    expect(firstTranscoded).toBeGreaterThan(head.split('\n').length);
  });

  it('removes bidi override controls (text shown reversed) with a warning', () => {
    const parsed = parseTranscriptBytes(Buffer.from(callWithParagraph('Margin was \u202E%81\u202C this quarter.')), { fileName: 'bidi.txt' });
    expect(parsed.call.source).toContain('Margin was %81 this quarter.');
    expect(parsed.call.source).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(parsed.warnings.map((w) => w.message).join(' ')).toMatch(/bidirectional/);
  });
});

describe('hostile files: a clear refusal with a line, never a hang', () => {
  it.each([
    ['empty', Buffer.alloc(0), /empty/],
    ['only blank lines', Buffer.from('\n\n   \r\n\t\n'), /empty/],
    ['binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x0a, 0x00]), /binary/],
  ])('%s', (_name, bytes, message) => {
    const err = refusal(bytes);
    expect(err.message).toMatch(message);
    expect(err.line).toBe(1);
    expect(err.file).toBe('hostile.txt');
  });

  it('a 1 MB line ("Mr. Mr. …") names the line and the paragraph limit', () => {
    const text = callWithParagraph('Mr. '.repeat(250_000));
    const err = refusal(Buffer.from(text));
    expect(err.message).toMatch(/MAX_PARAGRAPH_CHARS/);
    expect(err.line).toBe(text.split('\n').findIndex((l) => l.startsWith('Mr. Mr.')) + 1);
    expect(err.lineText!.length).toBeLessThanOrEqual(120);
  });

  it('10,000 speakers: refused at the first participant over the limit', () => {
    const err = refusal(Buffer.from(manySpeakersCall(10_000)));
    expect(err.message).toMatch(/MAX_PARTICIPANTS/);
    // The 501st listed: one executive, then analysts 0…499.
    expect(err.lineText).toMatch(/^Analyst Number499 Person - /);
  });

  it('a file over the size limit is refused without being parsed', () => {
    const err = refusal(Buffer.alloc(5 * 1024 * 1024, 'a'));
    expect(err.message).toMatch(/MAX_TRANSCRIPT_BYTES/);
  });

  it('a file in no known layout is refused with the line that broke expectations', () => {
    const err = refusal(Buffer.from('Minutes of the board meeting\n\nAttendees: everyone\n'));
    expect(err.line).toBe(1);
    expect(err.lineText).toBe('Minutes of the board meeting');
  });
});

describe('readTranscriptPath', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'read-source-'));
    await fs.writeFile(path.join(dir, 'q1.txt'), smallCallFor(1));
    await fs.writeFile(path.join(dir, 'q3.txt'), smallCallFor(3));
    await fs.writeFile(path.join(dir, 'broken.txt'), 'not a transcript\n');
    await fs.writeFile(path.join(dir, 'notes.md'), 'ignored: not a transcript file type');
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('a folder gives every call in it and a failure per bad file; the bad file does not stop the rest', async () => {
    const { calls, failures } = await readTranscriptPath(dir);
    expect(calls.map((c) => [c.call.meta.id, c.source])).toEqual([
      ['wdgt-q1-2024', 'q1.txt'],
      ['wdgt-q3-2024', 'q3.txt'],
    ]);
    expect(failures.map((f) => [path.basename(f.file), f.error.line])).toEqual([['broken.txt', 1]]);
  });

  it('structureCall re-derives the roles and exchanges the parser gave', async () => {
    const { calls } = await readTranscriptPath(path.join(dir, 'q1.txt'));
    const call = calls[0]!.call;
    const bare = { ...call, turns: call.turns.map((t) => ({ ...t, role: 'remarks' as const, exchange: null })), exchanges: [] };
    const again = structureCall(bare);
    expect(again.exchanges).toEqual(call.exchanges);
    expect(again.turns.map((t) => [t.role, t.exchange])).toEqual(call.turns.map((t) => [t.role, t.exchange]));
    expect(again.exchanges.length).toBeGreaterThan(0);
  });
});
