/**
 * Graceful shutdown of the real server process (`src/cli/serve.ts`, real model and index):
 * searches in flight when SIGTERM arrives are all answered, new connections are refused, and
 * the process exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { SearchResponse } from '../../src/api/schemas.js';
import { REPO_ROOT } from '../../src/model/model-files.js';
import { TEST_INDEX_DIR } from '../helpers/paths.js';

const QUERIES = [
  'what did Jassy say about Trainium',
  'AWS growth and capacity',
  'free cash flow',
  'who asked about capex',
  'Olsavsky on margins',
  'advertising revenue',
  'Project Kuiper satellites',
  'Rufus shopping assistant',
  'robotics in fulfillment',
  'operating income guidance',
];

interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Log lines (pino JSON) so far. */
  logs: { msg: string; level: number }[];
  waitForLog(msg: RegExp): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let started: ServerProcess | null = null;

afterAll(() => {
  if (started && started.child.exitCode === null) started.child.kill('SIGKILL');
});

async function startServer(): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', INDEX_DIR: TEST_INDEX_DIR },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: ServerProcess['logs'] = [];
  const waiters: { msg: RegExp; resolve: () => void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout!.on('data', (c: Buffer) => {
    buffer += c.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as { msg: string; level: number };
      logs.push(entry);
      for (const w of waiters.filter((w) => w.msg.test(entry.msg))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const waitForLog = (msg: RegExp) =>
    logs.some((l) => msg.test(l.msg))
      ? Promise.resolve()
      : Promise.race([
          new Promise<void>((resolve) => waiters.push({ msg, resolve })),
          exited.then(({ code }) => {
            throw new Error(`server exited (${code}) before logging ${msg}:\n${stderr}`);
          }),
        ]);
  const server: ServerProcess = { child, port: 0, logs, waitForLog, exited };
  await waitForLog(/^ready/);
  const listening = logs.find((l) => /^listening/.test(l.msg)) as unknown as { url: string };
  server.port = Number(new URL(listening.url).port);
  return server;
}

interface Answer {
  status: number;
  body: string;
}

/** A GET on its own connection; resolves with the answer, or rejects with the connection error. */
function get(port: number, path: string, sent?: () => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.on('finish', () => sent?.());
  });
}

describe('graceful shutdown', () => {
  it('answers the searches in flight at SIGTERM, refuses new connections, exits 0', async () => {
    started = await startServer();
    const { port, child } = started;
    expect((await get(port, '/api/health')).status).toBe(200);
    // The request log is buffered, yet a lone request's line is written without more traffic.
    await started.waitForLog(/request completed/);

    // 20 searches at once (k=50: a few results to build each), all written to their sockets before the signal.
    let written = 0;
    let allWritten!: () => void;
    const sentAll = new Promise<void>((r) => (allWritten = r));
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      get(port, `/api/search?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}&k=50`, () => {
        if (++written === 20) allWritten();
      }),
    );
    await sentAll;
    child.kill('SIGTERM');

    // Once the server says it stopped accepting, a new connection gets no answer.
    await started.waitForLog(/no longer accepting connections/);
    const late = await get(port, '/api/health').then(
      (answer) => answer,
      (err: NodeJS.ErrnoException) => err,
    );
    expect(late).toBeInstanceOf(Error);
    expect((late as NodeJS.ErrnoException).code).toMatch(/ECONNREFUSED|ECONNRESET/);

    const answers = await Promise.all(inFlight);
    for (const [i, a] of answers.entries()) {
      expect(a.status, `search ${i}: ${a.body.slice(0, 200)}`).toBe(200);
      const body = SearchResponse.parse(JSON.parse(a.body));
      expect(body.query).toBe(QUERIES[i % QUERIES.length]);
      expect(body.results.length).toBeGreaterThan(0);
    }

    const { code, signal } = await started.exited;
    expect(signal).toBeNull();
    expect(code).toBe(0);
    const messages = started.logs.map((l) => l.msg);
    expect(messages).toContain('shutting down: finishing in-flight requests');
    expect(messages.at(-1)).toBe('stopped');
    // Every search was logged as completed (the request log is buffered: flushed before 'stopped'), before the process stopped.
    expect(started.logs.filter((l) => l.msg === 'request completed' && /\/api\/search/.test(JSON.stringify(l))).length).toBe(20);
  });
});
