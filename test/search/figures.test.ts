import { describe, expect, it } from 'vitest';
import { figureTermsOf } from '../../src/search/interpret/figure-question.js';
import { expandFinanceTerms } from '../../src/search/interpret/finance-terms.js';
import { answersFigure, termsNearFigures } from '../../src/search/sentences/figures.js';

describe('figureTermsOf', () => {
  it.each([
    ['How many satellites has Amazon launched?', ['satellit']],
    ['How many new Whole Foods stores are planned?', ['new', 'whole', 'food', 'store']],
    ['how much revenue did AWS add', ['revenu']],
    ['What was total revenue for the quarter?', []],
    ['How fast did AWS grow?', []],
  ])('%s → %j', (q, terms) => {
    expect(figureTermsOf(q)).toEqual(terms);
  });

  it('is null for questions that do not ask for a figure', () => {
    for (const q of ['what did Jassy say about Trainium', 'Who asked about robotics?', 'aws backlog', 'What is Amazon Haul?']) {
      expect(figureTermsOf(q), q).toBeNull();
    }
  });
});

describe('termsNearFigures / answersFigure', () => {
  it('finds what a figure measures', () => {
    const near = termsNearFigures("We've launched 180 satellites, and more.");
    expect(near.has('satellit')).toBe(true);
    expect(answersFigure(['satellit'], near, true)).toBe(true);
  });

  it('a figure far from the counted noun does not answer', () => {
    const s = 'We have more than 20 launches planned in 2026, which means we are spending more on launching satellites each year.';
    expect(answersFigure(['satellit'], termsNearFigures(s), true)).toBe(false);
  });

  it('any figure answers a quantity question with no particular noun; no figure never does', () => {
    expect(answersFigure([], termsNearFigures('Revenue was $213.4 billion.'), true)).toBe(true);
    expect(answersFigure([], termsNearFigures('Revenue grew nicely.'), false)).toBe(false);
  });
});

describe('expandFinanceTerms', () => {
  it('adds the long form of an abbreviation and the short form of a long one', () => {
    expect(expandFinanceTerms('capex in 2026')).toBe('capex in 2026 capital expenditures');
    expect(expandFinanceTerms('Free cash flow trend')).toBe('Free cash flow trend fcf');
    expect(expandFinanceTerms('year over year growth')).toContain('yoy');
  });

  it('matches whole words only and leaves other text alone', () => {
    expect(expandFinanceTerms('capexes and epsilon')).toBe('capexes and epsilon');
    expect(expandFinanceTerms('aws backlog')).toBe('aws backlog');
  });
});
