/** Ordering a pasted question's results: the answers to the question it restates lead; which answers a question has (pure). */
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/passages/types.js';
import { answersFirst, matchedExchangeAnswers, withExchangeAnswers } from '../../src/search/answer/exchange-answers.js';
import { Exchanges } from '../../src/search/retrieve/exchanges.js';

const r = (index: number, words: number, weak = false) => ({ index, words, weak });

describe('answersFirst', () => {
  it('puts the answers first, in the order given, pleasantries and backchannels last', () => {
    const results = [r(1, 40), r(7, 3), r(9, 60), r(12, 9, true), r(20, 80)];
    // 7: "mm-hmm [affirmative]." said during the question; 12: "Morning, Brian, thanks." — both answers of the exchange.
    expect(answersFirst(results, [7, 9, 12]).map((x) => x.index)).toEqual([9, 7, 12, 1, 20]);
  });

  it('a backchannel goes last even when it scored as related', () => {
    expect(answersFirst([r(7, 2), r(9, 50)], [7, 9]).map((x) => x.index)).toEqual([9, 7]);
  });
});

describe('Exchanges.answersTo', () => {
  const passage = (i: number, turn: number, role: Passage['role'], speaker: string, text: string): Passage => ({
    id: `c@${i}`, callId: 'c', index: i, text, speaker: { id: speaker, name: speaker, title: null, side: role === 'question' ? 'analyst' : 'company', firm: null },
    section: 'qa', exchange: 1, turn, role, startTime: null, sentences: [], tokens: 10, start: i * 100, end: i * 100 + 50,
  });
  const passages = [
    passage(0, 1, 'question', 'ana', 'Schools could get tough with the budget pressure out there.'),
    passage(1, 2, 'answer', 'ceo', 'Mm-hmm.'),
    passage(2, 3, 'question', 'ana', 'So what do you expect from that market going forward?'),
    passage(3, 4, 'answer', 'ceo', 'We expect schools to keep buying security products, budgets or not, and we have a new product for them.'),
    passage(4, 5, 'question', 'ana', 'And a follow-up on margins, please.'),
    passage(5, 6, 'answer', 'cfo', 'Margins should hold near where they are, helped by the mix and by lower freight costs.'),
  ];
  const exchanges = new Exchanges(passages);

  it('a backchannel said while the analyst spoke does not end the question: the answers after its resumption are its answers', () => {
    expect(exchanges.answersTo(0)).toEqual([3]);
    expect(exchanges.answersTo(2)).toEqual([3]);
  });

  it("the analyst's one-word reply to a clarifying question does not end it", () => {
    const clarified = new Exchanges([
      passage(0, 1, 'question', 'ana', 'What share of your contracts could you reprice for higher costs?'),
      passage(1, 2, 'answer', 'ceo', 'I presume you are talking about the automotive segment there?'),
      passage(2, 3, 'question', 'ana', 'Yes, correct.'),
      passage(3, 4, 'answer', 'ceo', 'Most of that business is fixed-price work, so we reprice as contracts renew over the next two years.'),
    ]);
    expect(clarified.answersTo(0)).toEqual([1, 3]);
  });

  it('a real answer in between does end it (a follow-up is another question)', () => {
    expect(exchanges.answersTo(4)).toEqual([5]);
    expect(exchanges.answersTo(3)).toEqual([]);
  });
});

describe('matchedExchangeAnswers', () => {
  const passage = (i: number, exchange: number, role: Passage['role'], speaker: string): Passage => ({
    id: `c@${i}`, callId: 'c', index: i, text: `${speaker} says something of enough words to be a real turn here.`,
    speaker: { id: speaker, name: speaker, title: null, side: role === 'question' ? 'analyst' : 'company', firm: null },
    section: 'qa', exchange, turn: i, role, startTime: null, sentences: [], tokens: 10, start: i * 100, end: i * 100 + 50,
  });
  // Two analysts asked about the same subject: exchange 1 (passages 0–1) and exchange 2 (passages 2–3).
  const exchanges = new Exchanges([passage(0, 1, 'question', 'ana'), passage(1, 1, 'answer', 'ceo'), passage(2, 2, 'question', 'bob'), passage(3, 2, 'answer', 'cfo')]);
  const match = (q: number) => (q === 2 ? 0.9 : 0.4);

  it("takes the exchange whose question the pasted one best matches, not the first result's", () => {
    expect(matchedExchangeAnswers([{ index: 1 }, { index: 3 }], exchanges, match, () => 'c')).toEqual([3]);
  });

  it('only among the first few results', () => {
    const far = [{ index: 1 }, { index: 1 }, { index: 1 }, { index: 3 }];
    expect(matchedExchangeAnswers(far, exchanges, match, () => 'c')).toEqual([1]);
  });

  it('further down, a question passage itself still names its exchange, on a call the first results are from', () => {
    const far = [{ index: 1 }, { index: 1 }, { index: 1 }, { index: 2 }];
    expect(matchedExchangeAnswers(far, exchanges, match, () => 'c')).toEqual([3]);
    // The same question on another call than the first results': not taken.
    expect(matchedExchangeAnswers(far, exchanges, match, (i) => (i === 2 ? 'other' : 'c'))).toEqual([1]);
  });
});

describe('withExchangeAnswers', () => {
  const c = (index: number) => ({ index, score: 1 / index });
  it('adds the missing answers at the end, dropping the lowest-ranked others, never an answer already shown', () => {
    // 9 is an answer at the tail: it stays; 4 and 5 make room for 20 and 21.
    const shown = [c(1), c(2), c(3), c(4), c(5), c(9)];
    expect(withExchangeAnswers(shown, new Set([9, 20, 21])).map((x) => x.index)).toEqual([1, 2, 3, 9, 20, 21]);
    expect(withExchangeAnswers(shown, new Set([1])).map((x) => x.index)).toEqual([1, 2, 3, 4, 5, 9]);
  });
});

describe('answersFirst: a turn is one answer', () => {
  it("keeps an answer turn's passages in their order, though its first scored weak and a later one strong", () => {
    const t = (index: number, words: number, weak: boolean, turn: number) => ({ index, words, weak, turn });
    // Turn 5: passages 10 (weak) and 11 (strong); turn 7: passage 14 (weak).
    const results = [t(11, 80, false, 5), t(14, 60, true, 7), t(10, 90, true, 5), t(3, 40, false, 2)];
    expect(answersFirst(results, [10, 11, 14]).map((x) => x.index)).toEqual([10, 11, 14, 3]);
  });
});
