/** Seeded choices for tests that sample a larger space (fuzz requests, the fault matrix): same seed, same picks. */

/** mulberry32: small, seedable, good enough to pick cases. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` distinct items of `items`, chosen by `seed`, in their original order. */
export function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  const rnd = prng(seed);
  const order = items.map((item, i) => ({ item, i, key: rnd() }));
  return order
    .sort((a, b) => a.key - b.key)
    .slice(0, Math.min(n, items.length))
    .sort((a, b) => a.i - b.i)
    .map((x) => x.item);
}
