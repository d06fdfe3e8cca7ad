/**
 * SIGTERM/SIGINT during an index build, for real (issue 13 item 6): the server (`npm start`'s
 * `transcript-search serve`) and `build-index` run as child processes, from the package's binary as npm runs them, and get the signal in each build
 * phase. They stop cleanly: no abort ("terminate called after throwing an instance of
 * 'Napi::Error'", SIGABRT), the documented exit code (server 0; build-index 128 + signal), the
 * previous index byte for byte in force, no lock left behind, no half-written build kept.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, processStartTime } from '../../src/index/build-lock.js';
import { MANIFEST_FILE } from '../../src/index/layout.js';
import { loadIndex } from '../../src/index/load.js';
import { REPO_ROOT } from '../../src/model/model-files.js';
import { SMALL_CALL } from '../index/small-call.js';
import { BUNDLED_CALL, TEST_INDEX_DIR } from '../helpers/paths.js';
import { BIN } from '../cli/run-cli.js';

let tmp: string;
let oldLibrary: string;
let newLibrary: string;
let smallLibrary: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'signals-'));
  // The index in force serves the bundled call; the library now also holds a second call, so a start rebuilds.
  oldLibrary = path.join(tmp, 'old-library');
  newLibrary = path.join(tmp, 'library');
  for (const lib of [oldLibrary, newLibrary]) {
    await fs.mkdir(lib);
    await fs.copyFile(BUNDLED_CALL, path.join(lib, path.basename(BUNDLED_CALL)));
  }
  await fs.writeFile(path.join(newLibrary, 'wdgt-q2-2024.txt'), SMALL_CALL);
  // A quick build, for the phase at its end.
  smallLibrary = path.join(tmp, 'small-library');
  await fs.mkdir(smallLibrary);
  await fs.writeFile(path.join(smallLibrary, 'wdgt-q2-2024.txt'), SMALL_CALL);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

let n = 0;
/** A copy of the shared test index (a good build of the bundled call). */
async function goodIndex(): Promise<{ dir: string; manifest: string; builds: string[] }> {
  const dir = path.join(tmp, `index-${n++}`);
  await fs.cp(TEST_INDEX_DIR, dir, { recursive: true });
  await fs.rm(path.join(dir, LOCK_FILE), { force: true });
  return { dir, manifest: await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8'), builds: await fs.readdir(path.join(dir, 'builds')) };
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  signalled: boolean;
}

/** Run the package's binary (the bundle, as `npm start` does; the sources when the bundle is stale) and send it `signal` once its output matches `when`. */
function runAndSignal(args: string[], env: Record<string, string>, when: RegExp, signal: NodeJS.Signals): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    const check = () => {
      if (!signalled && when.test(stdout + stderr)) {
        signalled = true;
        child.kill(signal);
      }
    };
    child.stdout.on('data', (c: Buffer) => ((stdout += c.toString()), check()));
    child.stderr.on('data', (c: Buffer) => ((stderr += c.toString()), check()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearTimeout(guard);
      resolve({ code, signal: sig, stdout, stderr, signalled });
    });
  });
}

