/**
 * Scale benchmark (issue 10): what the index costs as the library grows.
 *
 *   npm run bench:scale [-- --sizes 1,10,100,1000] [--cold-sizes 1,10,100,1000] [--rounds 3] [--only add] [--adds 3] [--fresh]
 *
 * Libraries of 1, 10, 100 and 1,000 calls: the bundled call (as shipped, a raw transcript) and the
 * Earnings-21 and Earnings-22 calls of ../shared/corpus/, read through the importer's reader and gate
 * (readTranscriptPath, checkCall) and stored as the importer stores them; beyond those real calls,
 * replicas of the Earnings calls under distinct call ids (`<id>-r<n>`, said so in the output). One
 * real call is held out of every library: it is the call added. Per size:
 *   - full build from nothing with an empty embedding cache (cold) and with a warm one;
 *   - adding the held-out call (not in the cache) through the importer's path, against bare
 *     embedding of its texts and against building a one-call library of it from nothing; then
 *     removing it again;
 *   - the server as a child process: cold start (spawn → first search answer), then sequential
 *     /api/search over the same questions at every size (p50/p99), and its peak RSS (VmHWM);
 *   - in process: engine.search p50/p99 with the model call, and without it (query vectors
 *     computed once beforehand);
 *   - the bundled call's held-out set: R@5 as the eval counts it (a top-5 passage holds a gold
 *     phrase) and counting only the bundled call's own passages;
 *   - at the largest size: exact search over a scope of n passages against HNSW filtered to it.
 * Writes bench-results/scale.json as it goes. Resumable: measurements already in scale.json are
 * kept (--fresh starts over), and the warm cache and libraries live in $TMPDIR/transcript-search-scale-work
 * (BENCH_SCALE_WORK; never inside the repository),
 * so a rerun never embeds the corpus again. The machine is shared: every step records the load average.
 * `--only server,search,add` measures just those steps (after the warm build they all read);
 * `--adds n` repeats the add (and the one-call build beside it) n times, the median reported.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { isEntryModule, runCommand } from '../src/cli/run-command.js';
import { holdsAnyGold } from '../src/eval/gold.js';
import { readQuestionSet } from '../src/eval/question-set.js';
import { buildIndex, BUILD_BATCH_SIZES } from '../src/index/build.js';
import type { TextEmbedder } from '../src/index/embedder-port.js';
import { EmbeddingCache, embeddingKey } from '../src/index/embedding-cache.js';
import { listTranscripts } from '../src/index/layout.js';
import { addCalls, removeCalls, sha256Of, type CallToAdd, type LibraryUpdateOptions } from '../src/index/library-update.js';
import { checkCall } from '../src/library/check-call.js';
import { serializeStoredCall, storedCallFileName, toStoredCall } from '../src/library/stored-call.js';
import { loadEmbedder, type Embedder } from '../src/model/embedder.js';
import { REPO_ROOT } from '../src/model/model-files.js';
import { SearchEngine } from '../src/search/engine.js';
import { directoryOf } from '../src/search/interpret/library-directory.js';
import { DenseRetriever } from '../src/search/retrieve/dense.js';
import { exactScopeMax } from '../src/search/retrieve/retriever.js';
import { openSearchService, textEmbedder } from '../src/service/open-service.js';
import { DEFAULT_LIMITS } from '../src/transcript/limits.js';
import { PARSER_VERSION, readTranscriptPath, type ParsedCall } from '../src/transcript/read-source.js';
import { freePort } from './free-port.js';

const SHARED = path.resolve(REPO_ROOT, '../shared');
const CORPORA = [path.join(SHARED, 'corpus/earnings21'), path.join(SHARED, 'corpus/earnings22')];
const BUNDLED = path.join(REPO_ROOT, 'data/transcripts/amzn-q4-2025-earnings-call.txt');
const BUNDLED_ID = 'amzn-q4-2025';
const QUESTION_SETS = [path.join(SHARED, 'eval/dev-questions.json'), path.join(REPO_ROOT, 'test/eval/heldout-questions.json')];
const HELDOUT_SET = path.join(REPO_ROOT, 'test/eval/heldout-questions.json');
const RESULTS = path.join(REPO_ROOT, 'bench-results/scale.json');
/**
 * Where the imported corpus, the warm cache and the libraries live: outside the repository, since
 * they hold the Earnings calls' text (CC BY-SA, read from ../shared, never copied into the repo).
 * BENCH_SCALE_WORK overrides it.
 */
