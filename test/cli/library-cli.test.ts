/**
 * `ask` and `calls` over a library of several calls (the bundled call and the invented calls of
 * test/library/library-fixtures.ts), run in-process through the binary's program (in-process.ts;
 * cli.test.ts runs the binary itself): company, quarter, year and call scopes, each result naming
 * its call, and one-line errors for scopes that name nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchResponse } from '../../src/api/schemas.js';
import { LIBRARY_DIR, LIBRARY_INDEX_DIR } from '../helpers/paths.js';
import { libraryService } from '../helpers/service.js';
import { runInProcess } from './in-process.js';
import type { CliRun } from './run-cli.js';

const at = ['--library', LIBRARY_DIR, '--index-dir', LIBRARY_INDEX_DIR];

const ask = (...args: string[]) => runInProcess(['ask', ...args, ...at]);
const calls = (...args: string[]) => runInProcess(['calls', ...args, ...at]);

async function askJson(...args: string[]): Promise<SearchResponse> {
  const run = await ask('--json', ...args);
  expect(run.code, run.stderr).toBe(0);
  // The index the test service built is current: the CLI reads it as it is.
  expect(run.stderr).not.toMatch(/building/i);
  return SearchResponse.parse(JSON.parse(run.stdout));
}

/** A usage error (README "Command line"): exit 2, one line on stderr, nothing on stdout. */
function expectOneLineError(run: CliRun, message: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(message);
  expect(run.stdout).toBe('');
}

beforeAll(async () => {
  // Builds the library's index (or finds it current) so that the CLI runs below only read it; its
  // model stays open for the file, and every run below shares its process.
  await libraryService();
});

describe('ask over a library', () => {
  it('--company restricts the results to that company (name, short name or ticker), and each line names company and quarter', async () => {
    const [bodies, human, unscoped] = await Promise.all([
      Promise.all(['Northwind', 'nwr', 'Northwind Robotics, Inc.'].map((company) => askJson('-k', '5', 'gross margin', '--company', company))),
      ask('-k', '5', 'gross margin', '--company', 'NWR'),
      askJson('-k', '10', 'gross margin'),
    ]);
    for (const body of bodies) {
      expect(body.results.length).toBeGreaterThan(0);
      for (const r of body.results) expect(r.call.company).toBe('Northwind Robotics, Inc.');
      expect(body.interpreted.sources.company).toBe('request');
    }
    expect(human.code, human.stderr).toBe(0);
    const lines = human.stdout.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/ {2}Northwind Robotics, Inc\. Q[1-4] 20\d\d · (Q&A|Prepared remarks)/);
    // Three quarters of one company: the lines tell them apart.
    expect(new Set(unscoped.results.map((r) => r.call.company)).size).toBeGreaterThan(1);
  });

  it('--quarter, --year and --call narrow to those calls; "any" lifts what the question names', async () => {
    const [q2, y2023, one, named, lifted] = await Promise.all([
      askJson('-k', '10', 'revenue', '--quarter', '2024Q2'),
      askJson('-k', '10', 'revenue', '--year', '2023'),
      askJson('-k', '10', 'prices', '--call', 'klt-q3-2023'),
      askJson('-k', '10', "what did Bluefin's CFO say about spending"),
      askJson('-k', '10', "what did Bluefin's CFO say about spending", '--company', 'any'),
    ]);
    expect(q2.results.length).toBeGreaterThan(0);
    expect(new Set(q2.results.map((r) => r.call.quarter))).toEqual(new Set(['Q2 2024']));
    expect(new Set(q2.results.map((r) => r.call_id))).toEqual(new Set(['nwr-q2-2024', 'blfn-q2-2024']));

    expect(new Set(y2023.results.map((r) => r.call.year))).toEqual(new Set([2023]));

    expect(one.results.length).toBeGreaterThan(0);
    for (const r of one.results) expect(r.call_id).toBe('klt-q3-2023');

    // The question names Bluefin; --company any searches every company.
    expect(named.interpreted.sources.company).toBe('query');
    for (const r of named.results) expect(r.call.company).toBe('Bluefin Foods Corp.');
    expect(lifted.interpreted.sources.company).toBe('request');
    expect(lifted.interpreted.companies).toEqual([]);
  });

  it.concurrent.each([
    ['an unknown --company', ['--company', 'Globex'], /no company matches "Globex" \(known: .*Bluefin Foods Corp\./],
    ['a --quarter that is not a quarter', ['--quarter', 'spring'], /quarter must look like "Q4 2025"/],
    ['a --year that is not a year', ['--year', '24'], /year must be a four-digit year/],
    ['an unknown --call', ['--call', 'nope-q1-2020'], /no call matches "nope-q1-2020"/],
  ])('%s → a usage error: exit 2 and a one-line message', async (_name, args, message) => {
    expectOneLineError(await ask('revenue', ...args), message);
  });
});

describe('calls over a library', () => {
  it('lists every call, companies in alphabetical order and newest first; --company and --year filter it', async () => {
    const all = await calls();
    expect(all.code, all.stderr).toBe(0);
    const ids = (out: string) => out.trimEnd().split('\n').slice(1).map((l) => l.split(/\s+/)[0]);
    expect(ids(all.stdout)).toEqual(['amzn-q4-2025', 'blfn-q2-2024', 'klt-q3-2023', 'nwr-q2-2024', 'nwr-q1-2024', 'nwr-q2-2023']);

    const nwr = await calls('--company', 'northwind');
    expect(nwr.code, nwr.stderr).toBe(0);
    expect(ids(nwr.stdout)).toEqual(['nwr-q2-2024', 'nwr-q1-2024', 'nwr-q2-2023']);

    const y2024 = await calls('--year', '2024', '--json');
    expect(y2024.code, y2024.stderr).toBe(0);
    expect((JSON.parse(y2024.stdout) as { id: string }[]).map((c) => c.id)).toEqual(['blfn-q2-2024', 'nwr-q2-2024', 'nwr-q1-2024']);

    const none = await calls('--year', '1999', '--json');
    expect(none.code, none.stderr).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual([]);
    expect(none.stderr).toMatch(/no call matches \(the library holds 6\)/);
  });

  it.concurrent.each([
    ['an unknown --company', ['--company', 'Globex'], /no company matches "Globex"/],
    ['a bad --year', ['--year', 'last'], /year must be a four-digit year/],
    ['an empty --company', ['--company', ' '], /company must not be empty/],
  ])('%s → a usage error: exit 2 and a one-line message', async (_name, args, message) => {
    expectOneLineError(await calls(...args), message);
  });
});
