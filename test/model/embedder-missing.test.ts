import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Point the model folder somewhere empty: loading must fail with instructions, not a stack
// of transformers.js internals, and must not try the network.
vi.mock('../../src/model/model-files.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/model/model-files.js')>();
  const MODELS_DIR = path.join(os.tmpdir(), `no-models-here-${process.pid}`);
  return { ...original, MODELS_DIR, MODEL_DIR: path.join(MODELS_DIR, original.MODEL_NAME) };
});

describe('loadEmbedder without the model folder', () => {
  it('tells the user to run npm install / npm run prepare-model', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { loadEmbedder } = await import('../../src/model/embedder.js');
    await expect(loadEmbedder()).rejects.toThrow(/npm install.*npm run prepare-model/);
    await expect(loadEmbedder({ quantized: true })).rejects.toThrow(/model_quantized\.onnx/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