const WORK = path.resolve(process.env.BENCH_SCALE_WORK ?? path.join(os.tmpdir(), 'transcript-search-scale-work'));
const CORPUS = path.join(WORK, 'corpus');
const CACHE = path.join(WORK, 'cache');
/** Server starts per size (the median is reported). */
const SPAWNS = 3;
/** Steps after the warm build that --only can pick. */
const STEPS = ['server', 'search', 'add'] as const;
type Step = (typeof STEPS)[number];

// ---------------------------------------------------------------- small helpers

const round = (x: number, d = 2) => (Number.isFinite(x) ? Number(x.toFixed(d)) : x);
function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
const load = () => os.loadavg().map((x) => round(x, 2));
const log = (msg: string) => process.stderr.write(`[bench:scale] ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [(performance.now() - t0) / 1000, r];
}
const fresh = async (dir: string) => {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
};

async function peakRssMb(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return round(Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024, 1);
}

// ---------------------------------------------------------------- results (also the resume state)

interface SizeResult {
  size: number;
  calls: { real: number; replicas: number };
  passages?: number;
  sentences?: number;
  coldBuild?: { seconds: number; embedded: number; cached: number; load: number[] };
  warmBuild?: { seconds: number; embedded: number; cached: number; load: number[] };
  server?: { coldStartSeconds: number; http: { p50: number; p99: number; n: number }; peakRssMb: number; load: number[] };
  inProcess?: { withModel: { p50: number; p99: number }; withoutModel: { p50: number; p99: number }; n: number; load: number[] };
  heldout?: { n: number; r5: number; r5BundledOnly: number; r1: number; r5CallScoped?: number; r1CallScoped?: number; load: number[] };
  add?: {
    call: string;
    seconds: number;
    embedded: number;
    cached: number;
    graph: string;
    bareEmbeddingSeconds: number;
    oneCallBuildSeconds: number;
    removeSeconds: number;
    removeGraph: string;
    /** Every round's seconds, in the order run (add, one-call build and bare embedding interleaved). */
    rounds?: { add: number[]; oneCallBuild: number[]; bareEmbedding: number[] };
    load: number[];
  };
  scope?: { passages: number; exactMs: number; graphMs: number }[];
}

interface Results {
  started: string;
  machine: { cpu: string; cores: number; totalRamMb: number; node: string };
  corpus: { real: number; heldOut: string; replicaOf: string };
  queries: number;
  sizes: SizeResult[];
  finished?: string;
}

async function readResults(): Promise<Results | null> {
  try {
    return JSON.parse(await fs.readFile(RESULTS, 'utf8')) as Results;
  } catch {
    return null;
  }
}
async function saveResults(r: Results): Promise<void> {
  await fs.mkdir(path.dirname(RESULTS), { recursive: true });
  await fs.writeFile(RESULTS, `${JSON.stringify(r, null, 2)}\n`);
}

// ---------------------------------------------------------------- the corpus and the libraries

interface Corpus {
  /** Stored real Earnings calls (file names), sorted; the held-out one excluded. */
  stored: string[];
  heldOut: { id: string; file: string };
  /** PARSER_VERSION that read them: a corpus read by another is read again (its calls would measure old parsing). */
  parser?: number;
}

/** The Earnings calls, read and checked as `import` does, stored once in WORK/corpus/ (outside the repository). */
async function prepareCorpus(embedder: TextEmbedder): Promise<Corpus> {
  const marker = path.join(CORPUS, 'corpus.json');
  if (existsSync(marker)) {
    const kept = JSON.parse(await fs.readFile(marker, 'utf8')) as Corpus;
    if (kept.parser === PARSER_VERSION) return kept;
    log(`the stored corpus was read by parser ${kept.parser ?? 'before versions were recorded'}, this is ${PARSER_VERSION}: reading it again`);
  }
  await fresh(CORPUS);
  const calls: ParsedCall[] = [];
  for (const dir of CORPORA) {
    log(`reading ${path.relative(SHARED, dir)} through the importer's reader`);
    const read = await readTranscriptPath(dir);
    if (read.failures.length) log(`  ${read.failures.length} file(s) refused: ${read.failures.map((f) => f.file).join(', ')}`);
    calls.push(...read.calls);
  }
  const accepted = calls.filter((c) => {
    try {
      checkCall(c.call, (t) => embedder.countTokens(t), DEFAULT_LIMITS);
      return true;
    } catch {
      return false;
    }
  });
  accepted.sort((a, b) => a.call.meta.id.localeCompare(b.call.meta.id));
  // Held out: a call of median length (so the add is a typical one) whose id needed no
  // disambiguation, so its own file reads back under it.
  const plain = accepted.filter((c) => !c.warnings.some((w) => w.message.includes('is shared with another file')));
  const held = [...plain].sort((a, b) => a.call.source.length - b.call.source.length)[Math.floor(plain.length / 2)]!;
  const heldFile = await findFile(held.source);
  const stored: string[] = [];
  for (const c of accepted) {
    if (c === held) continue;
    const name = storedCallFileName(c.call.meta.id);
    await fs.writeFile(path.join(CORPUS, name), serializeStoredCall(toStoredCall(c, null, PARSER_VERSION)));
    stored.push(name);
  }
  const corpus: Corpus = { stored, heldOut: { id: held.call.meta.id, file: heldFile }, parser: PARSER_VERSION };
  await fs.writeFile(marker, JSON.stringify(corpus, null, 1));
  return corpus;
}

