/**
 * Faults: an index build killed with SIGKILL midway (the real CLI, `transcript-search
 * build-index`, as a child process, killed once its progress shows the stage). What is on disk
 * afterwards must be the previous good build, or nothing loadIndex would serve; never a
 * half-written index. The next start (ensureIndex) serves the good build, or rebuilds, and takes
 * over the dead build's lock.
 *
 * The matrix of kill points is sampled: `npm test` runs FAULT_SAMPLE of them, chosen by a seed
 * that is printed (FAULT_SEED replays a choice); `npm run test:faults` (FAULTS=all) runs every
 * one, and CI runs that too. The good build every case starts from is a copy of the shared test index.
 *
 * A corrupted index file (one byte flipped, truncated, deleted) is covered file by file in
 * test/index/index.test.ts ("… with one byte flipped → checksum fails → rebuilt").
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/index/build-lock.js';
import type { TextEmbedder } from '../../src/index/embedder-port.js';
import { ensureIndex } from '../../src/index/ensure.js';
import { MANIFEST_FILE } from '../../src/index/layout.js';
import { IndexUnusableError, loadIndex, type LoadedIndex } from '../../src/index/load.js';
import { loadEmbedder, type Embedder } from '../../src/model/embedder.js';
import { REPO_ROOT } from '../../src/model/model-files.js';
import { textEmbedder } from '../../src/service/open-service.js';
import { BIN } from '../cli/run-cli.js';
import { BUNDLED_CALL, TEST_INDEX_DIR } from '../helpers/paths.js';
import { sample } from '../helpers/seeded.js';

type KillPoint = 'passages' | 'sentences' | 'writing' | 'first build';
const KILL_POINTS: readonly KillPoint[] = ['passages', 'sentences', 'writing', 'first build'];
/** Kill points per `npm test` run; FAULTS=all runs the whole matrix. */
const FAULT_SAMPLE = 2;
const SEED = Number(process.env.FAULT_SEED ?? 20261127);
const RUN: ReadonlySet<KillPoint> = new Set(process.env.FAULTS === 'all' ? KILL_POINTS : sample(KILL_POINTS, FAULT_SAMPLE, SEED));
process.stderr.write(
  `[faults] kill points this run: ${[...RUN].join(', ')} (${process.env.FAULTS === 'all' ? 'FAULTS=all' : `seed ${SEED}; FAULT_SEED=<n> picks others, npm run test:faults runs all ${KILL_POINTS.length}`})\n`,
);
const when = (point: KillPoint) => (RUN.has(point) ? it : it.skip);

let model: Embedder;
let embedder: TextEmbedder;
let tmp: string;
let library: string;
let sources: string[];
/**
 * A complete good build in a fresh index directory, for a case to start from: a copy of the
 * shared test index (global setup built it from the same transcript with the same code; the
 * manifest names its build folder relatively and checks sources by content), verified here.
 */
async function goodIndexIn(dir: string): Promise<{ manifest: LoadedIndex['manifest']; passages: number }> {
  await fs.cp(TEST_INDEX_DIR, dir, { recursive: true, filter: (src) => path.basename(src) !== LOCK_FILE });
  const loaded = await loadIndex(dir, { modelChecksum: embedder.checksum, sources });
  return { manifest: loaded.manifest, passages: loaded.passages.length };
}

beforeAll(async () => {
  model = await loadEmbedder();
  embedder = await textEmbedder(model);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'transcript-faults-'));
  library = path.join(tmp, 'library');
  await fs.mkdir(library);
  sources = [path.join(library, path.basename(BUNDLED_CALL))];
  await fs.copyFile(BUNDLED_CALL, sources[0]!);
});

