/**
 * Benchmark (issue #5): how close the service runs to the bare model, under load and from cold.
 *
 *   npm run bench [-- --duration 10] [--int8 | --fp32] [--quick] [--questions a.json b.json]
 *
 * In one run, on the bundled call and the question sets' queries:
 *   1. index build (buildIndex into a temp dir) against bare embedding of the same passage and
 *      sentence texts at the same batch sizes, interleaved so a busy machine slows both alike;
 *   2. the floor (one embedder.embed([q]) per query) and in-process engine.search, interleaved;
 *   3. the server as a child process, started as `npm start` starts it (`bin/transcript-search.js
 *      serve`: the bundle while it is current, else the sources through tsx in-process, so
 *      signals and /proc numbers are the server's own):
 *      cold start (spawn → first 200 search answer), then the floor and one-connection HTTP
 *      searches interleaved query by query (the ratio the goal reads: both from the same minutes),
 *      then autocannon at concurrency 1, 8, 32, the micro-batcher's batch sizes (asked over IPC),
 *      and peak RSS (VmHWM) of the server and its model process together;
 *   4. pressure (issue 13): 128 connections of 500-character queries at k=50 (status counts,
 *      RSS after the run and its high-water mark), then the abandoned burst: 600 such GETs, each
 *      socket closed as soon as the request is written, and the time a normal query then takes
 *      (with the model queue's counters: dropped before the model, refused, abandoned).
 * Prints a table and the ratios against the goals; writes bench-results/bench-<timestamp>.json
 * and bench-results/latest.json (git-ignored). Timings only mean something side by side: the
 * machine line records the load average, and every ratio compares numbers from this one run.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import type { ModelReport } from '../src/service/open-service.js';
import { promises as fs, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { isEntryModule, runCommand } from '../src/cli/run-command.js';
import { readQuestionSet } from '../src/eval/question-set.js';
import { buildIndex, BUILD_BATCH_SIZES } from '../src/index/build.js';
import { listTranscripts } from '../src/index/layout.js';
import { loadIndex } from '../src/index/load.js';
import { loadEmbedder, modelIdFor, quantizedFromEnv, type Embedder } from '../src/model/embedder.js';
import { REPO_ROOT } from '../src/model/model-files.js';
import { openSearchService, textEmbedder } from '../src/service/open-service.js';
import { freePort } from './free-port.js';
import { bundleStaleReason } from '../bin/bundle-status.js';

const DEFAULT_SETS = [path.resolve(REPO_ROOT, '../shared/eval/dev-questions.json'), path.join(REPO_ROOT, 'test/eval/heldout-questions.json')];
const RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');
const CONCURRENCY = [1, 8, 32] as const;

/** Issue #5's goals. */
const GOALS = {
  httpOverFloor: 1.3,
  buildOverBare: 1.2,
  throughputGain: 1.5,
  errors: 0,
  coldStartMs: 2000,
  rssMb: 600,
  rssAfterLongMb: 600,
  afterBurstMs: 2000,
} as const;

// ---------------------------------------------------------------- small helpers

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i]!;
}
const median = (xs: number[]) => percentile(xs, 50);
const round = (x: number, d = 2) => (Number.isFinite(x) ? Number(x.toFixed(d)) : x);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

function machineInfo() {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const require = createRequire(import.meta.url);
  const fromTransformers = createRequire(require.resolve('@xenova/transformers/package.json'));
  const ortVersion = (fromTransformers('onnxruntime-node/package.json') as { version: string }).version;
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    commit = null;
  }
  return {
    cpu: model,
    cores: os.cpus().length,
    totalRamMb: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
    onnxruntimeNode: ortVersion,
    commit,
  };
}

type Memory = { hwmMb: number; rssMb: number };

/** Peak and current resident set of a process, in MB, from /proc/<pid>/status. */
async function memoryOf(pid: number): Promise<Memory | null> {
  try {
    const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { hwmMb: round(kb('VmHWM') / 1024, 1), rssMb: round(kb('VmRSS') / 1024, 1) };
  } catch {
    return null;
  }
}

