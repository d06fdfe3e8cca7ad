/**
 * The real CLIs as child processes (tsx, real model). `ask` reads the shared test index;
 * `build-index` only ever writes into temp folders.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchResponse } from '../../src/api/schemas.js';
import { loadIndex } from '../../src/index/load.js';
import { BUNDLED_CALL, TEST_INDEX_DIR } from '../helpers/paths.js';
import { SMALL_CALL } from '../index/small-call.js';
import { runCli, type CliRun } from './run-cli.js';

const ASK = 'src/cli/ask.ts';
const BUILD = 'src/cli/build-index.ts';
const CANONICAL = 'what did Jassy say about Trainium';

const ask = (...args: string[]) => runCli(ASK, [...args, '--index-dir', TEST_INDEX_DIR]);

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

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'transcript-cli-test-'));
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('ask', () => {
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
    expect(run.stdout).toMatch(/Key points\n  • Andrew Jassy: .+\(amzn-q4-2025[:@]\d+\)/);
    expect(run.stdout).toMatch(/Trainium/);
    // Not a terminal: no colour codes.
    expect(run.stdout).not.toContain('\x1b[');
  });

  it('--json prints the API response shape', async () => {
    const run = await ask(CANONICAL, '--json');
    expect(run.code, run.stderr).toBe(0);
    const body = SearchResponse.parse(JSON.parse(run.stdout));
    expect(body.query).toBe(CANONICAL);
    expect(body.results).toHaveLength(5);
    expect(body.results[0]!.speaker.name).toBe('Andrew Jassy');
  });

  it('-k 2 gives two results; INDEX_DIR chooses the index as --index-dir does', async () => {
    const human = await ask('-k', '2', 'free cash flow');
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout.split('\n').filter((l) => /^\d+\. /.test(l)).map((l) => l.split('.')[0])).toEqual(['1', '2']);

    const viaEnv = await runCli(ASK, ['-k', '2', '--json', 'free cash flow'], { INDEX_DIR: TEST_INDEX_DIR });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);
    expect(viaEnv.stderr).not.toMatch(/building/i);
    expect(SearchResponse.parse(JSON.parse(viaEnv.stdout)).results).toHaveLength(2);
  });

  it.each([
    ['-k abc', ['-k', 'abc', 'AWS'], /k must be a whole number/],
    ['-k 1.5', ['-k', '1.5', 'AWS'], /k must be a whole number/],
    ['-k 0', ['-k', '0', 'AWS'], /k must be at least 1/],
    ['-k 51', ['-k', '51', 'AWS'], /k must be at most 50/],
    ['an empty question', [''], /q must not be empty/],
    ['a blank question', ['   '], /q must not be empty/],
    ['no question at all', [], /missing required argument/],
    ['a bad --side', ['--side', 'ceo', 'AWS'], /side/],
    ['an unknown --speaker', ['--speaker', 'Nobody Atall', 'AWS'], /Nobody Atall/],
  ])('%s → non-zero exit and a one-line message', async (_name, args, message) => {
    expectUserError(await ask(...args), message);
  });
});

describe('build-index', () => {
  async function library(name: string): Promise<{ lib: string; idx: string }> {
    const lib = path.join(tmp, name, 'library');
    const idx = path.join(tmp, name, 'index');
    await fs.mkdir(lib, { recursive: true });
    await fs.copyFile(BUNDLED_CALL, path.join(lib, path.basename(BUNDLED_CALL)));
    return { lib, idx };
  }
  const snapshot = async (dir: string) =>
    Object.fromEntries(await Promise.all((await fs.readdir(dir)).sort().map(async (n) => [n, await fs.readFile(path.join(dir, n), 'utf8')] as const)));
  const exists = (p: string) => fs.stat(p).then(() => true, () => false);

  it('refuses a file that is not a transcript, naming the line, and leaves library and index alone', async () => {
    const { lib, idx } = await library('not-a-transcript');
    const before = await snapshot(lib);
    const run = await runCli(BUILD, ['package.json', '--library', lib, '--index-dir', idx]);
    expectUserError(run, /not a transcript.*line 1\b/);
    expect(await snapshot(lib)).toEqual(before);
    expect(await exists(idx)).toBe(false);
  });

  it('with one good and one bad file, adds neither', async () => {
    const { lib, idx } = await library('good-and-bad');
    const good = path.join(tmp, 'good-and-bad', 'wdgt-q2-2024.txt');
    await fs.writeFile(good, SMALL_CALL);
    const before = await snapshot(lib);
    const run = await runCli(BUILD, [good, 'package.json', '--library', lib, '--index-dir', idx]);
    expectUserError(run, /package\.json.*line 1\b|line 1\b.*package\.json/);
    expect(await snapshot(lib)).toEqual(before);
    expect(await exists(idx)).toBe(false);
  });

  it('refuses a transcript whose call is already in the library under another name', async () => {
    const { lib, idx } = await library('duplicate');
    const copy = path.join(tmp, 'duplicate', 'amzn-copy.txt');
    await fs.copyFile(BUNDLED_CALL, copy);
    const before = await snapshot(lib);
    const run = await runCli(BUILD, [copy, '--library', lib, '--index-dir', idx]);
    expectUserError(run, /amzn-q4-2025/);
    // The library still builds afterwards: the duplicate was not copied in.
    expect(await snapshot(lib)).toEqual(before);
    expect(await exists(idx)).toBe(false);
  });

  it('adds a good transcript to the library and builds an index over the whole library', async () => {
    const lib = path.join(tmp, 'good', 'library');
    const idx = path.join(tmp, 'good', 'index');
    await fs.mkdir(lib, { recursive: true });
    const file = path.join(tmp, 'good', 'wdgt-q2-2024.txt');
    await fs.writeFile(file, SMALL_CALL);
    const run = await runCli(BUILD, [file, '--library', lib, '--index-dir', idx]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Indexed \d+ passages \(\d+ sentences\) from 1 call\(s\)/);
    expect(await fs.readdir(lib)).toEqual(['wdgt-q2-2024.txt']);
    expect(await fs.readFile(path.join(lib, 'wdgt-q2-2024.txt'), 'utf8')).toBe(SMALL_CALL);
    const index = await loadIndex(idx, { sources: [path.join(lib, 'wdgt-q2-2024.txt')] });
    expect(index.calls.map((c) => c.meta.id)).toEqual(['wdgt-q2-2024']);

    // ask searches that library's index as it is (TRANSCRIPTS_DIR / --library, as for the server), without rebuilding it.
    const manifestBefore = await fs.readFile(path.join(idx, 'manifest.json'), 'utf8');
    const asked = await runCli('src/cli/ask.ts', ['--json', '-k', '1', 'factory capacity'], { INDEX_DIR: idx, TRANSCRIPTS_DIR: lib });
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stderr).not.toMatch(/building/i);
    expect(SearchResponse.parse(JSON.parse(asked.stdout)).results[0]?.call_id).toBe('wdgt-q2-2024');
    expect(await fs.readFile(path.join(idx, 'manifest.json'), 'utf8')).toBe(manifestBefore);
  });

  it('a library folder that does not exist → one-line error', async () => {
    expectUserError(await runCli(BUILD, ['--library', path.join(tmp, 'nowhere'), '--index-dir', path.join(tmp, 'nowhere-idx')]), /does not exist/);
  });
});
