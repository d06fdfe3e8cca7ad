import type { Passage } from '../../passages/types.js';
import { passageWords } from '../../passages/word-count.js';

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

  /** The question passages (call order) of the exchange passage `i` belongs to; [] outside Q&A. */
  questionsOf(i: number): readonly number[] {
    return this.membersOf(i).filter((j) => this.passages[j]!.role === 'question');
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
    const questions = this.questionsOf(i);
    if (questions.length <= 1) return this.answersOf(i);
    const best = questions.reduce((a, b) => (match(b) > match(a) ? b : a));
    const answers = this.answersTo(best);
    return answers.length > 0 ? answers : this.answersOf(i);
  }

  /**
   * The answer passages to question passage `q`: after its turn, up to the exchange's next question
   * turn; [] when it is no question. A backchannel said while the analyst spoke ("mm-hmm") does not
   * end their question: when nothing but backchannels stands before their next question turn, that
   * turn continues the question, and the answers after it are the answers. Nor does the analyst's
   * own one-word reply to a clarifying question ("Yes.").
   */
  answersTo(q: number): readonly number[] {
    const question = this.passages[q]!;
    if (question.role !== 'question') return [];
    const out: number[] = [];
    for (const j of this.membersOf(q)) {
      const p = this.passages[j]!;
      if (j <= q || p.turn === question.turn) continue;
      if (p.role === 'question') {
        if (p.speaker.id !== question.speaker.id) break;
        // The analyst only confirms ("Yes.", "Correct.") a clarifying question: the answers go on.
        if (isBackchannel(p)) continue;
        if (!out.every((a) => isBackchannel(this.passages[a]!))) break;
        out.length = 0;
      } else if (p.role === 'answer') out.push(j);
    }
    return out;
  }
}

/** Fewer words than this is a backchannel ("Mm-hmm.", "Yeah."), not an answer. */
export const BACKCHANNEL_WORDS = 5;

export function isBackchannel(p: Passage): boolean {
  return passageWords(p) < BACKCHANNEL_WORDS;
}
