/** The stored form: a parsed call survives storing exactly; anything else in a .call.json is refused clearly. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCall, CallRejectedError } from '../../src/library/check-call.js';
import { parseTranscriptBytes, parseTranscriptText, PARSER_VERSION, type ParsedCall } from '../../src/transcript/read-source.js';
import {
  callFromStored,
  parseStoredCall,
  serializeStoredCall,
  STORED_CALL_FORMAT,
  StoredCallError,
  storedCallFileName,
  toStoredCall,
  type StoredCallFile,
} from '../../src/library/stored-call.js';
import { loadTokenizer, type TokenCounter } from '../../src/model/tokenizer.js';
import { DEFAULT_LIMITS } from '../../src/transcript/limits.js';
import { BUNDLED_CALL } from '../helpers/paths.js';
import { callWithParagraph, encodeCp1252, ACCENTED_CALL, SMALL_CALL } from './fixtures.js';

let amzn: ParsedCall;
let countTokens: TokenCounter;

beforeAll(async () => {
  amzn = parseTranscriptBytes(readFileSync(BUNDLED_CALL), { fileName: 'amzn-q4-2025-earnings-call.txt' });
  countTokens = await loadTokenizer();
});

const store = (parsed: ParsedCall): StoredCallFile => toStoredCall(parsed, { sha256: 'a'.repeat(64), bytes: 123 }, PARSER_VERSION, new Date('2026-01-02T03:04:05Z'));
const bytesOf = (s: StoredCallFile | unknown) => Buffer.from(typeof s === 'string' ? s : serializeStoredCall(s as StoredCallFile));

/** Invented call without section headings; its people are introduced ("President and CEO, Noel Pratt"), never listed. */
const INTRODUCED_CALL = [
  'Lumen Rail (LMRL) Q2 2024 Earnings Call',
  '',
  'Operator: Good morning and welcome to the Lumen Rail call. I will be your operator today.',
  '',
  'Ida Marsh: With me today are President and CEO, Noel Pratt, and Chief Financial Officer, Vera Lund. Noel?',
  '',
  'Noel Pratt: Ridership rose 9% this quarter. If you have a question, please press star one now. Your first question comes from the line of Rosa Chen from Delta Capital.',
  '',
  'Rosa Chen: Where are you on the new signalling contract?',
  '',
  'Vera Lund: We signed it in June.',
].join('\n');

