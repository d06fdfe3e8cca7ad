import type { Passage } from '../../passages/types.js';

/**
 * Q&A exchanges by passage position: which passages answer the question a passage belongs to.
 * Built once per index; a lookup costs the exchange's size.
 */
export class Exchanges {
  private readonly answers = new Map<string, number[]>();

  constructor(private readonly passages: readonly Passage[]) {
    passages.forEach((p, i) => {
      if (p.exchange === null || p.role !== 'answer') return;
      const key = `${p.callId}#${p.exchange}`;
      const list = this.answers.get(key);
      if (list) list.push(i);
      else this.answers.set(key, [i]);
    });
  }

  /** The answer passages (call order) of the exchange passage `i` belongs to; [] outside Q&A. */
  answersOf(i: number): readonly number[] {
    const p = this.passages[i]!;
    return p.exchange === null ? [] : (this.answers.get(`${p.callId}#${p.exchange}`) ?? []);
  }
}

/** Results among which the best-matching exchange is looked for. */
const EXCHANGE_LOOKAHEAD = 3;

/** The answer passages of the exchange that best matches a ranking (the first of its top results in one), or []. */
export function matchedExchangeAnswers(ranked: readonly { index: number }[], exchanges: Exchanges): readonly number[] {
  const anchor = ranked.slice(0, EXCHANGE_LOOKAHEAD).find((c) => exchanges.answersOf(c.index).length > 0);
  return anchor ? exchanges.answersOf(anchor.index) : [];
}

/** Fewer words than this is a pleasantry ("Morning, Brian.", "Thank you."), not the answer. */
const SUBSTANTIVE_WORDS = 15;

/**
 * A pasted analyst question is answered by management's answers to the question it matches: those
 * answers lead, ahead of the question itself and everything else — in the order they were given
 * (the first responder first), except that answers clearly about the question come before ones that
 * are not, and pleasantries come last.
 */
export function answersFirst<T extends { index: number; weak: boolean; words: number }>(results: readonly T[], answers: readonly number[]): T[] {
  const group = (r: T) => (!r.weak ? 0 : r.words >= SUBSTANTIVE_WORDS ? 1 : 2);
  const lead = results.filter((r) => answers.includes(r.index)).sort((a, b) => group(a) - group(b) || a.index - b.index);
  return [...lead, ...results.filter((r) => !answers.includes(r.index))];
}
