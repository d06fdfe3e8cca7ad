/** Dot product of `a` with the `dim`-long row `row` of a packed matrix; vectors are unit length, so this is cosine. */
export function dotRow(a: Float32Array, matrix: Float32Array, row: number, dim: number): number {
  let s = 0;
  const off = row * dim;
  for (let i = 0; i < dim; i++) s += a[i]! * matrix[off + i]!;
  return s;
}
