/**
 * A brand or unit named instead of its company: a topic word that is no English word and that only
 * one company's passages hold picks that company (its calls then lead the results).
 */
import { describe, expect, it } from 'vitest';
import { lexicalTokens } from '../../../src/index/lexical-tokens.js';
import { brandCompany, BRAND_MAX_PASSAGES, describedCompany, fromPreferredCalls, preferCalls, soleCompany } from '../../../src/search/retrieve/brand.js';

/** A keyword index over invented passages (word → passages holding it; passage → its company), as brandCompany reads it. */
function library(postings: Record<string, number[]>, companies: string[]) {
  const byTerm = new Map(Object.entries(postings).map(([w, ps]) => [lexicalTokens(w)[0]!, ps]));
  return (term: string) => soleCompany(byTerm.get(term) ?? [], (i) => companies[i]!);
}

// Passages 0–3 are Tallis Freight's, 4–7 Orvane Telecom's.
const COMPANIES = ['tlft', 'tlft', 'tlft', 'tlft', 'orv', 'orv', 'orv', 'orv'];

describe('brandCompany', () => {
  const index = library(
    { Kestrix: [0, 2, 3], Orvanet: [4, 6], freight: [0, 1, 2, 5], Sola: [1], Brandwell: [2, 5], lockers: [1, 3] },
    COMPANIES,
  );

  it('a word only one company says, and no English word, names that company, however it is typed', () => {
    expect(brandCompany('Kestrix lockers rollout', index)).toEqual({ company: 'tlft', matched: 'Kestrix' });
    expect(brandCompany('how is orvanet 5g doing', index)).toEqual({ company: 'orv', matched: 'orvanet' });
  });

  it('no company when the word is English, said by two companies, said once, or absent', () => {
    // "lockers" is an English word, however few passages hold it.
    expect(brandCompany('lockers rollout', index)).toBeNull();
    expect(brandCompany('Brandwell margins', index)).toBeNull();
    expect(brandCompany('Sola margins', index)).toBeNull();
    expect(brandCompany('Zyqqo margins', index)).toBeNull();
  });

  it("two brands of different companies name neither; two of one company's name it", () => {
    expect(brandCompany('Kestrix versus Orvanet', index)).toBeNull();
    expect(brandCompany('Kestrix and Kestrix lockers', index)?.company).toBe('tlft');
  });

  it('a word in more passages than a brand would be is not one', () => {
    const many = Array.from({ length: BRAND_MAX_PASSAGES + 1 }, () => 0);
    expect(brandCompany('Kestrix', library({ Kestrix: many }, COMPANIES))).toBeNull();
  });
});

describe('preferCalls', () => {
  it('puts the candidates from the given calls first, each side keeping its order', () => {
    const callOf = (i: number) => (i % 2 === 0 ? 'even-call' : 'odd-call');
    const ranked = [5, 2, 7, 4, 1].map((index, r) => ({ index, score: 10 - r }));
    expect(preferCalls(ranked, new Set(['even-call']), callOf).map((c) => c.index)).toEqual([2, 4, 5, 7, 1]);
    expect(preferCalls(ranked, new Set(['none']), callOf).map((c) => c.index)).toEqual([5, 2, 7, 4, 1]);
  });
});

describe('fromPreferredCalls (the top answer when a brand names its company)', () => {
  const callOf = (x: { call: string }) => x.call;
  const results = [{ id: 1, call: 'ferr-q4' }, { id: 2, call: 'sppi-q4' }, { id: 3, call: 'sppi-q3' }];
  it("keeps the brand's company's results when it has any", () => {
    expect(fromPreferredCalls(results, new Set(['sppi-q4', 'sppi-q3']), callOf).map((r) => r.id)).toEqual([2, 3]);
  });
  it('keeps every result when it has none, or no brand was named', () => {
    expect(fromPreferredCalls(results, new Set(['other']), callOf).map((r) => r.id)).toEqual([1, 2, 3]);
    expect(fromPreferredCalls(results, undefined, callOf).map((r) => r.id)).toEqual([1, 2, 3]);
  });
});

describe('describedCompany (a company described rather than named: "which mattress fabric supplier said…")', () => {
  // Twenty passages: 0–9 Tallis Freight's, 10–19 Orvane Telecom's; which words each passage holds.
  const companyOf = (i: number) => (i < 10 ? 'tlft' : 'orv');
  const terms = (postings: Record<string, number[]>) => {
    const byTerm = new Map(Object.entries(postings).map(([w, ps]) => [lexicalTokens(w)[0]!, ps]));
    return { passagesWith: (t: string) => byTerm.get(t) ?? [], companyOf, passagesOf: () => 10, total: 20 };
  };

  it("the company whose passages say the description's words far more than its size predicts", () => {
    const library = terms({ freight: [0, 1, 2, 3, 12], forwarding: [1, 4, 5], fibre: [11, 13, 14, 15] });
    expect(describedCompany('freight forwarding group', library)).toEqual({ company: 'tlft', matched: 'freight forwarding group' });
    expect(describedCompany('fibre network operator', library)?.company).toBe('orv');
  });

  it('nothing when no company clearly leads, or no word of it is in the calls', () => {
    const library = terms({ freight: [0, 1, 10, 11], network: [2, 12] });
    expect(describedCompany('freight network company', library)).toBeNull();
    expect(describedCompany('steelmaker', library)).toBeNull();
  });

  it("words too common to tell one company's trade from another's are not counted", () => {
    // "group" is in half the passages (all Orvane's), "freight" in two of Tallis's: counted, "group" would tie them.
    const library = terms({ group: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19], freight: [2, 3] });
    expect(describedCompany('freight group', library)?.company).toBe('tlft');
  });
});
