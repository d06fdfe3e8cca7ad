/**
 * Runtime sentence embedder: all-MiniLM-L6-v2, strictly from the local model folder built by
 * `npm install` (scripts/prepare-model.ts). Never touches the network.
 *
 * Vectors are mean-pooled over the attention mask and L2-normalised (cosine = dot product).
 * Texts over 256 tokens are truncated to [CLS] + 254 tokens + [SEP], as sentence-transformers does.
 * fp32 (`onnx/model.onnx`) is the reference and the default; int8 (`onnx/model_quantized.onnx`) is
 * offered (DEFAULT_QUANTIZED; see scripts/compare-weights.ts).
 *
 * The parts, one job each: weights.ts (which file, its checksum), tokenize.ts (texts → token ids,
 * in this process), model-process.ts (the process the session runs in, restarted if it dies),
 * model-process-entry.ts + session.ts (the session in that process), pooling.ts (mean pooling).
 * One model process per weights is shared by every handle in this process; calls are served one
 * at a time in arrival order. It loads the session while this process loads everything else.
 */
import type { PreTrainedTokenizer } from '@xenova/transformers';
import { EMBEDDING_DIMENSIONS, MODEL_MAX_TOKENS } from './model-files.js';
import { ModelUnavailableError } from './model-errors.js';
import { ModelProcess, type ModelStatus } from './model-process.js';
import { sessionSettings } from './session.js';
import { countTokens, encodeBatch, loadModelTokenizer } from './tokenize.js';
import { assertModelPresent, DEFAULT_QUANTIZED, modelIdFor, onnxFileFor, type LoadEmbedderOptions } from './weights.js';

export { DEFAULT_QUANTIZED, modelChecksum, modelIdFor, onnxFileFor, quantizedFromEnv, type LoadEmbedderOptions } from './weights.js';
export { meanPoolNormalize } from './pooling.js';
export type { ModelState, ModelStatus } from './model-process.js';

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
  /** The model process's state (loading, ready, restarting, failed, closed) and its restarts. */
  status(): ModelStatus;
  /** Why a text would be refused now (model loading, restarting, failed, closed), or null when it is ready. */
  unavailable(): ModelUnavailableError | null;
  /** Release this handle; the shared model (and its process) is freed with the last one. */
  close?(): Promise<void>;
}

interface SharedModel {
  proc: ModelProcess;
  tokenizer: PreTrainedTokenizer;
  refs: number;
}

const shared = new Map<boolean, Promise<SharedModel>>();

/** Start loading the shared model (process, session, tokenizer) without taking a handle. */
function load(quantized: boolean): Promise<SharedModel> {
  let p = shared.get(quantized);
  if (!p) {
    assertModelPresent(quantized);
    const proc = new ModelProcess({ onnxFile: onnxFileFor(quantized), settings: sessionSettings() });
    p = Promise.all([proc.ready, loadModelTokenizer()]).then(
      ([, tokenizer]) => ({ proc, tokenizer, refs: 0 }),
      async (err: unknown) => {
        await proc.close();
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
    // The last holder may have closed it while we waited, or its process gave up: load afresh.
    if (shared.get(quantized) !== p) continue;
    if (model.proc.state === 'failed' || model.proc.state === 'closed') {
      shared.delete(quantized);
      continue;
    }
    model.refs++;
    return model;
  }
}

/**
 * The model process serving these weights to this process, if loaded: what a test kills to see
 * it restarted, and what an operator tool would recycle.
 */
export async function sharedModelProcess(opts: LoadEmbedderOptions = {}): Promise<ModelProcess | null> {
  const p = shared.get(opts.quantized ?? DEFAULT_QUANTIZED);
  return p ? (await p.catch(() => null))?.proc ?? null : null;
}

export async function loadEmbedder(opts: LoadEmbedderOptions = {}): Promise<Embedder> {
  const quantized = opts.quantized ?? DEFAULT_QUANTIZED;
  const model = await acquire(quantized);
  const { proc, tokenizer } = model;
  let closed = false;

  const embed = async (texts: string[]): Promise<Float32Array[]> => {
    if (closed) throw new Error('embedder is closed');
    if (texts.length === 0) return [];
    const { data, rows, dims } = await proc.run(encodeBatch(tokenizer, texts));
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
    countTokens: (text) => countTokens(tokenizer, text),
    status: () => proc.status(),
    unavailable: () => (closed ? new ModelUnavailableError('closed', 'embedder is closed', null) : proc.unavailable()),
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await proc.whenIdle();
      if (--model.refs === 0) {
        const current = await shared.get(quantized)?.catch(() => undefined);
        if (current !== model || model.refs !== 0) return;
        shared.delete(quantized);
        await proc.close();
      }
    },
  };
}

/**
 * Stop every model process this process started, whoever holds it (the calls in progress are
 * let finish): what a process awaits before it exits, so no model process outlives it.
 */
export async function closeAllModels(): Promise<void> {
  const models = [...shared.values()];
  shared.clear();
  await Promise.all(models.map(async (p) => (await p.catch(() => null))?.proc.close()));
}
