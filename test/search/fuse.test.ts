import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion, RRF_C } from '../../src/search/fuse.js';

const list = (...indices: number[]) => indices.map((index, i) => ({ index, score: 100 - i }));

describe('reciprocalRankFusion', () => {
  it('scores by rank, not by raw score', () => {
    const fused = reciprocalRankFusion([{ candidates: [{ index: 1, score: 1e9 }, { index: 2, score: 1 }] }]);
    expect(fused.map((c) => c.index)).toEqual([1, 2]);
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_C + 1));
    expect(fused[1]!.score).toBeCloseTo(1 / (RRF_C + 2));
  });

  it('a passage both lists like beats one only a single list puts first', () => {
    const fused = reciprocalRankFusion([{ candidates: list(7, 3, 9) }, { candidates: list(5, 3, 8) }]);
    expect(fused[0]!.index).toBe(3);
  });

  it('sums contributions and includes every candidate once', () => {
    const fused = reciprocalRankFusion([{ candidates: list(1, 2) }, { candidates: list(2, 3) }]);
    expect(fused.map((c) => c.index).sort()).toEqual([1, 2, 3]);
    expect(fused.find((c) => c.index === 2)!.score).toBeCloseTo(1 / (RRF_C + 2) + 1 / (RRF_C + 1));
  });

  it('weights scale a list’s say', () => {
    const fused = reciprocalRankFusion([
      { candidates: list(1), weight: 1 },
      { candidates: list(2), weight: 3 },
    ]);
    expect(fused.map((c) => c.index)).toEqual([2, 1]);
  });

  it('breaks ties deterministically by passage position', () => {
    const fused = reciprocalRankFusion([{ candidates: list(4) }, { candidates: list(2) }]);
    expect(fused.map((c) => c.index)).toEqual([2, 4]);
  });

  it('handles empty input', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(reciprocalRankFusion([{ candidates: [] }])).toEqual([]);
  });
});
