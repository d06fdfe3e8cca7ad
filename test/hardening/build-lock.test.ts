/**
 * The index build lock (issue 10 item 5, issue 13 item 6), with real processes: a live holder is
 * never taken over, however old its lock file; a dead one is, and so is a pid that now belongs to
 * another process; a lock path that is a directory is a clear error, unreadable content a
 * takeover with a log line, never a silent wait; waiting says who holds the lock; a build never
 * deletes another builder's lock, and one that lost its lock neither publishes nor deletes builds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BuildInterruptedError } from '../../src/index/build-interrupt.js';
import { BuildLockError, LOCK_FILE, processStartTime, withBuildLock, type LockHolder } from '../../src/index/build-lock.js';
import { buildIndex } from '../../src/index/build.js';
import type { TextEmbedder } from '../../src/index/embedder-port.js';
import { MANIFEST_FILE } from '../../src/index/layout.js';
import { loadEmbedder, type Embedder } from '../../src/model/embedder.js';
import { textEmbedder } from '../../src/service/open-service.js';
import { SMALL_CALL } from '../index/small-call.js';

let tmp: string;
const children: ChildProcess[] = [];
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'build-lock-'));
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

let n = 0;
async function indexDir(): Promise<string> {
  const dir = path.join(tmp, `index-${n++}`);
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

/** A real, live process to hold a lock. */
async function liveProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((r) => child.once('spawn', r));
  return child;
}

function holderRecord(pid: number, overrides: Partial<LockHolder> = {}): LockHolder {
  return { pid, nonce: 'someone-else', host: os.hostname(), processStart: processStartTime(pid), startedAt: new Date().toISOString(), command: 'node build-index.ts', ...overrides };
}

async function writeLock(dir: string, content: string, ageMs = 0): Promise<string> {
  const file = path.join(dir, LOCK_FILE);
  await fs.writeFile(file, content);
  const when = new Date(Date.now() - ageMs);
  await fs.utimes(file, when, when);
  return file;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the build lock', () => {
  it('waits for a live holder however old its lock, saying who it is; takes over once it is gone', async () => {
    const dir = await indexDir();
    const holder = await liveProcess();
    await writeLock(dir, JSON.stringify(holderRecord(holder.pid!)), 3_600_000);
    const log: string[] = [];
    let ran = false;
    const locked = withBuildLock(dir, async () => void (ran = true), { log: (l) => log.push(l) });
    await sleep(1_500);
    expect(ran).toBe(false);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(new RegExp(`waiting for the index build lock .*held by pid ${holder.pid} \\(node build-index\\.ts`));
    holder.kill('SIGKILL');
    await locked;
    expect(ran).toBe(true);
    expect(log[1]).toMatch(new RegExp(`taking over .*pid ${holder.pid}.* is no longer running`));
    await expect(fs.stat(path.join(dir, LOCK_FILE))).rejects.toThrow(/ENOENT/);
  });

  it('takes over a lock whose pid now belongs to another process (started at another time)', async () => {
    const dir = await indexDir();
    const other = await liveProcess();
    const start = processStartTime(other.pid!);
    expect(start).not.toBeNull();
    await writeLock(dir, JSON.stringify(holderRecord(other.pid!, { processStart: start! - 1_000 })));
    const log: string[] = [];
    expect(await withBuildLock(dir, async () => 'built', { log: (l) => log.push(l) })).toBe('built');
    expect(log).toEqual([expect.stringMatching(new RegExp(`pid ${other.pid} is now another process`))]);
  });

  it('a lock path that is a directory is an error naming it, not a wait', async () => {
    const dir = await indexDir();
    await fs.mkdir(path.join(dir, LOCK_FILE));
    const attempt = withBuildLock(dir, async () => 'built', { log: () => {} });
    await expect(attempt).rejects.toBeInstanceOf(BuildLockError);
    await expect(attempt).rejects.toThrow(/build\.lock is a directory, not a build lock.*rm -r/);
    expect((await fs.stat(path.join(dir, LOCK_FILE))).isDirectory()).toBe(true);
  });

  it('unreadable content is taken over with a log line', async () => {
    const dir = await indexDir();
    await writeLock(dir, '\u0000\u0001garbage{', 10_000);
    const log: string[] = [];
    expect(await withBuildLock(dir, async () => 'built', { log: (l) => log.push(l) })).toBe('built');
    expect(log).toEqual([expect.stringMatching(/taking over .*not a lock record/)]);
  });

  it('waiting for a live holder stops when the signal fires, leaving its lock alone', async () => {
    const dir = await indexDir();
    const holder = await liveProcess();
    const content = JSON.stringify(holderRecord(holder.pid!));
    const file = await writeLock(dir, content);
    const stop = new AbortController();
    const attempt = withBuildLock(dir, async () => 'built', { signal: stop.signal, log: () => {} });
    await sleep(300);
    stop.abort();
    await expect(attempt).rejects.toBeInstanceOf(BuildInterruptedError);
    expect(await fs.readFile(file, 'utf8')).toBe(content);
  });

  it("never removes a lock that is no longer its own", async () => {
    const dir = await indexDir();
    const holder = await liveProcess();
    const foreign = JSON.stringify(holderRecord(holder.pid!));
    const log: string[] = [];
    await withBuildLock(dir, async () => fs.writeFile(path.join(dir, LOCK_FILE), foreign), { log: (l) => log.push(l) });
    expect(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe(foreign);
    expect(log).toEqual([expect.stringMatching(/no longer this build's; left in place/)]);
  });
});

describe('a build that lost its lock', () => {
  let model: Embedder;
  let embedder: TextEmbedder;
  beforeAll(async () => {
    model = await loadEmbedder();
    embedder = await textEmbedder(model);
  });
  afterAll(async () => {
    await model?.close?.();
  });

  it('neither publishes nor deletes the build in force', async () => {
    const dir = await indexDir();
    const library = path.join(tmp, 'library');
    await fs.mkdir(library, { recursive: true });
    const sources = [path.join(library, 'wdgt-q2-2024.txt')];
    await fs.writeFile(sources[0]!, SMALL_CALL);
    const good = await buildIndex({ sources, indexDir: dir, embedder });
    const manifest = await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8');
    const holder = await liveProcess();
    const foreign = JSON.stringify(holderRecord(holder.pid!));
    let replaced = false;
    const lost = buildIndex({
      sources,
      indexDir: dir,
      embedder,
      // From nothing: an unchanged call would otherwise keep its shard and never reach the model.
      full: true,
      // Midway, another builder holds the lock (as if it had wrongly been taken over).
      onProgress: (p) => {
        if (p.phase === 'sentences' && !replaced) {
          replaced = true;
          void fs.writeFile(path.join(dir, LOCK_FILE), foreign);
        }
      },
    });
    await expect(lost).rejects.toBeInstanceOf(BuildLockError);
    expect(await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8')).toBe(manifest);
    expect(await fs.readdir(path.join(dir, 'builds'))).toEqual([path.basename(good.manifest.build_dir)]);
    expect(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe(foreign);
  });
});
