/**
 * The Earnings-21 and Earnings-22 dataset folders (CC BY-SA, read from ../shared, never copied
 * here): every call parses from the folder; speakers, company and quarter agree with the
 * dataset's own tables, read independently below with plain string splitting.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/model/model-files.js';
import { withoutCourtesyTitle } from '../../src/transcript/courtesy-titles.js';
import { namesFirmAlone } from '../../src/transcript/firm-labels.js';
import { slugify } from '../../src/transcript/names.js';
import { readTranscriptPath, type ParsedCall } from '../../src/transcript/read-source.js';

const CORPUS = path.join(REPO_ROOT, '..', 'shared', 'corpus');
const E21 = path.join(CORPUS, 'earnings21');
const E22 = path.join(CORPUS, 'earnings22');

/** Rows of a simple CSV (these files quote nothing); none without ../shared (the suites are skipped, but vitest still collects their bodies). */
function csvRows(file: string): string[][] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
}

/** The speaker-id sequence of a .nlp file, one entry per token. */
function tokenSpeakers(file: string): string[] {
  return readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split('|')[1] as string);
}

/** Consecutive equal entries collapsed. */
function runs(values: string[]): string[] {
  return values.filter((v, i) => i === 0 || v !== values[i - 1]);
}

/**
 * Each turn's voice: the participant's name, or for a voice the source only numbered, its number
 * ("Speaker 13") even when the call's hand-overs named it (its id keeps the number).
 */
function speakersOf(c: ParsedCall): string[] {
  const renamed = (p: { id: string; name: string }) => /^speaker-\d+$/.test(p.id) && !/^speaker \d+$/i.test(p.name);
  const names = new Map(c.call.participants.map((p) => [p.id, renamed(p) ? `Speaker ${p.id.slice('speaker-'.length)}` : p.name]));
  return c.call.turns.map((t) => names.get(t.speakerId) as string);
}

