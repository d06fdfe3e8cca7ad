/**
 * `npm run -s import` (real parser, tokenizer and model), always into temp folders, run in-process
 * through the binary's program (in-process.ts) with one model process for the file; the command's
 * own entry (`tsx src/cli/import.ts`) as a child process where stdout and stderr must part:
 * --check reports and touches nothing; a batch adds its good files and lists the bad ones
 * (file:line, exit 1); duplicates are refused; --remove takes calls out; hostile files are
 * refused clearly and leave the library as it was.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndex } from '../../src/index/load.js';
import { listTranscripts } from '../../src/index/layout.js';
import { CheckReport } from '../../src/library/check-report.js';
import { parseStoredCall } from '../../src/library/stored-call.js';
import { BUNDLED_CALL } from '../helpers/paths.js';
import { ACCENTED_CALL, encodeCp1252, manySpeakersCall, SMALL_CALL, smallCallFor, callWithParagraph } from '../library/fixtures.js';
import { holdModel, runInProcess } from './in-process.js';
import { runCli, type CliRun } from './run-cli.js';

const IMPORT = 'src/cli/import.ts';

holdModel();

let tmp: string;
let sequence = 0;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'import-cli-test-'));
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/** A workspace: files to import (name → content), an empty library and no index yet. */
async function workspace(
  files: Record<string, string | Uint8Array> = {},
): Promise<{ root: string; lib: string; idx: string; file: (name: string) => string; run: (...args: string[]) => Promise<CliRun>; runEntry: (...args: string[]) => Promise<CliRun> }> {
  const root = path.join(tmp, `ws-${++sequence}`);
  const lib = path.join(root, 'library');
  const idx = path.join(root, 'index');
  await fs.mkdir(path.join(root, 'in'), { recursive: true });
  for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(root, 'in', name), content);
  const file = (name: string) => path.join(root, 'in', name);
  const at = ['--library', lib, '--index-dir', idx];
  return { root, lib, idx, file, run: (...args) => runInProcess(['import', ...args, ...at]), runEntry: (...args) => runCli(IMPORT, [...args, ...at]) };
}