describe('round trip', () => {
  it('the bundled call comes back exactly: meta, participants, turns, roles, exchanges, text', () => {
    const stored = store(amzn);
    const back = callFromStored(parseStoredCall(bytesOf(stored), 'amzn-q4-2025.call.json'));
    expect(back).toEqual(amzn.call);
    expect(back.exchanges.length).toBe(6);
  });

  it('sections inferred at import (no headings in the source) are inferred again when read; sections from headings are kept', () => {
    // Invented call without headings, as an older parser stored it: every turn prepared remarks.
    const text = [
      'Lumen Rail (LMRL) Q2 2024 Earnings Call',
      '',
      'Operator: Good morning and welcome to the Lumen Rail call. I will be your operator today.',
      '',
      'Ida Marsh: Ridership rose 9% this quarter. If you have a question, please press star one now. Your first question comes from the line of Rosa Chen from Delta Capital.',
      '',
      'Rosa Chen: Where are you on the new signalling contract?',
      '',
      'Ida Marsh: We signed it in June.',
    ].join('\n');
    const parsed = parseTranscriptBytes(Buffer.from(text), { fileName: 'lmrl.txt' });
    const stale = store(parsed);
    expect(stale.origin.inferred.sections).toBe(true);
    stale.turns.forEach((t) => (t.section = 'prepared_remarks'));
    // The field decides, whatever the warnings say.
    stale.origin.warnings = [];
    const back = callFromStored(parseStoredCall(bytesOf(stale), storedCallFileName(parsed.call.meta.id)));
    expect(back.turns.map((t) => t.section)).toEqual(parsed.call.turns.map((t) => t.section));
    expect(back.turns.map((t) => t.section)).toContain('qa');
    // The bundled call's sections come from its headings: what is stored is what is used.
    const headed = store(amzn);
    expect(headed.origin.inferred.sections).toBe(false);
    headed.turns[3]!.section = 'qa';
    headed.origin.warnings.push({ line: null, message: 'no section headings: Q&A taken to start at turn 9' });
    expect(callFromStored(parseStoredCall(bytesOf(headed), 'amzn-q4-2025.call.json')).turns[3]!.section).toBe('qa');
  });

  it('the company and period its opening says are read again where the source gave only a ticker; the id stays', () => {
    const text = [
      'Ticker: HLDW',
      '',
      "Operator: Good day, and welcome to the Halden Wind third quarter 2021 results conference call.",
      '',
      'Ida Marsh: Thank you. Orders rose 9% this quarter.',
    ].join('\n');
    const parsed = parseTranscriptBytes(Buffer.from(text), { fileName: 'hldw.txt' });
    expect([parsed.call.meta.company, parsed.call.meta.quarter]).toEqual(['Halden Wind', 'Q3 2021']);
    // As a call stored before the opening was read: the ticker standing in, no period, a title made of them.
    const stale = store(parsed);
    Object.assign(stale.meta, { company: 'HLDW', quarter: null, fiscalQuarter: null, fiscalYear: null, title: 'HLDW Earnings Call' });
    const back = callFromStored(parseStoredCall(bytesOf(stale), storedCallFileName(parsed.call.meta.id)));
    expect(back.meta).toMatchObject({ id: parsed.call.meta.id, company: 'Halden Wind', quarter: 'Q3 2021', fiscalQuarter: 3, fiscalYear: 2021, title: 'Halden Wind (HLDW) Q3 2021 Earnings Call' });
    // What a source did say is kept.
    const said = store(parsed);
    Object.assign(said.meta, { company: 'Halden Wind Energy ASA', title: 'Halden Wind Energy ASA Investor Call' });
    expect(callFromStored(parseStoredCall(bytesOf(said), storedCallFileName(parsed.call.meta.id))).meta).toMatchObject({ company: 'Halden Wind Energy ASA', title: 'Halden Wind Energy ASA Investor Call' });
  });

  it("titles read from the call's introductions are read again; titles the source gave are kept", () => {
    const parsed = parseTranscriptBytes(Buffer.from(INTRODUCED_CALL), { fileName: 'lmrl.txt' });
    const titleOf = (c: { participants: { name: string; title: string | null }[] }, name: string) => c.participants.find((p) => p.name === name)?.title;
    expect(titleOf(parsed.call, 'Noel Pratt')).toBe('President and CEO');
    const stale = store(parsed);
    const idOf = (name: string) => stale.participants.find((p) => p.name === name)!.id;
    expect(stale.origin.inferred.titles).toEqual([idOf('Noel Pratt'), idOf('Vera Lund')]);
    // As an older parser stored it: the CEO with the CFO's title.
    stale.participants.find((p) => p.name === 'Noel Pratt')!.title = 'Chief Financial Officer';
    // The field decides, whatever the warnings say.
    stale.origin.warnings = [];
    const back = callFromStored(parseStoredCall(bytesOf(stale), storedCallFileName(parsed.call.meta.id)));
    expect(titleOf(back, 'Noel Pratt')).toBe('President and CEO');
    expect(titleOf(back, 'Vera Lund')).toBe('Chief Financial Officer');
    // A title not named as read from the introductions came from the source: kept as stored.
    const listed = store(parsed);
    listed.origin.inferred.titles = [idOf('Vera Lund')];
    listed.participants.find((p) => p.name === 'Noel Pratt')!.title = 'Chief Financial Officer';
    expect(titleOf(callFromStored(parseStoredCall(bytesOf(listed), storedCallFileName(parsed.call.meta.id))), 'Noel Pratt')).toBe('Chief Financial Officer');
  });

  it('reads a format-1 file (before origin.inferred): what was inferred is read once from its warnings', () => {
    // As a format-1 writer stored it.
    const parsed = parseTranscriptBytes(Buffer.from(INTRODUCED_CALL), { fileName: 'lmrl.txt' });
    const fileName = storedCallFileName(parsed.call.meta.id);
    const current = store(parsed);
    const formatOne = (edit: (s: any) => void = () => {}) => {
      const old = JSON.parse(serializeStoredCall(current));
      old.format = 1;
      delete old.origin.inferred;
      edit(old);
      return Buffer.from(JSON.stringify(old));
    };
    const messages = current.origin.warnings.map((w) => w.message);
    expect(messages).toContain("titles read from the call's introductions: Noel Pratt (President and CEO), Vera Lund (Chief Financial Officer)");
    expect(messages.some((m) => m.startsWith('no section headings: Q&A taken to start at turn'))).toBe(true);

    const migrated = parseStoredCall(formatOne(), fileName);
    expect(migrated.format).toBe(STORED_CALL_FORMAT);
    expect(migrated.origin.inferred).toEqual(current.origin.inferred);
    expect(callFromStored(migrated)).toEqual(parsed.call);
    // Stale sections and titles in a format-1 file are inferred again, as in format 2.
    const stale = parseStoredCall(
      formatOne((old) => {
        old.turns.forEach((t: { section: string }) => (t.section = 'prepared_remarks'));
        old.participants.find((p: { name: string }) => p.name === 'Noel Pratt').title = 'Chief Financial Officer';
        old.origin.warnings = old.origin.warnings.map((w: { message: string }) => ({ ...w, message: w.message.replace('Noel Pratt (President and CEO)', 'Noel Pratt (Chief Financial Officer)') }));
      }),
      fileName,
    );
    expect(callFromStored(stale)).toEqual(parsed.call);
    // Warnings that say nothing was inferred: nothing is inferred again (nor for someone else's title: "Anna Vera Lund (…)" is not Vera Lund).
    const plain = parseStoredCall(
      formatOne((old) => {
        old.origin.warnings = [{ line: null, message: "titles read from the call's introductions: Anna Vera Lund (Chief Financial Officer)" }];
      }),
      fileName,
    );
    expect(plain.origin.inferred).toEqual({ sections: false, titles: [] });
    // A format-1 file is validated as format 1: format 2's fields in it are refused.
    expect(() => parseStoredCall(formatOne((old) => (old.origin.inferred = { sections: false, titles: [] })), fileName)).toThrow(/origin.*inferred|Unrecognized/i);
  });

  it('voices stored numbered are named when read, where the hand-overs name them', () => {
    // Invented call, numbered voices as speech-to-text writes them; stored as an older parser left it.
    const text = [
      'Speaker 0: Good day and welcome to the Lumen Rail call. I will be your operator today. I would now like to turn the conference over to Ida Marsh.',
      '',
      'Speaker 1: Thank you. Ridership rose 9% this quarter.',
      '',
      'Speaker 0: Our first question comes from Rosa Chen with Delta Capital.',
      '',
      'Speaker 2: Where are you on the new signalling contract?',
    ].join('\n');
    const parsed = parseTranscriptText(text, { fileName: 'lmrl.txt' });
    expect(parsed.call.participants.map((p) => p.name)).toEqual(['Speaker 0', 'Ida Marsh', 'Rosa Chen']);
    const stale = store(parsed);
    stale.participants.forEach((p) => (p.name = `Speaker ${p.id.slice('speaker-'.length)}`));
    const back = callFromStored(parseStoredCall(bytesOf(stale), storedCallFileName(parsed.call.meta.id)));
    expect(back.participants.map((p) => [p.name, p.side])).toEqual([
      ['Speaker 0', 'operator'],
      ['Ida Marsh', 'company'],
      ['Rosa Chen', 'analyst'],
    ]);
    // A name an older rule gave a numbered voice is given afresh: the voice keeps its number in its id.
    const misnamed = store(parsed);
    misnamed.participants.find((p) => p.id === 'speaker-1')!.name = 'Ida';
    expect(callFromStored(parseStoredCall(bytesOf(misnamed), storedCallFileName(parsed.call.meta.id))).participants.map((p) => p.name)).toEqual(['Speaker 0', 'Ida Marsh', 'Rosa Chen']);
  });

  it('keeps the origin: layout, file, checksum, parser version, warnings', () => {
    const latin = parseTranscriptBytes(encodeCp1252(ACCENTED_CALL), { fileName: 'gadget.txt' });
    const stored = parseStoredCall(bytesOf(store(latin)), storedCallFileName(latin.call.meta.id));
    expect(stored.format).toBe(STORED_CALL_FORMAT);
    expect(stored.origin).toEqual({
      layout: 'standard',
      file: 'gadget.txt',
      sha256: 'a'.repeat(64),
      bytes: 123,
      parser: PARSER_VERSION,
      warnings: latin.warnings,
      importedAt: '2026-01-02T03:04:05.000Z',
      inferred: { sections: false, titles: [] },
    });
    expect(stored.origin.warnings.length).toBeGreaterThan(0);
    expect(callFromStored(stored).participants.map((p) => p.name)).toContain('Davé Fïldes');
  });

  it('stores no roles or exchanges: they are derived again when read', () => {
    const text = serializeStoredCall(store(amzn));
    expect(text).not.toMatch(/"role"|"exchanges"|"question"/);
    // One participant or turn per line.
    expect(text.split('\n').length).toBeGreaterThan(amzn.call.turns.length + amzn.call.participants.length);
  });
});

