import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConversionRecord } from '../../src/model/convert.js';
import { DEFAULT_QUANTIZED, loadEmbedder, modelChecksum, modelIdFor, onnxFileFor, type Embedder } from '../../src/model/embedder.js';
import { MODEL_DIR } from '../../src/model/model-files.js';
import { env } from '@xenova/transformers';

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

let embedder: Embedder;

beforeAll(async () => {
  embedder = await loadEmbedder();
});

afterAll(async () => {
  await embedder?.close?.();
});

describe('loadEmbedder', () => {
  it('runs transformers.js offline from the local model folder', () => {
    expect(env.allowRemoteModels).toBe(false);
    expect(env.allowLocalModels).toBe(true);
    expect(env.useBrowserCache).toBe(false);
    expect(embedder.modelId).toBe(modelIdFor(DEFAULT_QUANTIZED));
    expect(embedder.dimensions).toBe(384);
    expect(embedder.maxTokens).toBe(256);
    expect(embedder.quantized).toBe(DEFAULT_QUANTIZED);
  });

  it('counts tokens including [CLS] and [SEP], without truncating', () => {
    expect(embedder.countTokens('')).toBe(2);
    expect(embedder.countTokens('Trainium')).toBeGreaterThan(2);
    expect(embedder.countTokens('word '.repeat(400))).toBe(402);
  });

  it('embeds an empty list without calling the model', async () => {
    expect(await embedder.embed([])).toEqual([]);
  });

  it('gives the same vectors in a batch, one by one, and from concurrent callers', async () => {
    const texts = ['AWS grew 20% year over year.', 'Prime Video ads', 'What is the capex outlook for 2026?'];
    const batched = await embedder.embed(texts);
    const concurrent = await Promise.all(texts.map((t) => embedder.embedOne(t)));
    batched.forEach((v, i) => {
      expect(v).toBeInstanceOf(Float32Array);
      expect(dot(v, concurrent[i]!)).toBeGreaterThan(0.99999);
    });
    // Different texts really are different vectors.
    expect(dot(batched[0]!, batched[1]!)).toBeLessThan(0.9);
  });

  it('shares one model between handles; closing one leaves the other usable', async () => {
    const second = await loadEmbedder();
    await second.close?.();
    await expect(second.embedOne('x')).rejects.toThrow(/closed/);
    expect(await embedder.embedOne('still works')).toHaveLength(384);
  });
});

describe('modelChecksum', () => {
  it('is the sha256 of the ONNX file in use, as recorded by the conversion', async () => {
    const expected = createHash('sha256').update(readFileSync(onnxFileFor(false))).digest('hex');
    expect(await modelChecksum({ quantized: false })).toBe(expected);
    expect(await modelChecksum({ quantized: false })).toBe(expected); // cached
    const record = await readConversionRecord(MODEL_DIR);
    expect(record?.outputs['onnx/model.onnx']?.sha256).toBe(expected);
    expect(await modelChecksum({ quantized: true })).not.toBe(expected);
  });
});