afterAll(async () => {
  await model?.close?.();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

interface Killed {
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Run the build-index CLI into `indexDir` and SIGKILL it as soon as its progress output matches `when`. */
function buildAndKill(indexDir: string, when: RegExp): Promise<Killed> {
  return new Promise((resolve, reject) => {
    // --full: embed every text anew (the copied good index's shards and cache would otherwise make the build too quick to kill).
    const child = spawn(process.execPath, [BIN, 'build-index', '--full', '--index-dir', indexDir, '--library', library], {
      cwd: REPO_ROOT,
      env: { ...process.env, DEBUG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!killed && when.test(stderr)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stdout.resume();
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stderr });
    });
  });
}

/** loadIndex's only two outcomes after a crash: a complete, verified index, or IndexUnusableError. */
async function loadOrUnusable(dir: string): Promise<LoadedIndex | IndexUnusableError> {
  try {
    return await loadIndex(dir, { modelChecksum: embedder.checksum, sources });
  } catch (err) {
    if (err instanceof IndexUnusableError) return err;
    throw err;
  }
}

describe(`a build killed with SIGKILL (kill points: ${[...RUN].join(', ')})`, () => {
  for (const [point, label, stage] of [
    ['passages', 'while embedding passages', /Embedding passages: \d+/],
    ['sentences', 'while embedding sentences', /Embedding sentences: \d+/],
  ] as const) {
    when(point)(`${label} leaves the previous good index in force, and the next start serves it`, async () => {
      const dir = path.join(tmp, `kept-${stage.source.replace(/\W+/g, '')}`);
      const good = await goodIndexIn(dir);
      const manifestBefore = await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8');

      const run = await buildAndKill(dir, stage);
      expect(run.signal, `the build finished before it could be killed:\n${run.stderr}`).toBe('SIGKILL');

      // Nothing was published: the manifest is byte for byte the old one, and it loads, verified.
      expect(await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8')).toBe(manifestBefore);
      const loaded = await loadOrUnusable(dir);
      expect(loaded).not.toBeInstanceOf(IndexUnusableError);
      expect((loaded as LoadedIndex).manifest.build_dir).toBe(good.manifest.build_dir);
      expect((loaded as LoadedIndex).passages).toHaveLength(good.passages);

      // The killed build's lock is left behind; the next start takes it over and serves the good build without rebuilding.
      const rebuilt: string[] = [];
      const served = await ensureIndex({ indexDir: dir, sources, embedder, onRebuild: (e) => rebuilt.push(e.reason) });
      expect(rebuilt).toEqual([]);
      expect(served.manifest.build_dir).toBe(good.manifest.build_dir);
    });
  }

  when('writing')('while writing its files leaves either the old build or the complete new one, never a mix', async () => {
    const dir = path.join(tmp, 'writing');
    const good = await goodIndexIn(dir);
    // Killed the moment it says it is writing; the write may or may not have got as far as publishing.
    const run = await buildAndKill(dir, /Writing index/);
    const loaded = await loadOrUnusable(dir);
    expect(loaded, run.stderr).not.toBeInstanceOf(IndexUnusableError);
    const buildDir = (loaded as LoadedIndex).manifest.build_dir;
    if (run.signal === 'SIGKILL' && buildDir !== good.manifest.build_dir) {
      // Published just before the kill: then it is the whole new build, verified file by file.
      expect((loaded as LoadedIndex).passages).toHaveLength(good.passages);
    } else if (run.signal === 'SIGKILL') {
      expect(buildDir).toBe(good.manifest.build_dir);
    }
    const rebuilt: string[] = [];
    const served = await ensureIndex({ indexDir: dir, sources, embedder, onRebuild: (e) => rebuilt.push(e.reason) });
    expect(rebuilt).toEqual([]);
    expect(served.manifest.build_dir).toBe(buildDir);
  });

  when('first build')('as the very first build leaves no index loadIndex would serve; the next start builds one', async () => {
    const dir = path.join(tmp, 'first');
    const run = await buildAndKill(dir, /Embedding passages: \d+/);
    expect(run.signal, run.stderr).toBe('SIGKILL');
    // The dead build's lock is there, with its (dead) pid.
    expect((JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number }).pid).toBeGreaterThan(0);

    const loaded = await loadOrUnusable(dir);
    expect(loaded).toBeInstanceOf(IndexUnusableError);
    expect((loaded as IndexUnusableError).reason).toBe('missing');

    const rebuilt: string[] = [];
    const index = await ensureIndex({ indexDir: dir, sources, embedder, onRebuild: (e) => rebuilt.push(e.reason) });
    expect(rebuilt).toEqual(['missing']);
    expect(index.passages.length).toBeGreaterThan(50);
    // What it built is complete on its own, and the lock is released.
    expect((await loadIndex(dir, { modelChecksum: embedder.checksum, sources })).manifest.build_dir).toBe(index.manifest.build_dir);
    await expect(fs.stat(path.join(dir, LOCK_FILE))).rejects.toThrow();
  });
});