describe('a .call.json that cannot be used is refused with why', () => {
  const good = () => JSON.parse(serializeStoredCall(store(amzn))) as Record<string, any>;
  const name = 'amzn-q4-2025.call.json';

  it.each<[string, () => unknown, RegExp]>([
    ['not JSON', () => '{"format": 1, "meta": ', /not UTF-8 JSON/],
    ['another format', () => ({ ...good(), format: 99 }), /format 99 is not 2 \(or 1\)/],
    ['no format', () => ({ meta: good().meta }), /format null/],
    ['a paragraph past the end of the text', () => { const s = good(); s.turns[3].paragraphs[0] = [10, 10_000_000]; return s; }, /turns\.3\.paragraphs\.0/],
    ['paragraphs out of order', () => { const s = good(); s.turns[2].paragraphs = [[5, 9]]; return s; }, /turns\.2\.paragraphs\.0/],
    ['a turn by nobody listed', () => { const s = good(); s.turns[1].speakerId = 'ghost'; return s; }, /no participant "ghost"/],
    ['a participant listed twice', () => { const s = good(); s.participants.push(s.participants[0]); return s; }, /appears twice/],
    ['an unknown side', () => { const s = good(); s.participants[0].side = 'board'; return s; }, /participants\.0\.side/],
    ['an extra field', () => ({ ...good(), roles: [] }), /roles|Unrecognized/i],
    ['a call id with a colon', () => { const s = good(); s.meta.id = 'amzn:q4'; return s; }, /meta\.id/],
    ['a title said to be inferred for nobody listed', () => { const s = good(); s.origin.inferred.titles = ['ghost']; return s; }, /origin\.inferred\.titles\.0: no participant "ghost"/],
    ['no word on what was inferred', () => { const s = good(); delete s.origin.inferred; return s; }, /origin\.inferred/],
  ])('%s', (_name, make, message) => {
    const value = make();
    const bytes = Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
    expect(() => parseStoredCall(bytes, name)).toThrow(StoredCallError);
    expect(() => parseStoredCall(bytes, name)).toThrow(message);
  });

  it('a file renamed by hand (name and call id disagree)', () => {
    expect(() => parseStoredCall(bytesOf(store(amzn)), 'other.call.json')).toThrow(/does not match its call id "amzn-q4-2025"/);
  });
});

