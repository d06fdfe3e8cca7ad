/**
 * The onnxruntime session: how it is opened (threads, memory) and one model call on it (token
 * ids in, pooled unit vectors out). Runs in the model process (see model-process.ts): onnxruntime-node
 * runs a session synchronously on the calling thread.
 */
import os from 'node:os';
import type { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-node';
import { onnxRuntime } from './onnxruntime.js';
import { meanPoolNormalize } from './pooling.js';
import type { ModelInputs } from './tokenize.js';

export interface SessionSettings {
  /** onnxruntime intra-op threads. */
  threads: number;
  /**
   * onnxruntime's CPU arena and memory patterns (both on by default). Measured (150 model calls of
   * mixed length, one thread, load ≈ 6–10): with the arena off, memory goes back to malloc, which
   * keeps it anyway (RSS +48 MB at ≤ 8 texts per call, +248 MB at ≤ 32) and runs no faster; with
   * it on, +26 / +137 MB. What bounds memory is the size of one call (rows × length; the attention
   * scores alone grow with rows × length²), which the micro-batcher caps (DEFAULT_MAX_BATCH_TOKENS).
   * ORT_MEM_ARENA=0 / ORT_MEM_PATTERN=0 turn them off, for measurements.
   */
  memArena: boolean;
  memPattern: boolean;
}

/**
 * Intra-op threads: one per core but one, so the event loop (HTTP, search) keeps a core of its
 * own while the model runs; at least one. EMBEDDER_THREADS overrides it (0: onnxruntime's own
 * choice, one per physical core) for measurements.
 */
export function defaultThreads(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.EMBEDDER_THREADS;
  if (set !== undefined && set !== '') {
    const n = Number(set);
    if (Number.isInteger(n) && n >= 0 && n <= 256) return n;
  }
  return Math.max(1, os.availableParallelism() - 1);
}

/** Settings from the environment: EMBEDDER_THREADS, ORT_MEM_ARENA=0, ORT_MEM_PATTERN=0 (measurements only). */
export function sessionSettings(env: NodeJS.ProcessEnv = process.env): SessionSettings {
  return { threads: defaultThreads(env), memArena: env.ORT_MEM_ARENA !== '0', memPattern: env.ORT_MEM_PATTERN !== '0' };
}

/** Open the ONNX file (onnxruntime reads it: no 90 MB copy on the JS heap). */
export function openSession(file: string, settings: SessionSettings): Promise<InferenceSession> {
  return onnxRuntime().InferenceSession.create(file, {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: settings.threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    enableCpuMemArena: settings.memArena,
    enableMemPattern: settings.memPattern,
  });
}

export interface Embedded {
  /** rows × dims, row-major, each row unit length. */
  data: Float32Array;
  rows: number;
  dims: number;
}

/** One model call: the session on the token ids, then pooling. */
export async function runSession(session: InferenceSession, inputs: ModelInputs): Promise<Embedded> {
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
