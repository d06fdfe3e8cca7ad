/**
 * The CLI over the shared test index (`build-index` only ever writes into temp folders), real model.
 * What a shell sees of the real binary (`transcript-search`, package.json "bin") runs as child
 * processes: `npx`, exit codes, stdout holding only the output while progress goes to stderr, a
 * closed pipe, the forwarded `eval`. The rest of each command's arguments and output runs
 * in-process through the same program (in-process.ts), sharing one model process.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchResponse } from '../../src/api/schemas.js';
import { loadIndex } from '../../src/index/load.js';
import { REPO_ROOT } from '../../src/model/model-files.js';
import { TEST_INDEX_DIR } from '../helpers/paths.js';
import { SMALL_CALL } from '../index/small-call.js';
import { smallCallFor } from '../library/fixtures.js';
import { holdModel, runInProcess } from './in-process.js';
import { runBin, runProcess, type CliRun } from './run-cli.js';

const CANONICAL = 'what did Jassy say about Trainium';

const ask = (...args: string[]) => runInProcess(['ask', ...args, '--index-dir', TEST_INDEX_DIR]);
/**
 * `npx transcript-search ask --json -k 3` on the canonical question, the index chosen by INDEX_DIR:
 * run once (each run loads the model), its output checked by two tests (the JSON's shape; stdout holding only it).
 */
let npxRun: Promise<CliRun> | undefined;
const npxAskJson = () => (npxRun ??= runProcess('npx', ['--no-install', 'transcript-search', 'ask', '--json', '-k', '3', CANONICAL], { INDEX_DIR: TEST_INDEX_DIR }));
const build = (args: string[]) => runInProcess(['build-index', ...args]);

/** A user error: non-zero exit, one line on stderr naming the problem, no stack trace, nothing on stdout. */
function expectUserError(run: CliRun, message: RegExp): void {
  expect(run.code, run.stderr).not.toBe(0);
  expect(run.signal).toBeNull();
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at |\.ts:\d+:\d+/);
  expect(run.stdout).toBe('');
}

holdModel();

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'transcript-cli-test-'));
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe.concurrent('ask', () => {
  it('answers the canonical question with Andrew Jassy, his title, the section and a relevance label', async () => {
    const run = await ask(CANONICAL);
    expect(run.code, run.stderr).toBe(0);
    // The shared index is current: no rebuild on the way.
    expect(run.stderr).not.toMatch(/building/i);
    const first = run.stdout.split('\n').find((l) => l.startsWith('1. '));
    expect(first).toBeDefined();
    expect(first).toContain('Andrew Jassy');
    expect(first).toContain('President, CEO & Director');
    expect(first).toMatch(/(Q&A|Prepared remarks)/);
    expect(first).toMatch(/(strong match|related) \(\d{1,3}\)/);
    // Key points, each with its passage id.
    expect(run.stdout).toMatch(/Key points\n  • Andrew Jassy \(Amazon\.com, Inc\. Q4 2025\): .+\(amzn-q4-2025[:@]\d+\)/);
    // Each result names its call: company and quarter.
    expect(first).toContain('Amazon.com, Inc. Q4 2025 · ');
    expect(run.stdout).toMatch(/^Answer — Andrew Jassy \(Amazon\.com, Inc\. Q4 2025\): /m);
    expect(run.stdout).toMatch(/Trainium/);
    // Five results by default.
    expect(run.stdout.split('\n').filter((l) => /^\d+\. /.test(l)).map((l) => l.split('.')[0])).toEqual(['1', '2', '3', '4', '5']);
    // Without --cite, no citation lines.
    expect(run.stdout).not.toMatch(/cite: /);
    // Not a terminal: no colour codes.
    expect(run.stdout).not.toContain('\x1b[');
  });

  it('--json prints the API response shape', async () => {
    const run = await npxAskJson();
    expect(run.code, run.stderr).toBe(0);
    const body = SearchResponse.parse(JSON.parse(run.stdout));
    expect(body.query).toBe(CANONICAL);
    expect(body.results).toHaveLength(3);
    expect(body.results[0]!.speaker.name).toBe('Andrew Jassy');
  });

  it('-k 2 gives two results; INDEX_DIR chooses the index as --index-dir does', async () => {
    const human = await ask('-k', '2', 'free cash flow');
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout.split('\n').filter((l) => /^\d+\. /.test(l)).map((l) => l.split('.')[0])).toEqual(['1', '2']);

    const viaEnv = await runInProcess(['ask', '-k', '2', '--json', 'free cash flow'], { INDEX_DIR: TEST_INDEX_DIR });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);
    expect(viaEnv.stderr).not.toMatch(/building/i);
    expect(SearchResponse.parse(JSON.parse(viaEnv.stdout)).results).toHaveLength(2);
  });

  it.concurrent.each([
    ['-k abc', ['-k', 'abc', 'AWS'], /k must be a whole number/],
    ['-k 1.5', ['-k', '1.5', 'AWS'], /k must be a whole number/],
    ['-k 0', ['-k', '0', 'AWS'], /k must be at least 1/],
    ['-k 51', ['-k', '51', 'AWS'], /k must be at most 50/],
    ['an empty question', [''], /q must not be empty/],
    ['a blank question', ['   '], /q must not be empty/],
    ['a question with nothing to search', ['?!', '.'], /nothing to search/],
    ['no question at all', [], /missing required argument/],
    ['a bad --side', ['--side', 'ceo', 'AWS'], /side/],
    ['an unknown --speaker', ['--speaker', 'Nobody Atall', 'AWS'], /Nobody Atall/],
  ])('%s → a usage error: exit 2 and a one-line message', async (_name, args, message) => {
    const run = await ask(...args);
    expectUserError(run, message);
    expect(run.code).toBe(2);
  });
});

