import type { Passage } from '../../passages/types.js';

/**
 * Q&A exchanges by passage position: which passages answer the question a passage belongs to.
 * Built once per index; a lookup costs the exchange's size.
 */
export class Exchanges {
  /** Exchange → its question and answer passages, in call order. */
  private readonly members = new Map<string, number[]>();

  constructor(private readonly passages: readonly Passage[]) {
    passages.forEach((p, i) => {
      if (p.exchange === null || (p.role !== 'answer' && p.role !== 'question')) return;
      const key = `${p.callId}#${p.exchange}`;
      const list = this.members.get(key);
      if (list) list.push(i);
      else this.members.set(key, [i]);
    });
  }

  /** The question and answer passages (call order) of the exchange passage `i` belongs to; [] outside Q&A. */
  membersOf(i: number): readonly number[] {
    const p = this.passages[i]!;
    return p.exchange === null ? [] : (this.members.get(`${p.callId}#${p.exchange}`) ?? []);
  }

  /** The answer passages (call order) of the exchange passage `i` belongs to; [] outside Q&A. */
  answersOf(i: number): readonly number[] {
    return this.membersOf(i).filter((j) => this.passages[j]!.role === 'answer');
  }

  /**
   * An analyst often asks several questions in one exchange (a follow-up, "and second…"): the
   * answers to one of them are the answer passages between that question turn and the next. Given
   * how well each question passage matches (`match`), the answers to the best-matching one; all
   * the exchange's answers when the turns cannot be told apart.
   */
  answersToBestQuestion(i: number, match: (question: number) => number): readonly number[] {
    const members = this.membersOf(i);
    const questions = members.filter((j) => this.passages[j]!.role === 'question');
    if (questions.length <= 1) return this.answersOf(i);
    const best = questions.reduce((a, b) => (match(b) > match(a) ? b : a));
    const turn = this.passages[best]!.turn;
    // The answers after the best question's turn, up to the next question turn.
    const after = members.filter((j) => j > best && this.passages[j]!.turn !== turn);
    const next = after.findIndex((j) => this.passages[j]!.role === 'question');
    const answers = (next < 0 ? after : after.slice(0, next)).filter((j) => this.passages[j]!.role === 'answer');
    return answers.length > 0 ? answers : this.answersOf(i);
  }
}

/** Results among which the best-matching exchange is looked for. */
const EXCHANGE_LOOKAHEAD = 3;

/**
 * The answers to the question a pasted question restates: the exchange is the first of the top
 * results that belongs to one; within it, the question turn that best matches (`match`).
 */
export function matchedExchangeAnswers(ranked: readonly { index: number }[], exchanges: Exchanges, match: (passage: number) => number): readonly number[] {
  const anchor = ranked.slice(0, EXCHANGE_LOOKAHEAD).find((c) => exchanges.answersOf(c.index).length > 0);
  return anchor ? exchanges.answersToBestQuestion(anchor.index, match) : [];
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
