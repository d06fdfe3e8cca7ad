/**
 * End to end: the canonical question over real HTTP, first against the in-process app,
 * then against the real server process (`transcript-search serve`, what `npm start` runs), which
 * must also stop cleanly on SIGTERM, and report its progress while a first start builds the index.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HealthLoading, HealthResponse, SearchResponse } from '../../src/api/schemas.js';
import { EMBEDDING_CACHE_DIR } from '../../src/index/embedding-cache.js';
import { REPO_ROOT } from '../../src/model/model-files.js';
import { BIN, cliEnv, TSX } from '../cli/run-cli.js';
import { TEST_INDEX_DIR } from '../helpers/paths.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const CANONICAL = 'what did Jassy say about Trainium';

async function expectCanonical(baseUrl: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/search?q=${encodeURIComponent(CANONICAL)}`);
  expect(res.status).toBe(200);
  const body = SearchResponse.parse(await res.json());
  const top = body.results[0];
  expect(top?.speaker).toMatchObject({ name: 'Andrew Jassy', side: 'company', title: 'President, CEO & Director' });
  expect(top?.text).toMatch(/Trainium/);
  expect(body.answer?.speaker.name).toBe('Andrew Jassy');
  expect(body.answer?.text).toMatch(/Trainium/);
  expect(body.interpreted.speakers.map((s) => s.name)).toEqual(['Andrew Jassy']);
}

describe('in-process server (createApp + real engine)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('the canonical question: Andrew Jassy on Trainium comes first', async () => {
    await expectCanonical(server.url);
  });
});

/** The real server process, with its pino log lines parsed as they arrive. */
class ServeProcess {
  readonly child: ChildProcess;
  readonly logs: Record<string, unknown>[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private waiters: { test: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];

  /**
   * `bin`: `transcript-search serve`, what `npm start` runs (one node process); `tsx`: the tsx CLI
   * on the serve module (a parent relaying signals to a node child).
   */
  constructor(env: Record<string, string>, launcher: 'bin' | 'tsx' = 'bin') {
    const [cmd, args] = launcher === 'bin' ? [process.execPath, [BIN, 'serve']] : [TSX, ['src/cli/serve.ts']];
    this.child = spawn(cmd, args, {
      cwd: REPO_ROOT,
      env: cliEnv({ HOST: '127.0.0.1', INDEX_DIR: TEST_INDEX_DIR, LOG_LEVEL: 'info', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const text of lines) {
        if (!text.trim()) continue;
        const line = JSON.parse(text) as Record<string, unknown>;
        this.logs.push(line);
        this.waiters = this.waiters.filter((w) => (w.test(line) ? (w.resolve(line), false) : true));
      }
    });
    this.child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  /** The first log line (past or future) whose msg matches; rejects if the process exits first. */
  waitFor(msg: RegExp): Promise<Record<string, unknown>> {
    const test = (l: Record<string, unknown>) => typeof l.msg === 'string' && msg.test(l.msg);
    const seen = this.logs.find(test);
    if (seen) return Promise.resolve(seen);
    return Promise.race([
      new Promise<Record<string, unknown>>((resolve) => this.waiters.push({ test, resolve })),
      this.exited.then(({ code, signal }) => {
        throw new Error(`server exited (code ${code}, signal ${signal}) before logging ${msg}; stderr: ${this.stderr}`);
      }),
    ]);
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/**
 * Into `indexDir`, the shared test index's embedding cache with one record in `every` left out:
 * a build there still embeds texts with the model in both phases (so its progress can be watched),
 * but a fraction of them. Records are fixed-size and each carries its own checksums
 * (src/index/embedding-cache.ts), so any subset of them, in order, is a valid cache.
 */
async function seedThinnedCache(indexDir: string, every: number): Promise<void> {
  const KEY_RECORD_BYTES = 40;
  const from = path.join(TEST_INDEX_DIR, EMBEDDING_CACHE_DIR);
  const to = path.join(indexDir, EMBEDDING_CACHE_DIR);
  await mkdir(to, { recursive: true });
  for (const keysFile of (await readdir(from)).filter((f) => /^embeddings-\d+\.keys$/.test(f))) {
    const vectorBytes = Number(/\d+/.exec(keysFile)![0]) * 4;
    const vectorsFile = keysFile.replace(/\.keys$/, '.f32');
    const [keys, vectors] = await Promise.all([readFile(path.join(from, keysFile)), readFile(path.join(from, vectorsFile))]);
    const kept = Array.from({ length: Math.floor(keys.length / KEY_RECORD_BYTES) }, (_, i) => i).filter((i) => i % every !== every - 1);
    await writeFile(path.join(to, keysFile), Buffer.concat(kept.map((i) => keys.subarray(i * KEY_RECORD_BYTES, (i + 1) * KEY_RECORD_BYTES))));
    await writeFile(path.join(to, vectorsFile), Buffer.concat(kept.map((i) => vectors.subarray(i * vectorBytes, (i + 1) * vectorBytes))));
  }
}

describe('the real server process (transcript-search serve)', () => {
  const started: ServeProcess[] = [];
  const serve = (env: Record<string, string> = {}, launcher: 'bin' | 'tsx' = 'bin') => {
    const p = new ServeProcess(env, launcher);
    started.push(p);
    return p;
  };
  afterEach(() => {
    // Only a failed test leaves one running.
    for (const p of started.splice(0)) p.kill();
  });

  it('logs its URL, becomes healthy, answers the canonical question, and exits 0 on SIGTERM', async () => {
    const server = serve({ PORT: '0' });
    const listening = await server.waitFor(/^listening/);
    const url = String(listening.url);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:0$/);
    await server.waitFor(/^ready/);

    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(HealthResponse.parse(await health.json()).passages).toBeGreaterThan(0);
    await expectCanonical(url);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.logs.map((l) => l.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^shutting down/), 'stopped']));
    expect(server.stderr).not.toMatch(/error/i);
  });

  it('SIGTERM while the model and index are still loading also exits 0', async () => {
    // One node process here (the binary, as npm start runs it): the tsx CLI's relay SIGKILLs its child when the child has not
    // acknowledged a signal within ~60 ms, which a child busy loading the model cannot do
    // (exit 143). That is tsx's behaviour, not serve.ts's; serve.ts itself must stop cleanly.
    const server = serve({ PORT: '0' });
    await server.waitFor(/^listening/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });

  it('the module run on its own (tsx src/cli/serve.ts) still serves', async () => {
    const server = serve({ PORT: '0' }, 'tsx');
    const listening = await server.waitFor(/^listening/);
    await server.waitFor(/^ready/);
    expect((await fetch(`${String(listening.url)}/api/health`)).status).toBe(200);
    server.child.kill('SIGTERM');
    await server.exited;
  });

  it('a first start with no index: /api/health reports the build as it goes (phase, done of total), 503 logged at info; then it serves', async () => {
    const indexDir = await mkdtemp(path.join(os.tmpdir(), 'transcript-first-start-'));
    try {
      // No index, only an embedding cache missing a quarter of the call's texts (an earlier build's,
      // thinned): the build reports as one from nothing does, for a quarter of the model's work.
      await seedThinnedCache(indexDir, 4);
      const server = serve({ PORT: '0', INDEX_DIR: indexDir });
      const url = String((await server.waitFor(/^listening/)).url);
      const seen: HealthLoading['loading'][] = [];
      for (let i = 0; i < 6000; i++) {
        const res = await fetch(`${url}/api/health`);
        if (res.status === 200) break;
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('1');
        seen.push(HealthLoading.parse(await res.json()).loading);
        await new Promise((r) => setTimeout(r, 25));
      }
      await expectCanonical(url);
      // It was seen loading, then building, with counts that only grow within a phase.
      expect(seen[0]?.phase).toBe('loading');
      const building = seen.filter((p) => p.phase === 'passages' || p.phase === 'sentences');
      expect(building.length, JSON.stringify(seen.slice(0, 5))).toBeGreaterThan(0);
      for (const p of building) {
        expect(p.total).toBeGreaterThan(0);
        expect(p.done).toBeLessThanOrEqual(p.total);
      }
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      // Routine 503s while loading: at info, without a stack. Request lines are written in batches
      // off the answering thread and flushed at shutdown: every one is in by now.
      const polls = server.logs.filter((l) => (l.res as { statusCode?: number } | undefined)?.statusCode === 503);
      expect(polls.length).toBe(seen.length);
      for (const l of polls) {
        expect(l.level).toBe(30);
        expect(JSON.stringify(l)).not.toMatch(/"stack"/);
      }
    } finally {
      await rm(indexDir, { recursive: true, force: true });
    }
  });

  it('a port already in use → non-zero exit with a one-line message', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as AddressInfo).port;
      const server = serve({ PORT: String(port) });
      const { code } = await server.exited;
      expect(code).not.toBe(0);
      expect(server.stderr.trim().split('\n')).toHaveLength(1);
      expect(server.stderr).toMatch(new RegExp(`port ${port} is taken`));
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