/**
 * The server's memory: its own process plus the model process it runs the embedding model in
 * (src/model/model-process.ts), each peak and current, and their sums (the sum of the peaks
 * bounds the peak of the sum).
 */
interface ServerMemory extends Memory {
  server: Memory | null;
  model: Memory | null;
}
async function serverMemory(server: ServerProcess): Promise<ServerMemory | null> {
  const own = await memoryOf(server.child.pid!);
  const pid = (await server.model())?.pid ?? null;
  const model = pid ? await memoryOf(pid) : null;
  if (!own) return null;
  return { hwmMb: round(own.hwmMb + (model?.hwmMb ?? 0), 1), rssMb: round(own.rssMb + (model?.rssMb ?? 0), 1), server: own, model };
}

// ---------------------------------------------------------------- autocannon (no published types)

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  requests: { total: number };
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', fn: (client: unknown, statusCode: number, bytes: number, ms: number) => void): void;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  timeout?: number;
  requests?: AutocannonRequest[];
}) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// ---------------------------------------------------------------- the server child process

interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Batch sizes the server's micro-batcher has run so far (over IPC). */
  batchSizes: () => Promise<number[] | null>;
  /** The model process's state and queue counters (over IPC). */
  model: () => Promise<ModelReport | null>;
  stop: () => Promise<number | null>;
}

