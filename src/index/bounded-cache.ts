/**
 * A memo of at most `capacity` entries, for values a loaded index computes on first use and reads
 * again query after query (a word's expansions, a term's champion list, a sentence's facts).
 * Past capacity the oldest entry goes: the least recently read with `refresh`, else the first
 * computed (cheaper on paths that read thousands of entries a query).
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    private readonly capacity: number,
    private readonly refresh = false,
  ) {}

  /** The value for `key`, computed by `compute` and kept on the first read. */
  get(key: K, compute: (key: K) => V): V {
    const found = this.entries.get(key);
    if (found !== undefined || this.entries.has(key)) {
      if (this.refresh) {
        this.entries.delete(key);
        this.entries.set(key, found as V);
      }
      return found as V;
    }
    const value = compute(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
