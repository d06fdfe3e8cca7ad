import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/index/bounded-cache.js';

describe('BoundedCache', () => {
  it('computes a value once and keeps it, falsy values included', () => {
    const cache = new BoundedCache<string, boolean | null>(4);
    let calls = 0;
    const compute = (k: string) => (calls++, k === 'yes' ? true : k === 'no' ? false : null);
    expect([cache.get('yes', compute), cache.get('no', compute), cache.get('none', compute)]).toEqual([true, false, null]);
    expect([cache.get('yes', compute), cache.get('no', compute), cache.get('none', compute)]).toEqual([true, false, null]);
    expect(calls).toBe(3);
  });

  it('past capacity drops the first computed, or with refresh the least recently read', () => {
    for (const refresh of [false, true]) {
      const cache = new BoundedCache<number, number>(2, refresh);
      let calls = 0;
      const compute = (k: number) => (calls++, k * 10);
      cache.get(1, compute);
      cache.get(2, compute);
      cache.get(1, compute); // read again
      cache.get(3, compute); // evicts 1 (first computed) or 2 (least recently read)
      calls = 0;
      cache.get(refresh ? 1 : 2, compute);
      expect(calls, `refresh ${refresh}`).toBe(0);
      expect(cache.size).toBe(2);
    }
  });
});