function spawnServer(indexDir: string, quantized: boolean): ServerProcess & { started: Promise<number> } {
  const t0 = performance.now();
  let captured = '';
  const keep = (b: Buffer) => {
    captured = (captured + b.toString('utf8')).slice(-20_000);
  };
  const server = {} as ServerProcess & { started: Promise<number> };
  const started = (async () => {
    const port = await freePort();
    // As `npm start` runs it: the binary, which runs the bundle while it is current.
    const child = spawn(process.execPath, ['bin/transcript-search.js', 'serve'], {
      cwd: REPO_ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', INDEX_DIR: indexDir, MODEL_WEIGHTS: quantized ? 'int8' : 'fp32' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    server.child = child;
    server.url = `http://127.0.0.1:${port}`;
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    type Stats = { batchSizes: number[] | null; model: ModelReport | null };
    let pending: ((v: Stats | null) => void) | null = null;
    child.on('message', (m: { type?: string; batchSizes?: number[]; model?: ModelReport }) => {
      if (m?.type === 'stats' && pending) {
        pending({ batchSizes: m.batchSizes ?? null, model: m.model ?? null });
        pending = null;
      }
    });
    const stats = () =>
      new Promise<Stats | null>((resolve) => {
        if (!child.connected) return resolve(null);
        pending = resolve;
        child.send({ type: 'stats' });
        setTimeout(() => {
          if (pending === resolve) {
            pending = null;
            resolve(null);
          }
        }, 2000).unref();
      });
    server.batchSizes = async () => (await stats())?.batchSizes ?? null;
    server.model = async () => (await stats())?.model ?? null;
    server.stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(killer);
      return code;
    };
    // Poll until the first search answers 200 (the server listens at once and says 503 while loading).
    const probe = `${server.url}/api/search?q=${encodeURIComponent('what did Jassy say about Trainium')}`;
    for (let i = 0; i < 6000; i++) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering:\n${captured}`);
      try {
        const res = await fetch(probe);
        if (res.status === 200) {
          await res.json();
          return performance.now() - t0;
        }
        await res.arrayBuffer();
      } catch {
        // not listening yet
      }
      await sleep(10);
    }
    throw new Error(`server did not answer within 60 s:\n${captured}`);
  })();
  server.started = started;
  server.output = () => captured;
  return server;
}

// ---------------------------------------------------------------- measurements

async function readQueries(files: string[]): Promise<string[]> {
  const queries: string[] = [];
  for (const f of files) queries.push(...(await readQuestionSet(f)).items.map((i) => i.q));
  return queries;
}

/** Bare model: the same texts, same order, same batch sizes as the build, nothing else. */
async function bareEmbedding(embedder: Embedder, passages: string[], sentences: string[]): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < passages.length; i += BUILD_BATCH_SIZES.passages) await embedder.embed(passages.slice(i, i + BUILD_BATCH_SIZES.passages));
  for (let i = 0; i < sentences.length; i += BUILD_BATCH_SIZES.sentences) await embedder.embed(sentences.slice(i, i + BUILD_BATCH_SIZES.sentences));
  return (performance.now() - t0) / 1000;
}

interface LoadRun {
  connections: number;
  seconds: number;
  requests: number;
  ok: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  batches: { count: number; mean: number; max: number; histogram: Record<string, number> } | null;
}

function summariseBatches(sizes: number[] | null): LoadRun['batches'] {
  if (!sizes || sizes.length === 0) return null;
  const histogram: Record<string, number> = {};
  for (const s of sizes) {
    const bucket = s === 1 ? '1' : s <= 4 ? '2-4' : s <= 8 ? '5-8' : s <= 16 ? '9-16' : '17+';
    histogram[bucket] = (histogram[bucket] ?? 0) + 1;
  }
  return { count: sizes.length, mean: round(sizes.reduce((a, b) => a + b, 0) / sizes.length, 2), max: Math.max(...sizes), histogram };
}

/** One GET over a kept-alive connection, timed from the request to the last byte of the answer. */
function timedGet(agent: http.Agent, url: URL, path: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: url.hostname, port: url.port, path, agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/**
 * The floor and HTTP at one connection side by side: for each query, one embedder.embed([q]) in
 * this process, then the same query as one GET to the server (a lean client on a kept-alive
 * connection). Both medians come from the same minutes, so a machine that speeds up or slows down
 * between phases moves both alike; the autocannon runs give the throughput.
 */
async function floorBesideHttp(server: ServerProcess, embedder: Embedder, queries: string[], paths: string[], passes: number): Promise<{ floor: number[]; http: number[] }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(server.url);
  const floor: number[] = [];
  const https: number[] = [];
  try {
    for (let pass = 0; pass < passes; pass++) {
      for (const [i, q] of queries.entries()) {
        floor.push((await time(() => embedder.embed([q])))[0]);
        const answer = await timedGet(agent, url, paths[i]!);
        if (answer.status !== 200) throw new Error(`search answered ${answer.status}`);
        https.push(answer.ms);
      }
    }
  } finally {
    agent.destroy();
  }
  return { floor, http: https };
}

async function loadRun(server: ServerProcess, paths: string[], connections: number, seconds: number): Promise<LoadRun> {
  let next = 0;
  const before = (await server.batchSizes())?.length ?? null;
  const latencies: number[] = [];
  const instance = autocannon({
    url: server.url,
    connections,
    duration: seconds,
    timeout: 30,
    // A shared counter, so concurrent requests carry different queries (identical texts in one batch would be embedded once).
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
  });
  instance.on('response', (_c, status, _b, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const r = await instance;
  const after = await server.batchSizes();
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, Number(v.count)]));
  return {
    connections,
    seconds: round(r.duration, 2),
    requests: r.requests.total,
    ok: latencies.length,
    rps: round(latencies.length / r.duration, 1),
    p50: round(median(latencies)),
    p99: round(percentile(latencies, 99)),
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
    batches: after && before !== null ? summariseBatches(after.slice(before)) : null,
  };
}

// ---------------------------------------------------------------- pressure (issue 13)

/** ~500 characters of a pasted analyst question, distinct per i (identical texts would share one embedding). */
function longQuery(i: number): string {
  return (
    `Question ${i}: could you walk us through how you think about AWS capacity additions over the next several quarters, ` +
    'including power, custom chips like Trainium and the data center build-out, and how that capital intensity affects ' +
    'free cash flow and operating margin, especially given the backlog growth you mentioned and the pricing environment ' +
    'for generative AI workloads compared with more traditional compute and storage demand from enterprise customers?'
  ).slice(0, 500);
}
const longPath = (i: number) => `/api/search?q=${encodeURIComponent(longQuery(i))}&k=50`;

interface LongRun {
  connections: number;
  seconds: number;
  ok: number;
  rps: number;
  p50: number;
  p99: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  memoryAfter: ServerMemory | null;
}

/** 128 clients sending 500-character queries at k=50 back to back; RSS read right after. */
async function longQueryRun(server: ServerProcess, seconds: number): Promise<LongRun> {
  let next = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: server.url,
    connections: 128,
    duration: seconds,
    timeout: 30,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: longPath(next++) }) }],
  });
  instance.on('response', (_c, status, _b, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const r = await instance;
  const memoryAfter = await serverMemory(server);
  return {
    connections: 128,
    seconds: round(r.duration, 2),
    ok: latencies.length,
    rps: round(latencies.length / r.duration, 1),
    p50: round(median(latencies)),
    p99: round(percentile(latencies, 99)),
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, Number(v.count)])),
    errors: r.errors,
    timeouts: r.timeouts,
    memoryAfter,
  };
}

/** Write one GET and close the socket at once (a client that gave up). */
function getAndHangUp(port: number, p: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`, () => (socket.destroy(), resolve())));
    socket.on('error', () => resolve());
  });
}