describe('build-index', () => {
  it('files given are imported exactly as `import` does: a bad one is reported, the good one goes in, exit ≠ 0', async () => {
    // A library already holding a (small) call: the import adds to it.
    const lib = path.join(tmp, 'good-and-bad', 'library');
    const idx = path.join(tmp, 'good-and-bad', 'index');
    await fs.mkdir(lib, { recursive: true });
    await fs.writeFile(path.join(lib, 'wdgt-q3-2024.txt'), smallCallFor(3));
    const good = path.join(tmp, 'good-and-bad', 'wdgt-q2-2024.txt');
    await fs.writeFile(good, SMALL_CALL);
    const run = await build([good, 'package.json', '--library', lib, '--index-dir', idx]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/package\.json:1: not in any supported layout/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect((await fs.readdir(lib)).sort()).toEqual(['wdgt-q2-2024.call.json', 'wdgt-q3-2024.txt']);
    const index = await loadIndex(idx);
    expect(index.calls.map((c) => c.meta.id).sort()).toEqual(['wdgt-q2-2024', 'wdgt-q3-2024']);
  });

  it('rebuilds the index over the library folder as it is', async () => {
    const lib = path.join(tmp, 'good', 'library');
    const idx = path.join(tmp, 'good', 'index');
    await fs.mkdir(lib, { recursive: true });
    // A raw transcript dropped into the folder by hand is indexed as it is.
    await fs.writeFile(path.join(lib, 'wdgt-q2-2024.txt'), SMALL_CALL);
    // The binary itself: the summary alone on stdout, the progress of each phase on stderr.
    const run = await runBin(['build-index', '--library', lib, '--index-dir', idx]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Indexed \d+ passages \(\d+ sentences\) from 1 call\(s\) in [\d.]+ s — [\d.]+ passages\/s\n$/);
    expect(run.stderr).toMatch(/^Embedding passages: (\d+)\/\1$/m);
    expect(run.stderr).toMatch(/^Writing index: /m);
    expect(await fs.readdir(lib)).toEqual(['wdgt-q2-2024.txt']);
    expect(await fs.readFile(path.join(lib, 'wdgt-q2-2024.txt'), 'utf8')).toBe(SMALL_CALL);
    const index = await loadIndex(idx, { sources: [path.join(lib, 'wdgt-q2-2024.txt')] });
    expect(index.calls.map((c) => c.meta.id)).toEqual(['wdgt-q2-2024']);

    // ask searches that library's index as it is (TRANSCRIPTS_DIR / --library, as for the server), without rebuilding it.
    const manifestBefore = await fs.readFile(path.join(idx, 'manifest.json'), 'utf8');
    const asked = await runInProcess(['ask', '--json', '-k', '1', 'factory capacity'], { INDEX_DIR: idx, TRANSCRIPTS_DIR: lib });
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stderr).not.toMatch(/building/i);
    expect(SearchResponse.parse(JSON.parse(asked.stdout)).results[0]?.call_id).toBe('wdgt-q2-2024');
    expect(await fs.readFile(path.join(idx, 'manifest.json'), 'utf8')).toBe(manifestBefore);
  });

  it('a library folder that does not exist → one-line error', async () => {
    expectUserError(await build(['--library', path.join(tmp, 'nowhere'), '--index-dir', path.join(tmp, 'nowhere-idx')]), /does not exist/);
  });
});