describe('checkCall: the gate into the library', () => {
  const small = () => parseTranscriptBytes(Buffer.from(SMALL_CALL), { fileName: 'wdgt.txt' }).call;

  it('admits a good call and returns every passage it will be indexed with', () => {
    const passages = checkCall(amzn.call, countTokens, DEFAULT_LIMITS);
    expect(passages).toHaveLength(100);
    expect(passages[0]!.id).toBe(`amzn-q4-2025@${passages[0]!.start}`);
  });

  it.each<[string, (l: typeof DEFAULT_LIMITS) => typeof DEFAULT_LIMITS, RegExp]>([
    ['participants', (l) => ({ ...l, maxParticipants: 3 }), /4 participants; the limit is 3 participants per call \(MAX_PARTICIPANTS\)/],
    ['turns', (l) => ({ ...l, maxTurns: 4 }), /6 speaker turns; the limit is 4 speaker turns per call \(MAX_TURNS\)/],
    ['paragraph length', (l) => ({ ...l, maxParagraphChars: 100 }), /paragraph of 10\d characters; .*\(MAX_PARAGRAPH_CHARS\)/],
  ])('refuses a call over the %s limit, naming the setting', (_name, limits, message) => {
    let error: unknown;
    try {
      checkCall(small(), countTokens, limits(DEFAULT_LIMITS));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CallRejectedError);
    expect((error as Error).message).toMatch(message);
  });

  it('names the line of the offending paragraph', () => {
    const call = parseTranscriptBytes(Buffer.from(callWithParagraph('Margin '.repeat(3000))), { fileName: 'x.txt' }).call;
    let error: CallRejectedError | undefined;
    try {
      checkCall(call, countTokens, { ...DEFAULT_LIMITS, maxParagraphChars: 10_000 });
    } catch (err) {
      error = err as CallRejectedError;
    }
    expect(error?.line).toBe(call.source.split('\n').findIndex((l) => l.startsWith('Margin Margin')) + 1);
  });

  it('refuses a call id that cannot name a file or a passage', () => {
    const call = { ...small(), meta: { ...small().meta, id: '../etc/passwd' } };
    expect(() => checkCall(call, countTokens, DEFAULT_LIMITS)).toThrow(/call id "\.\.\/etc\/passwd" is not usable/);
  });
});