/** Every file under a folder with its bytes: "unchanged" means byte for byte. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else out[path.relative(dir, full)] = (await fs.readFile(full)).toString('base64');
    }
  };
  await walk(dir);
  return out;
}

const errorLines = (run: CliRun) => run.stderr.split('\n').filter((l) => l.startsWith('error: '));

describe.concurrent('import --check', () => {
  it('reports each call readably and changes nothing', async () => {
    const ws = await workspace({ 'wdgt.txt': SMALL_CALL, 'gadget.txt': encodeCp1252(ACCENTED_CALL) });
    const before = await snapshot(ws.root);
    const run = await ws.run('--check', ws.file('wdgt.txt'), ws.file('gadget.txt'), BUNDLED_CALL);
    expect(run.code, run.stderr).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/wdgt\.txt → call wdgt-q2-2024/);
    expect(out).toMatch(/layout\s+standard \(confidence 1\.00\)\n\s+- title line/);
    expect(out).toMatch(/company\s+Widget Corp\n\s+ticker\s+WDGT\n\s+quarter\s+Q2 2024\n\s+year\s+2024\n\s+date\s+2024-07-30/);
    expect(out).toMatch(/company\s+Jane Roe\s+\(listed\)\s+Chief Executive Officer/);
    expect(out).toMatch(/analyst\s+Alex Analyst\s+\(listed\)\s+Big Bank Securities/);
    expect(out).toMatch(/turns\s+6 \(3 prepared remarks, 3 Q&A\)\n\s+Q&A exchanges 1/);
    expect(out).toMatch(/gadget\.txt → call gdgt-q3-2024[\s\S]*warnings\s+1\n\s+line \d+: .*not valid UTF-8/);
    expect(out).toMatch(/amzn-q4-2025-earnings-call\.txt → call amzn-q4-2025[\s\S]*Q&A exchanges 6/);
    expect(out).toMatch(/3 call\(s\) would be imported\. Nothing was changed\.\n$/);
    expect(await snapshot(ws.root)).toEqual(before);
    await expect(fs.stat(ws.lib)).rejects.toThrow();
    await expect(fs.stat(ws.idx)).rejects.toThrow();
  });

  it('--json prints exactly one JSON array in the issue\'s shape; failures go to stderr and exit 1', async () => {
    const ws = await workspace({ 'wdgt.txt': SMALL_CALL, 'bad.txt': 'Quarterly notes\n\nnothing here\n' });
    // The command's own entry as a process: stdout holds the array alone, the failure is on stderr.
    const run = await ws.runEntry('--check', '--json', ws.file('wdgt.txt'), ws.file('bad.txt'));
    expect(run.code).toBe(1);
    const report = CheckReport.parse(JSON.parse(run.stdout));
    expect(report).toHaveLength(1);
    const [item] = report;
    expect(item!.call).toEqual({ id: 'wdgt-q2-2024', company: 'Widget Corp', ticker: 'WDGT', quarter: 'Q2 2024', year: 2024, date: '2024-07-30', layout: 'standard', source: 'wdgt.txt' });
    expect(item!.turns.map((t) => [t.speaker.name, t.speaker.side, t.section])).toEqual([
      ['Operator', 'operator', 'prepared_remarks'],
      ['Jane Roe', 'company', 'prepared_remarks'],
      ['Robert Smith', 'company', 'prepared_remarks'],
      ['Operator', 'operator', 'qa'],
      ['Alex Analyst', 'analyst', 'qa'],
      ['Jane Roe', 'company', 'qa'],
    ]);
    expect(item!.turns[1]!.text).toBe(
      'Thanks. Widget revenue grew 12% this quarter, driven by strong demand for our new gadget line in Europe.\n\nWe also opened two factories and hired four hundred engineers to build the next generation of widgets.',
    );
    expect(item!.turns[4]!.speaker).toEqual({ name: 'Alex Analyst', side: 'analyst', title: null, firm: 'Big Bank Securities' });
    expect(item!.participants).toContainEqual({ name: 'Operator', side: 'operator', side_source: 'header', title: null, firm: null });
    expect(item!.warnings).toEqual([]);
    expect(errorLines(run)).toEqual([expect.stringMatching(/^error: .*bad\.txt:1: not in any supported layout \(closest: standard, expected a title line/)]);
    expect(run.stderr).toContain('  1 | Quarterly notes');
    await expect(fs.stat(ws.lib)).rejects.toThrow();
  });
});

describe.concurrent('import', () => {
  it('a batch with a bad file: the good ones go in (stored form, indexed), the bad one is listed with file:line, exit 1', async () => {
    const ws = await workspace({ 'q1.txt': smallCallFor(1), 'q3.txt': smallCallFor(3), 'oops.txt': smallCallFor(4).replace('Robert Smith\nChief', 'Robert Smtih\nChief') });
    const run = await ws.run(ws.file('q1.txt'), ws.file('oops.txt'), ws.file('q3.txt'), path.join(ws.root, 'missing.txt'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Added wdgt-q1-2024 from .*q1\.txt → .*wdgt-q1-2024\.call\.json$/m);
    expect(run.stdout).toMatch(/^Added wdgt-q3-2024 from .*q3\.txt → /m);
    expect(run.stdout).toMatch(/^Indexed \d+ passages \(\d+ sentences\) from 2 call\(s\)/m);
    const oopsLine = smallCallFor(4).split('\n').indexOf('Robert Smith') + 1;
    expect(errorLines(run)).toEqual([
      expect.stringMatching(new RegExp(`^error: .*oops\\.txt:${oopsLine}: unknown speaker "Robert Smtih"`)),
      expect.stringMatching(/^error: .*missing\.txt: no such file or folder$/),
    ]);
    expect((await fs.readdir(ws.lib)).sort()).toEqual(['wdgt-q1-2024.call.json', 'wdgt-q3-2024.call.json']);
    const stored = parseStoredCall(await fs.readFile(path.join(ws.lib, 'wdgt-q1-2024.call.json')), 'wdgt-q1-2024.call.json');
    expect(stored.origin).toMatchObject({ layout: 'standard', file: 'q1.txt', bytes: Buffer.byteLength(smallCallFor(1)) });
    // The index is current for the library: served without a rebuild, with both calls.
    const index = await loadIndex(ws.idx, { sources: await listTranscripts(ws.lib) });
    expect(index.calls.map((c) => c.meta.id)).toEqual(['wdgt-q1-2024', 'wdgt-q3-2024']);
    expect(index.passages.every((p) => /^wdgt-q[13]-2024@\d+$/.test(p.id))).toBe(true);
  });

  it('refuses a call already in the library, and one id from two different files of a batch; the library is unchanged', async () => {
    const ws = await workspace({ 'q1.txt': smallCallFor(1), 'q1-again.txt': smallCallFor(1), 'q2-a.txt': SMALL_CALL, 'q2-b.txt': SMALL_CALL.replace('12%', '14%') });
    expect((await ws.run(ws.file('q1.txt'))).code).toBe(0);
    const before = await snapshot(ws.root);
    const run = await ws.run(ws.file('q1-again.txt'), ws.file('q2-a.txt'), ws.file('q2-b.txt'));
    expect(run.code).toBe(1);
    expect(errorLines(run).sort()).toEqual(
      [
        expect.stringMatching(/q1-again\.txt: call wdgt-q1-2024 is already in the library \(wdgt-q1-2024\.call\.json\); remove it first: npm run -s import -- --remove wdgt-q1-2024$/),
        expect.stringMatching(/q2-a\.txt: call id wdgt-q2-2024 comes from 2 different files in this import .*none of them was added$/),
        expect.stringMatching(/q2-b\.txt: call id wdgt-q2-2024 comes from 2 different files/),
      ].sort(),
    );
    expect(run.stdout).toBe('Nothing was added; the library and the index are unchanged.\n');
    expect(await snapshot(ws.root)).toEqual(before);
  });

  it('--remove takes calls out and rebuilds; an unknown id or emptying the library is refused', async () => {
    const ws = await workspace({ 'q1.txt': smallCallFor(1), 'q3.txt': smallCallFor(3) });
    expect((await ws.run(ws.file('q1.txt'), ws.file('q3.txt'))).code).toBe(0);
    const run = await ws.run('--remove', 'wdgt-q1-2024', 'nosuch-q1-2000');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Removed wdgt-q1-2024 \(.*wdgt-q1-2024\.call\.json\)$/m);
    expect(errorLines(run)).toEqual([expect.stringMatching(/^error: nosuch-q1-2000: no call nosuch-q1-2000 in the library/)]);
    expect(await fs.readdir(ws.lib)).toEqual(['wdgt-q3-2024.call.json']);
    expect((await loadIndex(ws.idx, { sources: await listTranscripts(ws.lib) })).calls.map((c) => c.meta.id)).toEqual(['wdgt-q3-2024']);

    const last = await ws.run('--remove', 'wdgt-q3-2024');
    expect(last.code).toBe(1);
    expect(errorLines(last)).toEqual([expect.stringMatching(/not removed: the library would have no call left/)]);
    expect(await fs.readdir(ws.lib)).toEqual(['wdgt-q3-2024.call.json']);
  });

  it('hostile files: each refused with why, within one run; the library holds only the good call', async () => {
    const huge = Buffer.alloc(50 * 1024 * 1024, 'A');
    const ws = await workspace({
      'empty.txt': '',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'huge.txt': huge,
      'speakers.txt': manySpeakersCall(10_000),
      'long-line.txt': callWithParagraph('Mr. '.repeat(250_000)),
      'long-word.txt': callWithParagraph('x'.repeat(1_000_000)),
      'mixed.txt': Buffer.concat([Buffer.from(ACCENTED_CALL.slice(0, 200), 'utf8'), encodeCp1252(ACCENTED_CALL.slice(200))]),
    });
    const run = await ws.run(path.join(ws.root, 'in'));
    expect(run.code).toBe(1);
    const errors = errorLines(run).join('\n');
    expect(errors).toMatch(/binary\.txt:3: this is a binary file/); // the NUL byte is after two line ends of the PNG signature
    expect(errors).toMatch(/empty\.txt:1: the file is empty/);
    expect(errors).toMatch(/huge\.txt:1: the file is 52,428,800 bytes; the limit is .* \(MAX_TRANSCRIPT_BYTES\)/);
    expect(errors).toMatch(/long-line\.txt:\d+: a paragraph of 999,999 characters; .*\(MAX_PARAGRAPH_CHARS\)/);
    expect(errors).toMatch(/long-word\.txt:\d+: a paragraph of 1,000,000 characters/);
    expect(errors).toMatch(/speakers\.txt:\d+: more than 500 participants; .*\(MAX_PARTICIPANTS\)/);
    expect(errorLines(run)).toHaveLength(6);
    expect(run.stdout).toMatch(/^Added gdgt-q3-2024 from .*mixed\.txt/m);
    expect(await fs.readdir(ws.lib)).toEqual(['gdgt-q3-2024.call.json']);
    const index = await loadIndex(ws.idx, { sources: await listTranscripts(ws.lib) });
    expect(index.calls[0]!.participants.map((p) => p.name)).toContain('Davé Fïldes');
  });

  it('limits are settings: a lower MAX_TURNS refuses a call that the default admits', async () => {
    const ws = await workspace({ 'q1.txt': smallCallFor(1) });
    const run = await runInProcess(['import', '--check', ws.file('q1.txt')], { MAX_TURNS: '3' });
    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([expect.stringMatching(/q1\.txt:\d+: more than 3 speaker turns; the limit is 3 speaker turns per call \(MAX_TURNS\)/)]);
    const bad = await runInProcess(['import', '--check', ws.file('q1.txt')], { MAX_TURNS: 'many' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: MAX_TURNS="many": /);
  });

  it('a folder with no transcript in it is a failure, not a silent success', async () => {
    const ws = await workspace({ 'notes.md': '# not a transcript' });
    const run = await ws.run(path.join(ws.root, 'in'));
    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([expect.stringMatching(/in: no transcript files in this folder/)]);
    await expect(fs.stat(ws.lib)).rejects.toThrow();
  });

  it('usage errors are one line, and exit 2 as every command\'s do', async () => {
    const ws = await workspace();
    const none = await ws.run();
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toBe('error: give transcript files or folders to import (or --remove <call-id>...)');
    const both = await ws.run('--remove', 'x', '--check');
    expect(both.code).toBe(2);
    expect(both.stderr.trim()).toMatch(/^error: --remove takes call ids only/);
  });
});
