import type { StoredVectors } from '../../index/load.js';
import { halfToFloatTable } from '../../index/vector-codec.js';

/** Dot product of `a` with the `dim`-long row `row` of a packed matrix; vectors are unit length, so this is cosine. */
export function dotRow(a: Float32Array, matrix: Float32Array, row: number, dim: number): number {
  let s = 0;
  const off = row * dim;
  for (let i = 0; i < dim; i++) s += a[i]! * matrix[off + i]!;
  return s;
}

/** Sentence vectors as stored (float32, float16 or int8 with a per-row scale), read as cosines. */
export class SentenceVectors {
  private readonly half: Float32Array | null;

  constructor(
    private readonly stored: StoredVectors,
    readonly dimensions: number,
  ) {
    this.half = stored.format === 'f16' ? halfToFloatTable() : null;
  }

  /** Cosine between a unit-length query and sentence `row`. */
  dot(query: Float32Array, row: number): number {
    const dim = this.dimensions;
    const off = row * dim;
    const { data, scales } = this.stored;
    let s = 0;
    if (this.half) {
      const h = this.half;
      const d = data as Uint16Array;
      for (let i = 0; i < dim; i++) s += query[i]! * h[d[off + i]!]!;
      return s;
    }
    for (let i = 0; i < dim; i++) s += query[i]! * data[off + i]!;
    return scales ? s * scales[row]! : s;
  }

  /** Cosine between two sentences. */
  similarity(a: number, b: number): number {
    const dim = this.dimensions;
    const { data, scales } = this.stored;
    let s = 0;
    if (this.half) {
      const h = this.half;
      const d = data as Uint16Array;
      for (let i = 0; i < dim; i++) s += h[d[a * dim + i]!]! * h[d[b * dim + i]!]!;
      return s;
    }
    for (let i = 0; i < dim; i++) s += data[a * dim + i]! * data[b * dim + i]!;
    return scales ? s * scales[a]! * scales[b]! : s;
  }
}