interface BurstRun {
  requests: number;
  sendMs: number;
  /** The first normal search after the burst: status and time to its answer. */
  normalStatus: number;
  normalMs: number;
  secondNormalMs: number;
  queue: ModelReport['queue'] | null;
}

/** 600 long GETs at k=50, each socket closed once written; then a normal query, timed. */
async function abandonedBurst(server: ServerProcess, requests = 600): Promise<BurstRun> {
  const port = Number(new URL(server.url).port);
  const before = (await server.model())?.queue ?? null;
  const t0 = performance.now();
  let sent = 0;
  // A few dozen connections at a time, as one impatient client (or a script) would send them.
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (sent < requests) await getAndHangUp(port, longPath(1000 + sent++));
    }),
  );
  const sendMs = performance.now() - t0;
  const normal = `${server.url}/api/search?q=${encodeURIComponent('what did Jassy say about Trainium')}`;
  const [normalMs, res] = await time(() => fetch(normal));
  await res.arrayBuffer();
  const [secondNormalMs, res2] = await time(() => fetch(normal));
  await res2.arrayBuffer();
  const after = (await server.model())?.queue ?? null;
  const queue =
    after && before
      ? { ...after, rejected: after.rejected - before.rejected, cancelled: after.cancelled - before.cancelled, abandoned: after.abandoned - before.abandoned }
      : after;
  return { requests, sendMs: Math.round(sendMs), normalStatus: res.status, normalMs: round(normalMs, 1), secondNormalMs: round(secondNormalMs, 1), queue };
}

// ---------------------------------------------------------------- main

interface Options {
  duration: string;
  int8?: boolean;
  fp32?: boolean;
  quick?: boolean;
  questions: string[];
}

