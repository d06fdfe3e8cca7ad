/** Ordering a pasted question's results: the answers to the question it restates lead (pure). */
import { describe, expect, it } from 'vitest';
import { answersFirst } from '../../src/search/answer/exchange-answers.js';

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