describe.concurrent('transcript-search', () => {
  it('--help lists every subcommand', async () => {
    const run = await runBin(['--help']);
    expect(run.code, run.stderr).toBe(0);
    for (const sub of ['serve', 'ask', 'calls', 'import', 'build-index', 'eval', 'bench', 'mcp']) expect(run.stdout).toMatch(new RegExp(`^  ${sub}\\b`, 'm'));
  });

  it('a user error → non-zero exit, one line on stderr, nothing on stdout, no stack trace', async () => {
    expectUserError(await runBin(['ask', '-k', '0', 'AWS', '--index-dir', TEST_INDEX_DIR]), /k must be at least 1/);
  });

  it('usage errors exit 2 whoever finds them (an option parser, the schema, the library); a failure exits 1', async () => {
    const [parser, schema, unknownOption, failure] = await Promise.all([
      runBin(['ask', '-k', 'abc', 'AWS', '--index-dir', TEST_INDEX_DIR]),
      runBin(['ask', '-k', '0', 'AWS', '--index-dir', TEST_INDEX_DIR]),
      runBin(['calls', '--bogus']),
      runBin(['build-index', '--library', path.join(tmp, 'no-such-library'), '--index-dir', path.join(tmp, 'no-such-index')]),
    ]);
    expect([parser.code, schema.code, unknownOption.code], [parser.stderr, schema.stderr, unknownOption.stderr].join('')).toEqual([2, 2, 2]);
    expect(failure.code, failure.stderr).toBe(1);
  });

  it('an unknown subcommand → non-zero exit, the error and a suggestion, no stack trace', async () => {
    const run = await runBin(['serch', 'AWS']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^error: unknown command 'serch'\n\(Did you mean .*serve.*\?\)\n$/);
    expect(run.stdout).toBe('');
  });

  it('`npx transcript-search ask --json` prints exactly one JSON document on stdout; progress and logs stay on stderr', async () => {
    const run = await npxAskJson();
    expect(run.code, run.stderr).toBe(0);
    // The whole of stdout is one JSON value: no banner before it, nothing after it.
    expect(run.stdout.trimStart().startsWith('{')).toBe(true);
    const body = SearchResponse.parse(JSON.parse(run.stdout));
    expect(body.results).toHaveLength(3);
    expect(body.results[0]!.speaker.name).toBe('Andrew Jassy');
  });

  it('piped into `head`, a long output ends quietly: exit 0, no EPIPE, no stack trace', async () => {
    const script = `"${process.execPath}" bin/transcript-search.js ask --json -k 50 --index-dir "${TEST_INDEX_DIR}" "AWS growth" | head -c 200 > /dev/null`;
    const run = await runProcess('bash', ['-o', 'pipefail', '-c', script]);
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at |Error/);
    expect(run.code, run.stderr).toBe(0);
  });

  it('ask --cite prints each result with its citation: quote, speaker, title or firm, company, quarter, date', async () => {
    const run = await ask('--cite', '-k', '3', CANONICAL);
    expect(run.code, run.stderr).toBe(0);
    const cites = run.stdout.split('\n').filter((l) => /^\s+cite: /.test(l));
    expect(cites).toHaveLength(3);
    expect(cites[0]).toMatch(/cite: ".+" — Andrew Jassy, President, CEO & Director, Amazon.com, Inc. Q4 2025 earnings call, February 5, 2026$/);
    // Without --cite, no citation lines: checked on the plain canonical run above.
  });

  it('calls lists the library (id, company, ticker, quarter, date, passages); --json as one array', async () => {
    const human = await runInProcess(['calls', '--index-dir', TEST_INDEX_DIR]);
    expect(human.code, human.stderr).toBe(0);
    const [header, row, ...rest] = human.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^id\s+company\s+ticker\s+quarter\s+date\s+passages$/);
    expect(row).toMatch(/^amzn-q4-2025\s+Amazon\.com, Inc\.\s+AMZN\s+Q4 2025\s+2026-02-05\s+\d+$/);
    expect(rest).toEqual([]);

    const json = await runInProcess(['calls', '--json'], { INDEX_DIR: TEST_INDEX_DIR });
    expect(json.code, json.stderr).toBe(0);
    const calls = JSON.parse(json.stdout) as { id: string; passages: number }[];
    const index = await loadIndex(TEST_INDEX_DIR);
    expect(calls).toEqual([{ id: 'amzn-q4-2025', company: 'Amazon.com, Inc.', ticker: 'AMZN', quarter: 'Q4 2025', date: '2026-02-05', passages: index.passages.length }]);
  });

  it('eval runs a question set through the search and prints the metrics table (INDEX_DIR chooses the index)', async () => {
    const set = path.join(tmp, 'three-questions.json');
    await fs.writeFile(
      set,
      JSON.stringify({
        items: [
          { q: 'what did Jassy say about Trainium', gold: ['Trainium'], speaker: 'Jassy' },
          { q: 'free cash flow', gold: ['free cash flow'] },
          { q: 'who asked about capex', gold: ['CapEx'] },
        ],
      }),
    );
    const run = await runBin(['eval', set], { INDEX_DIR: TEST_INDEX_DIR });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/3 questions/);
    expect(run.stdout).toMatch(/\| system \| R@1 \| R@5 \| MRR@10 \| speaker@1 \|/);
    expect(run.stdout).toMatch(/\| BM25 only \|/i);
    expect(run.stderr).not.toMatch(/building/i);
  });

  it('eval without arguments uses question sets inside the repository (../shared is optional)', async () => {
    const { defaultQuestionSets } = await import('../../scripts/eval.js');
    const sets = defaultQuestionSets();
    const inRepo = sets.filter((f) => !path.relative(REPO_ROOT, f).startsWith('..'));
    expect(inRepo.length).toBeGreaterThan(0);
    for (const f of sets) expect(existsSync(f), f).toBe(true);
  });
});