async function main(opts: Options): Promise<void> {
  const quick = Boolean(opts.quick);
  const duration = Number(opts.duration ?? (quick ? 3 : 10));
  if (!Number.isFinite(duration) || duration <= 0) throw new Error('--duration must be a positive number of seconds');
  const quantized = opts.int8 ? true : opts.fp32 ? false : quantizedFromEnv();
  const machine = machineInfo();
  const started = new Date();
  log(`${machine.cpu}, ${machine.cores} cores, load ${machine.loadAverageAtStart.join(' ')}; weights ${modelIdFor(quantized)}, onnxruntime-node ${machine.onnxruntimeNode}`);

  const queries = await readQueries(opts.questions);
  const paths = queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
  const sources = await listTranscripts();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'transcript-bench-'));
  try {
    // 1. Build vs bare embedding.
    const embedder = await loadEmbedder({ quantized });
    const port = await textEmbedder(embedder, quantized);
    for (const q of queries.slice(0, 10)) await embedder.embed([q]);
    log('index build (warm-up build, then bare/build interleaved)');
    const warmDir = path.join(tmp, 'build-0');
    await buildIndex({ sources, indexDir: warmDir, embedder: port });
    const built = await loadIndex(warmDir);
    const passageTexts = built.passages.map((p) => p.text);
    const sentenceTexts = built.passages.flatMap((p) => p.sentences.map((s) => s.text));
    const bare: number[] = [];
    const build: number[] = [];
    let indexDir = warmDir;
    for (let r = 1; r <= (quick ? 1 : 3); r++) {
      bare.push(await bareEmbedding(embedder, passageTexts, sentenceTexts));
      indexDir = path.join(tmp, `build-${r}`);
      build.push((await buildIndex({ sources, indexDir, embedder: port })).seconds);
      if (r > 1) await fs.rm(path.join(tmp, `build-${r - 1}`), { recursive: true, force: true });
    }
    await fs.rm(warmDir, { recursive: true, force: true });
    const buildSeconds = median(build);
    const bareSeconds = median(bare);

    // 2. Floor and in-process search, interleaved query by query.
    log('floor (embedder.embed([q])) and in-process engine.search, interleaved');
    const service = await openSearchService({ indexDir, sources, quantized });
    const floor: number[] = [];
    const search: number[] = [];
    for (const q of queries.slice(0, 10)) await service.engine.search({ q, k: 10 });
    for (let pass = 0; pass < (quick ? 1 : 3); pass++) {
      for (const q of queries) {
        floor.push((await time(() => embedder.embed([q])))[0]);
        search.push((await time(() => service.engine.search({ q, k: 10 })))[0]);
      }
    }
    // Model-level batching: ms per query for batches of distinct queries.
    const batchCost: Record<string, number> = {};
    for (const size of [1, 8, 32]) {
      const per: number[] = [];
      for (let r = 0; r < (quick ? 4 : 12); r++) {
        const batch = Array.from({ length: size }, (_, i) => queries[(r * size + i) % queries.length]!);
        per.push((await time(() => embedder.embed(batch)))[0] / size);
      }
      batchCost[size] = round(median(per));
    }
    await service.close();

    // 3. The server as a child process.
    const stale = bundleStaleReason();
    log(`cold start (spawn → first search answer), the server run ${stale ? `from the sources (bundle ${stale})` : 'from the bundle'}`);
    const coldStarts: number[] = [];
    let server: ReturnType<typeof spawnServer> | null = null;
    const spawns = quick ? 1 : 3;
    for (let i = 0; i < spawns; i++) {
      const s = spawnServer(indexDir, quantized);
      coldStarts.push(await s.started);
      if (i < spawns - 1) {
        const code = await s.stop();
        if (code !== 0) throw new Error(`server exited with ${code} on SIGTERM:\n${s.output()}`);
      } else server = s;
    }
    if (!server) throw new Error('no server');
    const runs: LoadRun[] = [];
    let memory: ServerMemory | null = null;
    let longRun: LongRun | null = null;
    let burst: BurstRun | null = null;
    let exitCode: number | null = null;
    let beside: { floor: number[]; http: number[] } | null = null;
    try {
      log('warm-up load (2 s, not recorded)');
      await loadRun(server, paths, 8, quick ? 1 : 2);
      log('floor and HTTP at one connection, interleaved query by query');
      beside = await floorBesideHttp(server, embedder, queries, paths, quick ? 1 : 3);
      await embedder.close?.();
      for (const c of CONCURRENCY) {
        log(`autocannon: ${c} connection(s), ${duration} s`);
        runs.push(await loadRun(server, paths, c, duration));
      }
      memory = await serverMemory(server);
      log(`pressure: 128 connections of 500-character queries (k=50), ${duration} s`);
      longRun = await longQueryRun(server, duration);
      log('pressure: 600 abandoned long queries, then a normal one');
      await sleep(1000);
      burst = await abandonedBurst(server);
    } finally {
      exitCode = await server.stop();
      await embedder.close?.();
    }

    // 4. Report.
    const floorP50 = median(floor);
    const c1 = runs.find((r) => r.connections === 1)!;
    const c32 = runs.find((r) => r.connections === 32)!;
    const errors = runs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
    const coldMs = median(coldStarts);
    const ratios = {
      httpOverFloor: round(median(beside!.http) / median(beside!.floor)),
      buildOverBare: round(buildSeconds / bareSeconds),
      throughputGain: round(c32.rps / (1000 / floorP50)),
      errors,
      coldStartMs: Math.round(coldMs),
      rssMb: memory?.hwmMb ?? NaN,
      rssAfterLongMb: longRun?.memoryAfter?.rssMb ?? NaN,
      afterBurstMs: burst && burst.normalStatus === 200 ? burst.normalMs : NaN,
    };
    const met = {
      httpOverFloor: ratios.httpOverFloor <= GOALS.httpOverFloor,
      buildOverBare: ratios.buildOverBare <= GOALS.buildOverBare,
      throughputGain: ratios.throughputGain >= GOALS.throughputGain,
      errors: ratios.errors === GOALS.errors,
      coldStartMs: ratios.coldStartMs <= GOALS.coldStartMs,
      rssMb: ratios.rssMb <= GOALS.rssMb,
      rssAfterLongMb: ratios.rssAfterLongMb <= GOALS.rssAfterLongMb,
      afterBurstMs: ratios.afterBurstMs < GOALS.afterBurstMs,
    };
    const result = {
      started: started.toISOString(),
      machine: { ...machine, loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)) },
      options: { duration, quick, weights: modelIdFor(quantized), questions: opts.questions.map((f) => path.relative(REPO_ROOT, f)), queries: queries.length },
      floor: { p50: round(floorP50), p99: round(percentile(floor, 99)), n: floor.length },
      besideHttp: beside && {
        floor: { p50: round(median(beside.floor)), p99: round(percentile(beside.floor, 99)), n: beside.floor.length },
        http: { p50: round(median(beside.http)), p99: round(percentile(beside.http, 99)), n: beside.http.length },
        autocannonOverFloor: round(c1.p50 / floorP50),
      },
      search: { p50: round(median(search)), p99: round(percentile(search, 99)), n: search.length },
      modelBatchMsPerQuery: batchCost,
      build: {
        seconds: round(buildSeconds, 3),
        passages: built.passages.length,
        sentences: sentenceTexts.length,
        passagesPerSecond: round(built.passages.length / buildSeconds, 1),
        bareSeconds: round(bareSeconds, 3),
        batchSizes: BUILD_BATCH_SIZES,
        runs: { build: build.map((x) => round(x, 3)), bare: bare.map((x) => round(x, 3)) },
      },
      http: runs,
      coldStart: { medianMs: Math.round(coldMs), runsMs: coldStarts.map((x) => Math.round(x)), launcher: stale ? `sources (${stale})` : 'bundle' },
      memory,
      pressure: { longQueries: longRun, abandonedBurst: burst },
      serverExitCode: exitCode,
      ratios,
      goals: GOALS,
      met,
    };

    printReport(result);
    await fs.mkdir(RESULTS_DIR, { recursive: true });
    const stamp = started.toISOString().replace(/[:.]/g, '-');
    const json = `${JSON.stringify(result, null, 2)}\n`;
    await fs.writeFile(path.join(RESULTS_DIR, `bench-${stamp}.json`), json);
    await fs.writeFile(path.join(RESULTS_DIR, 'latest.json'), json);
    log(`wrote ${path.relative(process.cwd(), path.join(RESULTS_DIR, `bench-${stamp}.json`))} and latest.json`);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

