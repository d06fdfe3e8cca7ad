/**
 * Words typed next to each other and the sentences that say them together (answer selection's
 * TOGETHER_WEIGHT): "by year end" is said by "reach 35% by year end", not by "by the end of next year".
 */
import { describe, expect, it } from 'vitest';
import { pairsAmong, pairsSaid, typedTerms } from '../../src/search/answer/typed-terms.js';
import { sentenceFacts } from '../../src/search/sentences/sentence-facts.js';

const said = (question: string, sentence: string) => pairsSaid(typedTerms(question), sentenceFacts(sentence).content);

describe('typed pairs', () => {
  it('pairs the typed terms in order, stopwords skipped, each pair once', () => {
    const t = typedTerms('What share of the lantern fleet will use new optics by year end?');
    expect([...t.pairs].map(([a, next]) => [a, [...next]])).toEqual([
      ['share', ['lantern']],
      ['lantern', ['fleet']],
      ['fleet', ['us']],
      ['us', ['new']],
      ['new', ['optic']],
      ['optic', ['year']],
      ['year', ['end']],
    ]);
    expect(t.pairCount).toBe(7);
    expect(typedTerms('revenue revenue growth').pairCount).toBe(1);
    expect(typedTerms('backlog').pairCount).toBe(0);
  });

  it('counts the share of pairs a sentence says together, not the same words apart or reversed', () => {
    const q = 'What share of the lantern fleet will use new optics by year end?';
    expect(said(q, 'By October a fifth had been converted, and we expect to reach 35% by year end.')).toBeCloseTo(1 / 7);
    expect(said(q, 'With 80% of the lantern fleet expected to carry optics by the end of next year.')).toBeCloseTo(1 / 7);
    expect(said(q, 'Our optics lantern share will grow by year end.')).toBeCloseTo(1 / 7);
    // "year end" said twice counts once.
    expect(said(q, 'The lantern fleet will use new optics by year end; by year end, again.')).toBeCloseTo(6 / 7);
    expect(said('adjusted EBITDA margin', 'Adjusted EBITDA margin was 12%, against an EBITDA of 40.')).toBe(1);
    expect(said('backlog', 'The backlog grew.')).toBe(0);
  });

  it('keeps only the pairs of the terms a score counts (a factual question\'s period is weighed apart)', () => {
    const t = typedTerms('What was Solar revenue in the third quarter?');
    const kept = pairsAmong(t, (term) => !['third', 'quarter'].includes(term));
    expect([t.pairCount, kept.pairCount]).toEqual([3, 1]);
    expect(pairsSaid(kept, sentenceFacts('Revenue for the third quarter was $212 million.').content)).toBe(0);
    expect(pairsSaid(kept, sentenceFacts('Solar revenue was $62 million.').content)).toBe(1);
  });
});