async function findFile(name: string): Promise<string> {
  for (const dir of CORPORA) {
    const candidate = path.join(dir, 'transcripts/nlp_references', name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot find ${name} in the corpora`);
}

/** Library of `size` calls: the bundled call, then real Earnings calls, then replicas of them. */
async function prepareLibrary(size: number, corpus: Corpus): Promise<{ dir: string; real: number; replicas: number }> {
  const dir = path.join(WORK, `lib-${size}`);
  const real = Math.min(size, corpus.stored.length + 1);
  const replicas = size - real;
  // The marker holds the parser version of the corpus it was copied from: a re-read corpus makes new libraries.
  const marker = path.join(dir, '.complete');
  if (existsSync(marker) && (await fs.readFile(marker, 'utf8')) === String(corpus.parser)) return { dir, real, replicas };
  await fresh(dir);
  await fs.copyFile(BUNDLED, path.join(dir, path.basename(BUNDLED)));
  for (const name of corpus.stored.slice(0, real - 1)) await fs.copyFile(path.join(CORPUS, name), path.join(dir, name));
  for (let i = 0; i < replicas; i++) {
    const r = Math.floor(i / corpus.stored.length) + 1;
    const json = JSON.parse(await fs.readFile(path.join(CORPUS, corpus.stored[i % corpus.stored.length]!), 'utf8'));
    json.meta.id = `${json.meta.id}-r${r}`;
    await fs.writeFile(path.join(dir, storedCallFileName(json.meta.id)), JSON.stringify(json));
  }
  await fs.writeFile(marker, String(corpus.parser));
  return { dir, real, replicas };
}

// ---------------------------------------------------------------- the server as a child process

interface Server {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

async function startServer(indexDir: string, library: string): Promise<{ server: Server; seconds: number }> {
  const t0 = performance.now();
  const port = await freePort();
  let output = '';
  // As `npm start` runs it: the binary, which runs the bundle while it is current.
  const child = spawn(process.execPath, ['bin/transcript-search.js', 'serve'], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', INDEX_DIR: indexDir, TRANSCRIPTS_DIR: library, RATE_LIMIT: '1000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (b: Buffer) => (output = (output + b.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  const server: Server = {
    child,
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
  const probe = `${url}/api/search?q=${encodeURIComponent('free cash flow')}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    if (performance.now() - t0 > 600_000) throw new Error(`server did not answer within 600 s:\n${output}`);
    try {
      const res = await fetch(probe);
      const body = await res.arrayBuffer();
      if (res.status === 200 && body.byteLength > 0) return { server, seconds: (performance.now() - t0) / 1000 };
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
}

// ---------------------------------------------------------------- measurements

async function queriesOf(files: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) out.push(...(await readQuestionSet(f)).items.map((i) => i.q));
  return out;
}

/** The model alone on a call's passage and sentence texts: same batch sizes, document order (as `npm run bench`). */
/** The texts a build embeds for a call: its passages' and its sentences'. */
async function callTexts(call: ParsedCall, embedder: TextEmbedder): Promise<{ texts: string[]; sentences: string[] }> {
  const { chunkCall } = await import('../src/passages/chunk.js');
  const passages = chunkCall(call.call, (t) => embedder.countTokens(t));
  return { texts: passages.map((p) => p.text), sentences: passages.flatMap((p) => p.sentences.map((s) => s.text)) };
}

async function bareEmbedding(model: Embedder, call: ParsedCall, embedder: TextEmbedder): Promise<number> {
  const { texts, sentences } = await callTexts(call, embedder);
  const t0 = performance.now();
  for (let i = 0; i < texts.length; i += BUILD_BATCH_SIZES.passages) await model.embed(texts.slice(i, i + BUILD_BATCH_SIZES.passages));
  for (let i = 0; i < sentences.length; i += BUILD_BATCH_SIZES.sentences) await model.embed(sentences.slice(i, i + BUILD_BATCH_SIZES.sentences));
  return (performance.now() - t0) / 1000;
}

/**
 * A copy of the warm cache without the held-out call's texts. The cache is append-only, and an
 * add measured by an earlier run (or session) leaves that call's texts in it, which would turn
 * the add into cache hits. Returns how many records it left out.
 */
async function cacheWithout(src: string, dst: string, call: ParsedCall, embedder: TextEmbedder): Promise<number> {
  const { texts, sentences } = await callTexts(call, embedder);
  const drop = new Set([...texts, ...sentences].map((t) => embeddingKey(embedder.checksum, t).toString('hex')));
  await fresh(dst);
  const from = await EmbeddingCache.open(src, embedder.dimensions);
  const to = await EmbeddingCache.open(dst, embedder.dimensions);
  let dropped = 0;
  try {
    const all = from.keys();
    const kept = all.filter((k) => !drop.has(k.toString('hex')));
    dropped = all.length - kept.length;
    for (let i = 0; i < kept.length; i += 16_384) {
      const keys = kept.slice(i, i + 16_384);
      const vectors = from.lookup(keys);
      to.append(keys.flatMap((key, j) => (vectors[j] ? [{ key, vector: vectors[j] }] : [])));
    }
  } finally {
    from.close();
    to.close();
  }
  return dropped;
}

/** The held-out call as `import <file>` reads it. */
async function heldOutCall(corpus: Corpus): Promise<CallToAdd> {
  const read = await readTranscriptPath(corpus.heldOut.file);
  const parsed = read.calls[0];
  if (!parsed || parsed.call.meta.id !== corpus.heldOut.id) throw new Error(`could not read the held-out call ${corpus.heldOut.file}`);
  return { parsed, file: corpus.heldOut.file, original: sha256Of(await fs.readFile(corpus.heldOut.file)) };
}

function updateOptions(library: string, indexDir: string, embedder: TextEmbedder, cacheDir: string): LibraryUpdateOptions {
  return { library, indexDir, limits: DEFAULT_LIMITS, countTokens: (t) => embedder.countTokens(t), embedder: async () => embedder, cacheDir };
}

// ---------------------------------------------------------------- main

interface Options {
  sizes: string;
  coldSizes?: string;
  rounds: string;
  only?: string;
  adds: string;
  fresh?: boolean;
}

async function main(opts: Options): Promise<void> {
  if (!existsSync(CORPORA[0]!) || !existsSync(CORPORA[1]!)) throw new Error(`the Earnings-21/22 corpora are not at ${path.join(SHARED, 'corpus')}`);
  const inRepo = path.relative(REPO_ROOT, WORK);
  if (!inRepo.startsWith('..') && !path.isAbsolute(inRepo)) throw new Error(`BENCH_SCALE_WORK (${WORK}) is inside the repository; the Earnings calls' text stays outside it`);
  const sizes = opts.sizes.split(',').map(Number).sort((a, b) => a - b);
  const coldSizes = new Set((opts.coldSizes ?? opts.sizes).split(',').map(Number));
  const rounds = Number(opts.rounds);
  const adds = Number(opts.adds);
  if (sizes.some((s) => !Number.isInteger(s) || s < 1) || !(rounds >= 1) || !Number.isInteger(adds) || adds < 1) throw new Error('--sizes are whole numbers ≥ 1, --rounds and --adds ≥ 1');
  const only = opts.only?.split(',').map((x) => x.trim());
  const unknown = only?.filter((x) => !(STEPS as readonly string[]).includes(x)) ?? [];
  if (unknown.length > 0) throw new Error(`--only takes ${STEPS.join(', ')}; not ${unknown.join(', ')}`);
  const doing = (step: Step) => !only || only.includes(step);
  if (opts.fresh) {
    await fs.rm(RESULTS, { force: true });
    for (const entry of await fs.readdir(WORK).catch(() => [] as string[])) if (entry !== 'corpus' && entry !== 'cache') await fs.rm(path.join(WORK, entry), { recursive: true, force: true });
  }
  await fs.mkdir(WORK, { recursive: true });

  const model = await loadEmbedder();
  const embedder = await textEmbedder(model);
  try {
    const corpus = await prepareCorpus(embedder);
    const queries = await queriesOf(QUESTION_SETS);
    const heldoutItems = (await readQuestionSet(HELDOUT_SET)).items;
    const previous = await readResults();
    const cpu = os.cpus()[0]?.model ?? 'unknown';
    const results: Results = previous ?? {
      started: new Date().toISOString(),
      machine: { cpu, cores: os.cpus().length, totalRamMb: Math.round(os.totalmem() / 2 ** 20), node: process.version },
      corpus: { real: corpus.stored.length + 1, heldOut: corpus.heldOut.id, replicaOf: 'the Earnings-21/22 calls, in id order, under ids <id>-r<n>' },
      queries: queries.length,
      sizes: [],
    };
    const entry = (size: number, calls: SizeResult['calls']): SizeResult => {
      let r = results.sizes.find((x) => x.size === size);
      if (!r) {
        r = { size, calls };
        results.sizes.push(r);
        results.sizes.sort((a, b) => a.size - b.size);
      }
      return r;
    };
    const libraries = new Map<number, Awaited<ReturnType<typeof prepareLibrary>>>();
    for (const size of sizes) {
      libraries.set(size, await prepareLibrary(size, corpus));
      const lib = libraries.get(size)!;
      entry(size, { real: lib.real, replicas: lib.replicas });
    }
    log(`corpus: ${corpus.stored.length + 1} real calls (held out: ${corpus.heldOut.id}); sizes ${sizes.join(', ')}; load ${load().join(' ')}`);

    // 1. Full builds with an empty cache, largest first: its cache becomes the warm cache of every later step.
    for (const size of [...sizes].reverse()) {
      const r = entry(size, libraries.get(size)!);
      if (!coldSizes.has(size) || r.coldBuild) continue;
      const lib = libraries.get(size)!;
      const dir = path.join(WORK, 'cold-index');
      const cacheDir = path.join(WORK, 'cold-cache');
      await fresh(dir);
      await fresh(cacheDir);
      log(`${size} calls: full build, empty cache (load ${load().join(' ')})`);
      const l = load();
      const libSources = await listTranscripts(lib.dir);
      const [seconds, s] = await timed(() => buildIndex({ sources: libSources, indexDir: dir, embedder, cacheDir }));
      r.coldBuild = { seconds: round(seconds), embedded: s.work.embedded, cached: s.work.cached, load: l };
      r.passages = s.passages;
      r.sentences = s.sentences;
      // The largest library's cache holds every text of every smaller one: it becomes the warm cache.
      if (size === sizes.at(-1)) {
        await fs.rm(CACHE, { recursive: true, force: true });
        await fs.rename(cacheDir, CACHE);
      }
      await fs.rm(dir, { recursive: true, force: true });
      await fs.rm(cacheDir, { recursive: true, force: true });
      await saveResults(results);
    }
    if (!existsSync(CACHE) || !coldSizes.has(sizes.at(-1)!)) {
      log(`filling the warm cache with the ${sizes.at(-1)}-call library's texts (not measured)`);
      const dir = path.join(WORK, 'prime-index');
      await buildIndex({ sources: await listTranscripts(libraries.get(sizes.at(-1)!)!.dir), indexDir: dir, embedder, cacheDir: CACHE });
      await fs.rm(dir, { recursive: true, force: true });
    }

    const added = await heldOutCall(corpus);
    const vectorCache = new Map<string, Float32Array>();
    for (const size of sizes) {
      const r = entry(size, libraries.get(size)!);
      const lib = libraries.get(size)!;
      const indexDir = path.join(WORK, `index-${size}`);
      const sources = await listTranscripts(lib.dir);
      const need = !r.warmBuild || (doing('server') && !r.server) || (doing('search') && (!r.inProcess || !r.heldout || (size === sizes.at(-1) && !r.scope))) || (doing('add') && !r.add);
      if (!need) continue;

      // 2. Full build with the warm cache (also the index every later step of this size reads).
      log(`${size} calls: full build, warm cache (load ${load().join(' ')})`);
      await fs.rm(indexDir, { recursive: true, force: true });
      const l = load();
      const [seconds, built] = await timed(() => buildIndex({ sources, indexDir, embedder, cacheDir: CACHE }));
      r.warmBuild = { seconds: round(seconds), embedded: built.work.embedded, cached: built.work.cached, load: l };
      r.passages = built.passages;
      r.sentences = built.sentences;
      await saveResults(results);

      // 3. The server: cold start, sequential HTTP, peak RSS.
      if (doing('server') && !r.server) {
        log(`${size} calls: server cold start and HTTP (load ${load().join(' ')})`);
        const ls = load();
        const colds: number[] = [];
        for (let i = 0; i < SPAWNS - 1; i++) {
          const first = await startServer(indexDir, lib.dir);
          colds.push(first.seconds);
          await first.server.stop();
        }
        const { server, seconds: lastCold } = await startServer(indexDir, lib.dir);
        colds.push(lastCold);
        const cold = percentile(colds, 50);
        try {
          const latencies: number[] = [];
          for (let round_ = 0; round_ <= rounds; round_++) {
            for (const q of queries) {
              const t0 = performance.now();
              const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}&k=10`);
              await res.arrayBuffer();
              if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${q}`);
              // The first round warms the server up and is not counted.
              if (round_ > 0) latencies.push(performance.now() - t0);
            }
          }
          r.server = { coldStartSeconds: round(cold), http: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), n: latencies.length }, peakRssMb: await peakRssMb(server.child.pid!), load: ls };
        } finally {
          await server.stop();
        }
        await saveResults(results);
      }

      // 4. In process: with and without the model call; the bundled call's held-out set; scopes.
      if (doing('search') && (!r.inProcess || !r.heldout || (size === sizes.at(-1) && !r.scope))) {
        log(`${size} calls: in-process search and held-out R@5 (load ${load().join(' ')})`);
        const service = await openSearchService({ indexDir, sources });
        try {
          const { index } = service.engine;
          const cached = new SearchEngine({
            index,
            directory: directoryOf(index),
            embedQuery: async (t) => {
              let v = vectorCache.get(t);
              if (!v) vectorCache.set(t, (v = (await model.embed([t]))[0]!));
              return v;
            },
          });
          const li = load();
          for (const q of queries) {
            await cached.search({ q, k: 10 });
            await service.engine.search({ q, k: 10 });
          }
          const withModel: number[] = [];
          const withoutModel: number[] = [];
          for (let round_ = 0; round_ < rounds; round_++) {
            for (const q of queries) {
              withModel.push((await timed(() => service.engine.search({ q, k: 10 })))[0] * 1000);
              withoutModel.push((await timed(() => cached.search({ q, k: 10 })))[0] * 1000);
            }
          }
          const stat = (xs: number[]) => ({ p50: round(percentile(xs, 50)), p99: round(percentile(xs, 99)) });
          r.inProcess = { withModel: stat(withModel), withoutModel: stat(withoutModel), n: withModel.length, load: li };

          let r5 = 0;
          let r5Own = 0;
          let r1 = 0;
          let r5Scoped = 0;
          let r1Scoped = 0;
          for (const item of heldoutItems) {
            const res = await cached.search({ q: item.q, k: 10 });
            const holds = (text: string) => holdsAnyGold(text, item.gold);
            const top5 = res.results.slice(0, 5);
            if (top5.some((x) => holds(x.text))) r5++;
            if (top5.some((x) => x.call_id === BUNDLED_ID && holds(x.text))) r5Own++;
            if (res.results[0] && holds(res.results[0].text)) r1++;
            // The same question asked of the call (the `call` filter): the library around it must not cost recall.
            const scoped = await cached.search({ q: item.q, k: 10, call: BUNDLED_ID });
            if (scoped.results.slice(0, 5).some((x) => holds(x.text))) r5Scoped++;
            if (scoped.results[0] && holds(scoped.results[0].text)) r1Scoped++;
          }
          const n = heldoutItems.length;
          r.heldout = { n, r5: round(r5 / n, 3), r5BundledOnly: round(r5Own / n, 3), r1: round(r1 / n, 3), r5CallScoped: round(r5Scoped / n, 3), r1CallScoped: round(r1Scoped / n, 3), load: load() };

          if (size === sizes.at(-1)) {
            // Exact search over a scope of n passages vs the graph filtered to the same passages.
            const dense = new DenseRetriever(index, index.manifest.hnsw.ef_search);
            const query = { text: '', vector: (await model.embed(['free cash flow and capital expenditures']))[0]! };
            r.scope = [];
            for (const n of [100, 1_000, 3_000, 10_000, 30_000].filter((x) => x < index.passages.length)) {
              const step = Math.floor(index.passages.length / n);
              const members = Array.from({ length: n }, (_, i) => i * step);
              const inScope = new Uint8Array(index.passages.length);
              for (const m of members) inScope[m] = 1;
              const plain = (i: number) => inScope[i] === 1;
              const exact = Object.assign((i: number) => inScope[i] === 1, { members });
              const time = (filter: typeof plain) => {
                const xs: number[] = [];
                for (let i = 0; i < 5; i++) {
                  const t0 = performance.now();
                  dense.retrieve(query, 40, filter);
                  xs.push(performance.now() - t0);
                }
                return round(percentile(xs, 50), 3);
              };
              // Above exactScopeMax the retriever takes the graph path whatever it is given: no exact time to report.
              r.scope.push({ passages: n, exactMs: n <= exactScopeMax(index.passages.length) ? time(exact) : NaN, graphMs: time(plain) });
            }
          }
        } finally {
          await service.close();
        }
        await saveResults(results);
      }

      // 5. Adding the held-out call (its texts not in the cache) and removing it again.
      if (doing('add') && !r.add) {
        log(`${size} calls: adding ${corpus.heldOut.id} (load ${load().join(' ')})`);
        const la = load();
        const scratchLib = path.join(WORK, 'one-call-library');
        const scratchIndex = path.join(WORK, 'one-call-index');
        const addCache = path.join(WORK, 'add-cache');
        const runs = { bare: [] as number[], scratch: [] as number[], add: [] as number[], remove: [] as number[] };
        let last: { add: Awaited<ReturnType<typeof addCalls>>; remove: Awaited<ReturnType<typeof removeCalls>> } | null = null;
        const cleanCache = path.join(WORK, 'cache-without-added');
        const dropped = await cacheWithout(CACHE, cleanCache, added.parsed, embedder);
        if (dropped > 0) log(`the warm cache held ${dropped} of ${corpus.heldOut.id}'s texts (an earlier add): measuring against a copy without them`);
        // Interleaved, so a busy moment slows all three alike; every add starts from the warm cache without the call.
        for (let i = 0; i < adds; i++) {
          runs.bare.push(await bareEmbedding(model, added.parsed, embedder));
          await fresh(scratchLib);
          await fs.rm(scratchIndex, { recursive: true, force: true });
          runs.scratch.push((await timed(() => addCalls([added], updateOptions(scratchLib, scratchIndex, embedder, path.join(scratchIndex, 'embeddings')))))[0]);
          await fs.rm(addCache, { recursive: true, force: true });
          await fs.cp(cleanCache, addCache, { recursive: true });
          const [seconds, result] = await timed(() => addCalls([added], updateOptions(lib.dir, indexDir, embedder, addCache)));
          if (!result.build) throw new Error(`adding ${corpus.heldOut.id} failed: ${result.failures.map((f) => f.message).join('; ')}`);
          const [removeSeconds, removed] = await timed(() => removeCalls([corpus.heldOut.id], updateOptions(lib.dir, indexDir, embedder, addCache)));
          runs.add.push(seconds);
          runs.remove.push(removeSeconds);
          last = { add: result, remove: removed };
        }
        const median = (xs: number[]) => round(percentile(xs, 50));
        r.add = {
          call: corpus.heldOut.id,
          seconds: median(runs.add),
          embedded: last!.add.build!.work.embedded,
          cached: last!.add.build!.work.cached,
          graph: last!.add.build!.work.graph,
          bareEmbeddingSeconds: median(runs.bare),
          oneCallBuildSeconds: median(runs.scratch),
          removeSeconds: median(runs.remove),
          removeGraph: last!.remove.build?.work.graph ?? 'none',
          rounds: { add: runs.add.map((x) => round(x)), oneCallBuild: runs.scratch.map((x) => round(x)), bareEmbedding: runs.bare.map((x) => round(x)) },
          load: la,
        };
        await fs.rm(addCache, { recursive: true, force: true });
        await fs.rm(cleanCache, { recursive: true, force: true });
        await fs.rm(scratchLib, { recursive: true, force: true });
        await fs.rm(scratchIndex, { recursive: true, force: true });
        await saveResults(results);
      }
      // Keep the disk tidy: the index of this size is not needed again.
      await fs.rm(indexDir, { recursive: true, force: true });
    }
    results.finished = new Date().toISOString();
    await saveResults(results);
    process.stdout.write(`${report(results)}\n`);
    log(`wrote ${path.relative(process.cwd(), RESULTS)}`);
  } finally {
    await model.close?.();
  }
}

