/**
 * How sentence vectors are stored: float32 as the model gave them, float16, or int8 with one
 * scale per vector (v ≈ scale · q, q in −127…127, the scale making scale · q unit length, so a
 * dot product is a cosine). README "Memory" says which one is used and why.
 * Node 20 has no Float16Array, so half floats are converted here.
 */
export const VECTOR_FORMATS = ['f32', 'f16', 'int8'] as const;
export type VectorFormat = (typeof VECTOR_FORMATS)[number];

export interface EncodedVectors {
  format: VectorFormat;
  data: Float32Array | Uint16Array | Int8Array;
  /** int8 only: per-row scale. */
  scales: Float32Array | null;
}

export function encodeVectors(rows: Float32Array, dim: number, format: VectorFormat): EncodedVectors {
  const count = rows.length / dim;
  if (format === 'f32') return { format, data: rows, scales: null };
  if (format === 'f16') {
    const data = new Uint16Array(rows.length);
    for (let i = 0; i < rows.length; i++) data[i] = toHalf(rows[i]!);
    return { format, data, scales: null };
  }
  const data = new Int8Array(rows.length);
  const scales = new Float32Array(count);
  for (let r = 0; r < count; r++) {
    const off = r * dim;
    let max = 0;
    for (let i = 0; i < dim; i++) max = Math.max(max, Math.abs(rows[off + i]!));
    if (max === 0) continue;
    let norm = 0;
    for (let i = 0; i < dim; i++) {
      const q = Math.round((rows[off + i]! * 127) / max);
      data[off + i] = q;
      norm += q * q;
    }
    scales[r] = 1 / Math.sqrt(norm);
  }
  return { format, data, scales };
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE 754 binary16 of a float, rounded to nearest even. */
export function toHalf(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rest > mid || (rest === mid && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  return sign | half;
}

let halfTable: Float32Array | null = null;
/** binary16 → float, by table (65,536 entries, built on first use). */
export function halfToFloatTable(): Float32Array {
  if (halfTable) return halfTable;
  const t = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >>> 10) & 0x1f;
    const mant = h & 0x3ff;
    if (exp === 0) t[h] = sign * mant * 2 ** -24;
    else if (exp === 0x1f) t[h] = mant ? NaN : sign * Infinity;
    else t[h] = sign * (1 + mant / 1024) * 2 ** (exp - 15);
  }
  halfTable = t;
  return t;
}