const serve = (indexDir: string, when: RegExp, signal: NodeJS.Signals, library = newLibrary) =>
  runAndSignal(['serve'], { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', INDEX_DIR: indexDir, TRANSCRIPTS_DIR: library }, when, signal);

const buildCli = (indexDir: string, when: RegExp, signal: NodeJS.Signals) =>
  runAndSignal(['build-index', '--index-dir', indexDir, '--library', newLibrary], {}, when, signal);

/** What every interrupted build must leave: the old index in force, byte for byte, and loadable; no lock; no stray build. */
async function expectPreviousIndexIntact(index: { dir: string; manifest: string; builds: string[] }): Promise<void> {
  expect(await fs.readFile(path.join(index.dir, MANIFEST_FILE), 'utf8')).toBe(index.manifest);
  const loaded = await loadIndex(index.dir, { sources: [path.join(oldLibrary, path.basename(BUNDLED_CALL))] });
  expect(loaded.calls.map((c) => c.meta.id)).toEqual(['amzn-q4-2025']);
  expect(await fs.readdir(index.dir)).not.toContain(LOCK_FILE);
  expect(await fs.readdir(path.join(index.dir, 'builds'))).toEqual(index.builds);
}

function expectNoAbort(run: Run): void {
  expect(run.signalled, `never reached the phase:\n${run.stderr.slice(-2000)}`).toBe(true);
  expect(run.stderr).not.toMatch(/terminate called|Napi::Error|Aborted|core dumped/);
  expect(run.signal).toBeNull();
}

describe('the server, signalled while it builds the index at start', () => {
  it.each([
    ['SIGTERM', 'embedding passages', /Embedding passages: \d+/],
    ['SIGINT', 'embedding sentences', /Embedding sentences: \d+/],
  ] as const)('%s while %s: stops cleanly, exit 0, the previous index intact', async (signal, _phase, when) => {
    const index = await goodIndex();
    const run = await serve(index.dir, when, signal);
    expectNoAbort(run);
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(run.stdout).toMatch(/"msg":"stopped"/);
    await expectPreviousIndexIntact(index);
  });

  it('SIGTERM while writing the index: exit 0, and the index in force is the old one or the complete new one', async () => {
    const index = await goodIndex();
    const run = await serve(index.dir, /Writing index/, 'SIGTERM', smallLibrary);
    expectNoAbort(run);
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    const manifest = await fs.readFile(path.join(index.dir, MANIFEST_FILE), 'utf8');
    if (manifest === index.manifest) await expectPreviousIndexIntact(index);
    else {
      const loaded = await loadIndex(index.dir, { sources: [path.join(smallLibrary, 'wdgt-q2-2024.txt')] });
      expect(loaded.calls.map((c) => c.meta.id)).toEqual(['wdgt-q2-2024']);
      expect(await fs.readdir(index.dir)).not.toContain(LOCK_FILE);
    }
  });

  it('SIGTERM while it waits for another builder: exit 0 at once, the other builder\'s lock untouched', async () => {
    const index = await goodIndex();
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await new Promise((r) => holder.once('spawn', r));
      const lock = JSON.stringify({ pid: holder.pid, nonce: 'other', host: os.hostname(), processStart: processStartTime(holder.pid!), startedAt: new Date().toISOString(), command: 'node build-index.ts' });
      await fs.writeFile(path.join(index.dir, LOCK_FILE), lock);
      const run = await serve(index.dir, /waiting for the index build lock/, 'SIGTERM');
      expectNoAbort(run);
      expect(run.code, run.stderr.slice(-2000)).toBe(0);
      expect(run.stderr).toMatch(new RegExp(`held by pid ${holder.pid}`));
      expect(await fs.readFile(path.join(index.dir, LOCK_FILE), 'utf8')).toBe(lock);
      expect(await fs.readFile(path.join(index.dir, MANIFEST_FILE), 'utf8')).toBe(index.manifest);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe('build-index, signalled while it builds', () => {
  it.each([
    ['SIGINT', 130, /Embedding passages: \d+/],
    ['SIGTERM', 143, /Embedding sentences: \d+/],
  ] as const)('%s: stops cleanly with exit %i, the previous index intact', async (signal, code, when) => {
    const index = await goodIndex();
    const run = await buildCli(index.dir, when, signal);
    expectNoAbort(run);
    expect(run.code, run.stderr.slice(-2000)).toBe(code);
    expect(run.stderr).toMatch(new RegExp(`interrupted \\(${signal}\\)`));
    await expectPreviousIndexIntact(index);
  });
});

describe('npm start, stopped with SIGTERM', () => {
  // npm exits on SIGTERM without passing it on; the server it started must not stay behind serving.
  it('the server npm started shuts down too, instead of serving on as an orphan', async () => {
    const index = await goodIndex();
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: REPO_ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', INDEX_DIR: index.dir, TRANSCRIPTS_DIR: oldLibrary },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const serverPid = await new Promise<number>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`never ready:\n${out.slice(-2000)}`)), 60_000);
      const onData = (c: Buffer) => {
        out += c.toString();
        const ready = /\{[^\n]*"pid":(\d+)[^\n]*"msg":"ready/.exec(out);
        if (ready) {
          clearTimeout(guard);
          resolve(Number(ready[1]));
        }
      };
      npm.stdout.on('data', onData);
      npm.stderr.on('data', onData);
      npm.on('error', reject);
    });
    const alive = () => {
      try {
        process.kill(serverPid, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      expect(serverPid).not.toBe(npm.pid);
      npm.kill('SIGTERM');
      const deadline = Date.now() + 20_000;
      while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(alive(), 'the server outlived npm').toBe(false);
    } finally {
      if (alive()) process.kill(serverPid, 'SIGKILL');
    }
  });
});
