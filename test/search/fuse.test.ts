import { describe, expect, it } from 'vitest';
import { companyGroups, reciprocalRankFusion, RRF_C, takingTurns } from '../../src/search/fuse.js';
import type { Company } from '../../src/search/interpret/companies.js';
import { comparedCompanies } from '../../src/search/interpret/query-plan.js';

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

describe('takingTurns', () => {
  const ranked = list(1, 2, 3, 4, 5, 6);
  const group = (c: { index: number }) => (c.index <= 4 ? 'a' : 'b');
  it("each group's best in turn, in the order the groups first appear; every candidate kept once", () => {
    expect(takingTurns(ranked, group).map((c) => c.index)).toEqual([1, 5, 2, 6, 3, 4]);
    expect(takingTurns(list(6, 1, 2), group).map((c) => c.index)).toEqual([6, 1, 2]);
  });
  it('one group: the ranking unchanged', () => {
    expect(takingTurns(ranked, () => 'a')).toEqual(ranked);
    expect(takingTurns([], group)).toEqual([]);
  });
  it('companyGroups: the named company whose calls hold the passage, else the call itself', () => {
    const of = companyGroups(
      [
        { key: 'amzn', callIds: new Set(['amzn-q3', 'amzn-q4']) },
        { key: 'hsy', callIds: new Set(['hsy-q3']) },
      ],
      (i) => ['amzn-q3', 'hsy-q3', 'amzn-q4', 'other'][i]!,
    );
    expect([0, 1, 2, 3].map((index) => of({ index }))).toEqual(['amzn', 'hsy', 'amzn', 'other']);
  });
});

describe('comparedCompanies', () => {
  const company = (key: string, ...calls: string[]) => ({ key, callIds: new Set(calls) }) as unknown as Company;
  it('one group per name the question says, with the calls of every company that name matched', () => {
    const argos = { companies: [{ company: company('argos', 'argos-q1'), matched: 'Argos' }, { company: company('cmtoy', 'cmtoy-q2'), matched: 'Argos' }] };
    expect(comparedCompanies(argos)).toBeNull();
    const two = comparedCompanies({ companies: [...argos.companies, { company: company('hsy', 'hsy-q3'), matched: 'Hershey' }] });
    expect(two?.map((g) => [g.key, [...g.callIds]])).toEqual([
      ['argos', ['argos-q1', 'cmtoy-q2']],
      ['hershey', ['hsy-q3']],
    ]);
    expect(comparedCompanies({ companies: [] })).toBeNull();
  });
});
