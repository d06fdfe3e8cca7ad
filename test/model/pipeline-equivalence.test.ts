import { readFileSync } from 'node:fs';
import { env, pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEmbedder, type Embedder } from '../../src/model/embedder.js';
import { MODEL_NAME, MODELS_DIR } from '../../src/model/model-files.js';
import { BUNDLED_CALL } from '../helpers/paths.js';

/**
 * The embedder runs the session on its own thread and pools by hand for speed; its vectors
 * must be what transformers.js' own feature-extraction pipeline (mean pooling, normalize)
 * gives for the same model folder, for both weights.
 */
const source = readFileSync(BUNDLED_CALL, 'utf8');
const TEXTS = [
  'what did Jassy say about Trainium',
  'Thank you.',
  source.slice(source.indexOf("We've landed over 1.4 million"), source.indexOf('Trainium2 chips') + 300),
  source.slice(source.indexOf('Moving on to our segment results.'), source.indexOf('Moving on to our segment results.') + 500),
];

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/**
 * pipeline() with its declared generic signature: checking a call against it costs tsc several
 * seconds (the task → pipeline type map), so the test calls it through this narrower type.
 */
const featureExtraction = pipeline as (task: 'feature-extraction', model: string, options: { quantized: boolean; local_files_only: boolean }) => Promise<unknown>;

const handles: Embedder[] = [];
afterAll(async () => {
  for (const h of handles) await h.close?.();
});

describe.each([false, true])('embedder vs the transformers.js pipeline (quantized: %s)', (quantized) => {
  it('gives the same unit vectors', async () => {
    env.allowRemoteModels = false;
    env.localModelPath = MODELS_DIR;
    const extractor = (await featureExtraction('feature-extraction', MODEL_NAME, { quantized, local_files_only: true })) as FeatureExtractionPipeline;
    const ours = await loadEmbedder({ quantized });
    handles.push(ours);
    const mine = await ours.embed(TEXTS);
    for (const [i, text] of TEXTS.entries()) {
      const theirs = (await extractor(text, { pooling: 'mean', normalize: true })).data as Float32Array;
      expect(theirs.length).toBe(mine[i]!.length);
      expect(dot(theirs, mine[i]!), text.slice(0, 40)).toBeGreaterThan(0.99999);
    }
    await extractor.dispose();
  });
});