describe.skipIf(!existsSync(E21))('Earnings-21 from its dataset folder', async () => {
  const { calls, failures } = existsSync(E21) ? await readTranscriptPath(E21) : { calls: [], failures: [] };
  const names = new Map<string, Map<string, string>>();
  for (const [file, speaker, name] of csvRows(path.join(E21, 'speaker-metadata.csv'))) {
    if (!names.has(file as string)) names.set(file as string, new Map());
    names.get(file as string)?.set(speaker as string, (name as string).replace(/\s+/g, ' ').trim());
  }
  const meta = new Map(csvRows(path.join(E21, 'earnings21-file-metadata.csv')).map((r) => [r[0] as string, { company: r[3] as string, quarter: r[4] as string, sector: r[5] as string }]));

  it('parses all 44 calls, each from its own .nlp file, with no failures', () => {
    expect(failures).toEqual([]);
    expect(calls).toHaveLength(44);
    expect(new Set(calls.map((c) => c.source)).size).toBe(44);
    expect(calls.every((c) => c.layout === 'asr-tokens' && /^\d+\.nlp$/.test(c.source))).toBe(true);
    expect(new Set(calls.map((c) => c.call.meta.id)).size).toBe(44);
  });

  it("puts every turn under the speaker the dataset's speaker table names", () => {
    for (const c of calls) {
      const id = c.source.replace('.nlp', '');
      const table = names.get(id) ?? new Map<string, string>();
      // The table's names without a courtesy title before a full name ("Mr. Joshua Reed" is Joshua Reed; "Dr." stays): courtesy-titles.ts;
      // a voice the table names by a firm alone ("Morgan Stanley") is an unidentified analyst of that firm (firm-labels.ts).
      const asRead = (name: string): string => (namesFirmAlone(name) ? 'Unidentified Analyst' : withoutCourtesyTitle(name));
      const expected = runs(tokenSpeakers(path.join(E21, 'transcripts', 'nlp_references', c.source)).map((s) => asRead(table.get(s) ?? `Speaker ${s}`)));
      expect(speakersOf(c), c.source).toEqual(expected);
    }
  });

  it('takes company, quarter (year 2020) and sector from the file metadata', () => {
    for (const c of calls) {
      const m = meta.get(c.source.replace('.nlp', ''));
      expect(c.call.meta, c.source).toMatchObject({ company: m?.company, quarter: `Q${m?.quarter} 2020`, fiscalQuarter: Number(m?.quarter), fiscalYear: 2020, sector: m?.sector, ticker: null, date: null });
    }
  });

  it('restores casing and punctuation from the columns and keeps markers readable', () => {
    const ge = calls.find((c) => c.source === '4341191.nlp') as ParsedCall;
    const first = ge.call.turns[0]?.paragraphs[0]?.text ?? '';
    // The dataset's own first tokens (read from ../shared, not quoted here), with the casing and
    // punctuation the columns give: a capital to start, sentences closed and reopened.
    const tokens = readFileSync(path.join(E21, 'transcripts', 'nlp_references', '4341191.nlp'), 'utf8').split('\n').slice(1, 25).map((l) => l.split('|')[0]!.toLowerCase());
    const words = first.toLowerCase().replace(/[^\p{L}\p{N}'\s]/gu, '').split(/\s+/).slice(0, tokens.length);
    expect(words).toEqual(tokens.map((t) => t.replace(/[^\p{L}\p{N}']/gu, '')));
    expect(first).toMatch(/^\p{Lu}/u);
    expect(first.slice(0, 200)).toMatch(/[a-z]\. \p{Lu}/u);
    const all = calls.map((c) => c.call.source).join('\n');
    expect(all).toContain('[inaudible]');
    expect(all).toContain('[crosstalk]');
    expect(all).not.toMatch(/<(?:inaudible|unk|crosstalk)>/);
  });

  it('infers the operator, analysts and company from the introductions, and marks them inferred', () => {
    const ge = calls.find((c) => c.source === '4341191.nlp') as ParsedCall;
    const side = (name: string) => ge.call.participants.find((p) => p.name === name);
    expect(side('Brandon')).toMatchObject({ side: 'operator', sideSource: 'inferred' });
    expect(side('Larry Culp')).toMatchObject({ side: 'company', sideSource: 'inferred' });
    expect(side('Jeff Sprague')).toMatchObject({ side: 'analyst', sideSource: 'inferred' });
    expect(side('Andrew Obin')).toMatchObject({ side: 'analyst', sideSource: 'inferred' });
    expect(ge.call.turns.findIndex((t) => t.section === 'qa')).toBe(6);
    expect(ge.call.exchanges[0]).toMatchObject({ introTurn: 6, questionTurns: [7, 9, 11, 13] });
  });

  it('finds the dataset metadata when pointed at one .nlp file inside the folder', async () => {
    const one = await readTranscriptPath(path.join(E21, 'transcripts', 'nlp_references', '4385939.nlp'));
    expect(one.calls).toHaveLength(1);
    expect(one.calls[0]?.call.meta).toMatchObject({ company: 'Hershey Company', quarter: 'Q3 2020' });
    expect(one.calls[0]?.source).toBe('4385939.nlp');
  });
});

describe.skipIf(!existsSync(E22))('Earnings-22 from its dataset folder', async () => {
  const { calls, failures } = existsSync(E22) ? await readTranscriptPath(E22) : { calls: [], failures: [] };
  const tickers = new Map(csvRows(path.join(E22, 'metadata.csv')).map((r) => [r[0] as string, r[1] as string]));

  it('parses all 125 calls with numbered speakers; the company (and quarter) from the welcome, else the ticker stands in; the period from the opening', () => {
    expect(failures).toEqual([]);
    expect(calls).toHaveLength(125);
    expect(new Set(calls.map((c) => c.call.meta.id)).size).toBe(125);
    const byFile = new Map(calls.map((c) => [c.source.replace(/\.nlp$/, ''), c.call.meta]));
    // The metadata gives only the ticker; the welcome names the company and often the quarter.
    expect(byFile.get('4462231')).toMatchObject({ ticker: 'TXN', company: 'Texas Instruments', quarter: 'Q3 2021', id: 'txn-4462231' });
    // "Ferrari 2021 full year results": the full year is the call that closes it.
    expect(byFile.get('4483633')).toMatchObject({ ticker: 'RACE', company: 'Ferrari', quarter: 'Q4 2021' });
    // A period said only by the opening ("financial results for H1 2021"), whoever named the company.
    expect(byFile.get('4453085')).toMatchObject({ ticker: 'OTGLF', quarter: 'Q2 2021' });
    expect(calls.filter((c) => c.call.meta.quarter !== null).length).toBeGreaterThanOrEqual(85);
    expect(byFile.get('4475486')).toMatchObject({ ticker: 'TCOM', company: 'Trip.com' });
    for (const c of calls) {
      const ticker = tickers.get(c.source.replace(/\.nlp$/, ''));
      // The id stays the ticker's and the file's, whatever the welcome says (stable across re-imports).
      expect(c.call.meta.id, c.source).toBe(`${slugify(ticker!)}-${slugify(c.source.replace(/\.nlp$/, ''))}`);
      expect(c.call.meta, c.source).toMatchObject({ ticker, date: null });
      // Every voice is numbered, unless the call's hand-overs named it (and the reader is told).
      const named = c.warnings.find((w) => w.message.startsWith('numbered speakers named'))?.message ?? '';
      for (const p of c.call.participants) expect(/^Speaker \d+$/.test(p.name) || named.includes(`→ ${p.name}`), `${c.source}: ${p.name}`).toBe(true);
      const expected = runs(tokenSpeakers(path.join(E22, 'transcripts', 'nlp_references', c.source)).map((s) => `Speaker ${s}`));
      expect(speakersOf(c), c.source).toEqual(expected);
    }
  });
});
