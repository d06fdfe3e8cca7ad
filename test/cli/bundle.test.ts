/**
 * The bundle the binary runs while it is current (scripts/bundle.mjs, bin/bundle-status.js): built
 * for real with esbuild into a folder of its own (two levels below the repository, as dist/bundle),
 * run as the binary runs it, and found stale once a source it was built from changes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleStaleReason } from '../../bin/bundle-status.js';
import { REPO_ROOT } from '../../src/model/model-files.js';
import { TEST_INDEX_DIR } from '../helpers/paths.js';
import { runProcess } from './run-cli.js';

const OUT = path.join(REPO_ROOT, 'dist', `test-bundle-${process.pid}`);

describe('the bundle', () => {
  beforeAll(async () => {
    const built = await runProcess(process.execPath, ['scripts/bundle.mjs', '--out', path.relative(REPO_ROOT, OUT)]);
    expect(built.code, built.stderr).toBe(0);
    // Run as bin/transcript-search.js runs it: imported by a script that is not itself the bundle.
    await fs.writeFile(path.join(OUT, 'launch.js'), "await import('./cli.js');\n");
  }, 60_000);
  afterAll(() => fs.rm(OUT, { recursive: true, force: true }));

  it('is current right after it is built', () => {
    expect(bundleStaleReason(OUT)).toBeNull();
  });

  it('runs the program: a command without the model, and a search through the model process it forks', async () => {
    const calls = await runProcess(process.execPath, [path.join(OUT, 'launch.js'), 'calls', '--json', '--index-dir', TEST_INDEX_DIR]);
    expect(calls.code, calls.stderr).toBe(0);
    expect((JSON.parse(calls.stdout) as { id: string }[]).map((c) => c.id)).toContain('amzn-q4-2025');
    const ask = await runProcess(process.execPath, [path.join(OUT, 'launch.js'), 'ask', '--json', '-k', '1', 'What did Jassy say about Trainium?', '--index-dir', TEST_INDEX_DIR]);
    expect(ask.code, ask.stderr).toBe(0);
    const response = JSON.parse(ask.stdout) as { results: { speaker: { name: string } }[] };
    expect(response.results[0]?.speaker.name).toBe('Andrew Jassy');
  }, 60_000);

  it('is stale once a source it was built from changes or goes, or when it was never built', async () => {
    // A bundle record of one invented source, in a folder of its own.
    const dir = await fs.mkdtemp(path.join(OUT, 'stale-'));
    const source = path.join(dir, 'source.ts');
    await fs.writeFile(source, 'export const x = 1;\n');
    const stat = await fs.stat(source);
    await fs.writeFile(path.join(dir, 'inputs.json'), JSON.stringify({ 'source.ts': [stat.size, stat.mtimeMs] }));
    expect(bundleStaleReason(dir, dir)).toBeNull();
    await fs.writeFile(source, 'export const x = 2;\n');
    await fs.utimes(source, stat.atime, new Date(stat.mtimeMs + 5_000));
    expect(bundleStaleReason(dir, dir)).toBe('source.ts changed');
    await fs.rm(source);
    expect(bundleStaleReason(dir, dir)).toBe('source.ts is gone');
    expect(bundleStaleReason(path.join(dir, 'nothing'), dir)).toBe('not built');
  });
});