type Report = {
  machine: ReturnType<typeof machineInfo> & { loadAverageAtEnd: number[] };
  options: { duration: number; weights: string; queries: number };
  floor: { p50: number; p99: number; n: number };
  besideHttp: { floor: { p50: number; p99: number; n: number }; http: { p50: number; p99: number; n: number }; autocannonOverFloor: number } | null;
  search: { p50: number; p99: number; n: number };
  modelBatchMsPerQuery: Record<string, number>;
  build: { seconds: number; passages: number; sentences: number; passagesPerSecond: number; bareSeconds: number };
  http: LoadRun[];
  coldStart: { medianMs: number; runsMs: number[]; launcher?: string };
  memory: ServerMemory | null;
  pressure: { longQueries: LongRun | null; abandonedBurst: BurstRun | null };
  ratios: Record<keyof typeof GOALS, number>;
  met: Record<keyof typeof GOALS, boolean>;
};

function printReport(r: Report): void {
  const m = r.machine;
  const out: string[] = [];
  out.push('');
  out.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${(m.totalRamMb / 1024).toFixed(1)} GB RAM, node ${m.node}, onnxruntime-node ${m.onnxruntimeNode}, ` +
      `load average ${m.loadAverageAtStart.join(' ')} at start, ${m.loadAverageAtEnd.join(' ')} at end`,
  );
  out.push(`Weights: ${r.options.weights}; ${r.options.queries} queries; load runs ${r.options.duration} s each`);
  out.push('');
  out.push('| measurement | p50 ms | p99 ms | req/s | errors | notes |');
  out.push('|---|---|---|---|---|---|');
  out.push(`| floor: embedder.embed([q]) | ${r.floor.p50} | ${r.floor.p99} | ${round(1000 / r.floor.p50, 1)} | – | n=${r.floor.n}, sequential |`);
  out.push(`| in-process engine.search | ${r.search.p50} | ${r.search.p99} | – | – | n=${r.search.n}, interleaved with the floor |`);
  if (r.besideHttp) {
    const b = r.besideHttp;
    out.push(`| floor, beside HTTP | ${b.floor.p50} | ${b.floor.p99} | – | – | n=${b.floor.n}, interleaved with the next row |`);
    out.push(`| HTTP /api/search, one connection, beside the floor | ${b.http.p50} | ${b.http.p99} | – | – | n=${b.http.n}, node:http client, kept-alive connection |`);
  }
  for (const h of r.http) {
    const b = h.batches ? `batches: mean ${h.batches.mean}, max ${h.batches.max}` : 'batches: n/a';
    out.push(`| HTTP /api/search c=${h.connections} | ${h.p50} | ${h.p99} | ${h.rps} | ${h.non2xx + h.errors + h.timeouts} | ${h.ok} ok in ${h.seconds} s; ${b} |`);
  }
  out.push(`| model batch (ms/query) | – | – | – | – | ${Object.entries(r.modelBatchMsPerQuery).map(([k, v]) => `×${k}: ${v}`).join(', ')} |`);
  out.push(`| index build | ${Math.round(r.build.seconds * 1000)} | – | – | – | ${r.build.passages} passages + ${r.build.sentences} sentences; ${r.build.passagesPerSecond} passages/s |`);
  out.push(`| bare embedding, same texts | ${Math.round(r.build.bareSeconds * 1000)} | – | – | – | same batch sizes, document order |`);
  out.push(`| cold start → first answer | ${r.coldStart.medianMs} | – | – | – | runs: ${r.coldStart.runsMs.join(', ')} ms; server run from the ${r.coldStart.launcher ?? 'sources'} |`);
  const mem = (m: ServerMemory) => `${m.hwmMb} MB (current ${m.rssMb} MB; server ${m.server?.hwmMb ?? '?'} + model process ${m.model?.hwmMb ?? '?'} MB peak)`;
  out.push(`| peak RSS (VmHWM), server + model process | – | – | – | – | ${r.memory ? mem(r.memory) : 'n/a'} |`);
  const l = r.pressure.longQueries;
  if (l) {
    const codes = Object.entries(l.statusCodes).map(([k, v]) => `${v}× ${k}`).join(', ');
    const after = l.memoryAfter ? `RSS after ${l.memoryAfter.rssMb} MB (server ${l.memoryAfter.server?.rssMb ?? '?'} + model process ${l.memoryAfter.model?.rssMb ?? '?'}; peak so far ${l.memoryAfter.hwmMb} MB)` : 'RSS n/a';
    out.push(`| long queries ×128 (500 chars, k=50) | ${l.p50} | ${l.p99} | ${l.rps} | ${l.errors + l.timeouts} | ${codes}; ${after} |`);
  }
  const b = r.pressure.abandonedBurst;
  if (b) {
    const q = b.queue ? `; queue: ${b.queue.cancelled} dropped before the model, ${b.queue.abandoned} abandoned in a batch, ${b.queue.rejected} refused` : '';
    out.push(`| normal query after 600 abandoned long ones | ${b.normalMs} | – | – | – | status ${b.normalStatus}, next one ${b.secondNormalMs} ms; burst sent in ${b.sendMs} ms${q} |`);
  }
  out.push('');
  const mark = (k: keyof typeof GOALS) => (r.met[k] ? 'met' : 'MISSED');
  out.push('| ratio | value | goal | |');
  out.push('|---|---|---|---|');
  out.push(`| HTTP p50 at c=1 ÷ floor p50 (side by side) | ${r.ratios.httpOverFloor} | ≤ ${GOALS.httpOverFloor} | ${mark('httpOverFloor')} |`);
  if (r.besideHttp) out.push(`| autocannon c=1 p50 ÷ floor p50 (minutes apart, for comparison) | ${r.besideHttp.autocannonOverFloor} | – | |`);
  out.push(`| build ÷ bare embedding | ${r.ratios.buildOverBare} | ≤ ${GOALS.buildOverBare} | ${mark('buildOverBare')} |`);
  out.push(`| req/s at c=32 ÷ (1000 ÷ floor p50) | ${r.ratios.throughputGain} | ≥ ${GOALS.throughputGain} | ${mark('throughputGain')} |`);
  out.push(`| errors under load (non-2xx + errors + timeouts) | ${r.ratios.errors} | ${GOALS.errors} | ${mark('errors')} |`);
  out.push(`| cold start (ms) | ${r.ratios.coldStartMs} | ≤ ${GOALS.coldStartMs} | ${mark('coldStartMs')} |`);
  out.push(`| peak RSS (MB) | ${r.ratios.rssMb} | ≤ ${GOALS.rssMb} | ${mark('rssMb')} |`);
  out.push(`| RSS after 128 long-query connections (MB) | ${r.ratios.rssAfterLongMb} | ≤ ${GOALS.rssAfterLongMb} | ${mark('rssAfterLongMb')} |`);
  out.push(`| normal query after the abandoned burst (ms) | ${r.ratios.afterBurstMs} | < ${GOALS.afterBurstMs} | ${mark('afterBurstMs')} |`);
  process.stdout.write(`${out.join('\n')}\n`);
}

export const program = new Command()
  .name('bench')
  .description('Latency, throughput, build speed, cold start and memory of the search service, against the bare model.')
  .option('--duration <seconds>', 'length of each autocannon run (default 10, or 3 with --quick)')
  .option('--int8', 'run on the int8 weights (MODEL_WEIGHTS=int8 makes them the default)')
  .option('--fp32', 'run on the fp32 reference weights (the default)')
  .option('--quick', 'fewer repetitions and 3 s load runs, for a smoke test')
  .option('--questions <files...>', 'question sets whose queries are used', DEFAULT_SETS)
  .action(async (opts: Options) => {
    if (opts.int8 && opts.fp32) throw new Error('choose one of --int8 and --fp32');
    await main(opts);
  });

if (isEntryModule(import.meta.url)) runCommand(program);
