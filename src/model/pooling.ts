/**
 * Mean over the unmasked tokens, then L2 normalisation: the arithmetic of transformers.js'
 * `mean_pooling(...).normalize(2, -1)` step for step (per dimension, token sums in float64 in
 * token order, the norm accumulated in float32, results rounded to float32), so the vectors are
 * bit-identical, but over the raw arrays: transformers.js reads every element through a Proxy,
 * which cost more than the model itself for a batch of short queries. Tokens are visited in
 * memory order (row by row of the hidden state) and padding is skipped: a padded token adds
 * x · 0 = 0 to each sum, so skipping it changes no bit.
 */
export function meanPoolNormalize(hidden: Float32Array, mask: BigInt64Array, rows: number, seq: number, dims: number): Float32Array {
  const out = new Float32Array(rows * dims);
  const sum = new Float64Array(dims);
  for (let r = 0; r < rows; r++) {
    sum.fill(0);
    let count = 0;
    for (let j = 0; j < seq; j++) {
      if (mask[r * seq + j] === 0n) continue;
      count++;
      const at = (r * seq + j) * dims;
      for (let k = 0; k < dims; k++) sum[k] = sum[k]! + hidden[at + k]!;
    }
    const row = r * dims;
    for (let k = 0; k < dims; k++) out[row + k] = sum[k]! / count;
    let norm = 0;
    for (let k = 0; k < dims; k++) norm = Math.fround(norm + out[row + k]! ** 2);
    norm = Math.fround(norm ** (1 / 2));
    for (let k = 0; k < dims; k++) out[row + k] = out[row + k]! / norm;
  }
  return out;
}
