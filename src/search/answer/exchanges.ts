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

/**
 * A pasted analyst question is answered by management's answers to the question it matches: the
 * answers of the best-matching exchange (the first of the top results that belongs to one) lead, in
 * the order they were given, ahead of the question itself and everything else. Returns the new
 * order (same length) and the positions that were moved up.
 */
export function answersFirst<T extends { index: number }>(ranked: readonly T[], exchanges: Exchanges, make: (index: number) => T): { ranked: T[]; answers: Set<number> } {
  const anchor = ranked.slice(0, EXCHANGE_LOOKAHEAD).find((c) => exchanges.answersOf(c.index).length > 0);
  if (!anchor) return { ranked: [...ranked], answers: new Set() };
  const answers = exchanges.answersOf(anchor.index);
  const lead = answers.map((i) => ranked.find((c) => c.index === i) ?? make(i));
  const rest = ranked.filter((c) => !answers.includes(c.index));
  return { ranked: [...lead, ...rest].slice(0, Math.max(ranked.length, lead.length)), answers: new Set(answers) };
}