/** Slope of log(y) against log(size): 1 = grows in proportion to the library, 0 = does not grow. */
function slope(rows: { size: number; y: number | undefined }[]): string {
  const pts = rows.filter((r) => r.y !== undefined && r.y > 0 && Number.isFinite(r.y)).map((r) => [Math.log10(r.size), Math.log10(r.y!)] as const);
  if (pts.length < 2) return '–';
  const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const num = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  const den = pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return den === 0 ? '–' : round(num / den, 2).toFixed(2);
}

export function report(r: Results): string {
  const sizes = r.sizes;
  const col = (f: (s: SizeResult) => string | number | undefined) => sizes.map((s) => String(f(s) ?? '–')).join(' | ');
  const row = (label: string, f: (s: SizeResult) => string | number | undefined, y?: (s: SizeResult) => number | undefined) =>
    `| ${label} | ${col(f)} | ${y ? slope(sizes.map((s) => ({ size: s.size, y: y(s) }))) : ''} |`;
  const lines = [
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${(r.machine.totalRamMb / 1024).toFixed(1)} GB, node ${r.machine.node}; ${r.queries} queries; held out (the call added): ${r.corpus.heldOut}`,
    '',
    `| calls | ${col((s) => s.size)} | log-log slope |`,
    `|---|${sizes.map(() => '---|').join('')}---|`,
    row('real calls + replicas', (s) => `${s.calls.real} + ${s.calls.replicas}`),
    row('passages / sentences', (s) => (s.passages ? `${s.passages} / ${s.sentences}` : undefined)),
    row('full build, empty cache (s)', (s) => s.coldBuild?.seconds, (s) => s.coldBuild?.seconds),
    row('  texts embedded', (s) => s.coldBuild?.embedded),
    row('full build, warm cache (s)', (s) => s.warmBuild?.seconds, (s) => s.warmBuild?.seconds),
    row('add one call (s)', (s) => s.add?.seconds, (s) => s.add?.seconds),
    row('  bare embedding of its texts (s)', (s) => s.add?.bareEmbeddingSeconds),
    row('  one-call library from nothing (s)', (s) => s.add?.oneCallBuildSeconds),
    row('  add ÷ one-call build', (s) => (s.add ? round(s.add.seconds / s.add.oneCallBuildSeconds) : undefined)),
    // Each round's add and one-call build run back to back: on a shared machine their ratio drifts less than the medians'.
    row('  add ÷ one-call build, median of the rounds', (s) => (s.add?.rounds ? round(percentile(s.add.rounds.add.map((a, i) => a / s.add!.rounds!.oneCallBuild[i]!), 50)) : undefined)),
    row('remove it again (s)', (s) => s.add?.removeSeconds, (s) => s.add?.removeSeconds),
    row('  load average at the add (1 min)', (s) => s.add?.load[0]),
    row('cold start → first answer (s)', (s) => s.server?.coldStartSeconds, (s) => s.server?.coldStartSeconds),
    row('peak RSS, server (MB)', (s) => s.server?.peakRssMb, (s) => s.server?.peakRssMb),
    row('HTTP p50 / p99 (ms)', (s) => (s.server ? `${s.server.http.p50} / ${s.server.http.p99}` : undefined), (s) => s.server?.http.p50),
    row('in process p50 / p99 (ms)', (s) => (s.inProcess ? `${s.inProcess.withModel.p50} / ${s.inProcess.withModel.p99}` : undefined), (s) => s.inProcess?.withModel.p50),
    row('  without the model call', (s) => (s.inProcess ? `${s.inProcess.withoutModel.p50} / ${s.inProcess.withoutModel.p99}` : undefined), (s) => s.inProcess?.withoutModel.p50),
    row('held-out R@5 (any call / bundled call only)', (s) => (s.heldout ? `${s.heldout.r5} / ${s.heldout.r5BundledOnly}` : undefined)),
    row('held-out R@5 / R@1 asked of the call (`call` filter)', (s) => (s.heldout?.r5CallScoped !== undefined ? `${s.heldout.r5CallScoped} / ${s.heldout.r1CallScoped}` : undefined)),
    row('load average during (1 min)', (s) => s.server?.load[0] ?? s.warmBuild?.load[0]),
  ];
  const scope = sizes.at(-1)?.scope;
  if (scope?.length) {
    lines.push('', `Scope of n passages at ${sizes.at(-1)!.size} calls, dense top 40: exact (ms) vs HNSW filtered to the scope (ms)`);
    lines.push(`| n | ${scope.map((x) => x.passages).join(' | ')} |`, `|---|${scope.map(() => '---|').join('')}`);
    lines.push(`| exact | ${scope.map((x) => (x.exactMs == null || Number.isNaN(x.exactMs) ? '(graph path)' : x.exactMs)).join(' | ')} |`, `| HNSW filtered | ${scope.map((x) => x.graphMs).join(' | ')} |`);
  }
  return lines.join('\n');
}

export const program = new Command()
  .name('bench:scale')
  .description('Build, add, start, memory, latency and recall at 1, 10, 100 and 1,000 calls (writes bench-results/scale.json).')
  .option('--sizes <list>', 'library sizes, comma-separated', '1,10,100,1000')
  .option('--cold-sizes <list>', 'sizes whose build with an empty cache is measured (default: all)')
  .option('--rounds <n>', 'rounds of the query set per latency measurement', '3')
  .option('--only <steps>', `measure only these steps after the warm build (${STEPS.join(', ')})`)
  .option('--adds <n>', 'times the add (and the one-call build beside it) is repeated; the median is reported', '3')
  .option('--fresh', 'discard saved measurements (the corpus and the warm cache are kept)')
  .action(async (opts: Options) => main(opts));

if (isEntryModule(import.meta.url)) runCommand(program);
