/**
 * Embedding a build's texts: each distinct text once, from the embedding cache when it has been
 * embedded before with these weights, by the model otherwise (and then added to the cache, batch
 * by batch, so a build killed midway keeps what it paid for).
 */
import { throwIfInterrupted } from './build-interrupt.js';
import type { TextEmbedder } from './embedder-port.js';
import { embeddingKey, type EmbeddingCache } from './embedding-cache.js';

export interface EmbedTextsOptions {
  embedder: TextEmbedder;
  cache: EmbeddingCache;
  /** false: embed every text anew (the cache is still written). */
  readCache: boolean;
  /** Texts per model call. */
  batchSize: number;
  /** Rows done so far (cached rows count at once). */
  report: (done: number) => void;
  /** Checked before each model call: a fired signal stops the build (BuildInterruptedError). */
  signal?: AbortSignal;
}

export interface EmbedCounts {
  /** Distinct texts the model embedded. */
  embedded: number;
  /** Distinct texts found in the cache. */
  cached: number;
}

/**
 * Embed `texts` into one row-major Float32Array, in the order given. The model pads every text of
 * a call to the longest one, so the texts it has to embed go shortest first and are written back
 * to their own rows: the vectors are the same (a text's vector does not depend on its batch
 * companions), the padding is not paid.
 */
export async function embedTexts(texts: readonly string[], opts: EmbedTextsOptions, counts: EmbedCounts = { embedded: 0, cached: 0 }): Promise<Float32Array> {
  const { embedder, cache } = opts;
  const dim = embedder.dimensions;
  const out = new Float32Array(texts.length * dim);
  const rowsOf = new Map<string, number[]>();
  texts.forEach((t, i) => {
    const rows = rowsOf.get(t);
    if (rows) rows.push(i);
    else rowsOf.set(t, [i]);
  });
  const distinct = [...rowsOf.keys()];
  const keys = distinct.map((t) => embeddingKey(embedder.checksum, t));
  const found = opts.readCache ? cache.lookup(keys) : distinct.map(() => null);
  let done = 0;
  const missing: number[] = [];
  found.forEach((vector, d) => {
    if (!vector) {
      missing.push(d);
      return;
    }
    for (const row of rowsOf.get(distinct[d]!)!) out.set(vector, row * dim);
    done += rowsOf.get(distinct[d]!)!.length;
  });
  counts.cached += distinct.length - missing.length;
  opts.report(done);
  const tokens = new Map(missing.map((d) => [d, embedder.countTokens(distinct[d]!)]));
  missing.sort((a, b) => tokens.get(a)! - tokens.get(b)! || a - b);
  for (let i = 0; i < missing.length; i += opts.batchSize) {
    throwIfInterrupted(opts.signal);
    const batch = missing.slice(i, i + opts.batchSize);
    const vectors = await embedder.embed(batch.map((d) => distinct[d]!));
    batch.forEach((d, j) => {
      for (const row of rowsOf.get(distinct[d]!)!) out.set(vectors[j]!, row * dim);
      done += rowsOf.get(distinct[d]!)!.length;
    });
    cache.append(batch.map((d, j) => ({ key: keys[d]!, vector: vectors[j]! })));
    counts.embedded += batch.length;
    opts.report(done);
  }
  return out;
}
