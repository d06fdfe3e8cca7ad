import type { Passage } from '../../passages/types.js';
import { passageWords } from '../../passages/word-count.js';
import { BACKCHANNEL_WORDS, type Exchanges } from '../retrieve/exchanges.js';
import type { Candidate } from '../retrieve/retriever.js';

/** Results among which the best-matching exchange is looked for. */
const EXCHANGE_LOOKAHEAD = 3;
/**
 * Further down, an analyst's question passage still names its exchange: a pasted question restates
 * a question, whose words prepared remarks on the same subject can outrank.
 */
const QUESTION_LOOKAHEAD = 10;

/**
 * The answers to the question a pasted question restates: among the exchanges of the top results,
 * the one whose question best matches (`match`) — the first result may be an answer to another
 * analyst who asked about the same subject — and within it, that question's answers.
 */
export function matchedExchangeAnswers(
  ranked: readonly { index: number }[],
  exchanges: Exchanges,
  match: (passage: number) => number,
  callOf: (passage: number) => string,
): readonly number[] {
  const leadingCalls = new Set(ranked.slice(0, EXCHANGE_LOOKAHEAD).map((c) => callOf(c.index)));
  const found: { score: number; answers: () => readonly number[] }[] = [];
  for (const [rank, c] of ranked.slice(0, Math.max(EXCHANGE_LOOKAHEAD, QUESTION_LOOKAHEAD)).entries()) {
    if (exchanges.answersOf(c.index).length === 0) continue;
    if (rank < EXCHANGE_LOOKAHEAD) {
      // An exchange whose question was not kept as a passage still counts, after any that has one.
      found.push({ score: Math.max(-Infinity, ...exchanges.questionsOf(c.index).map(match)), answers: () => exchanges.answersToBestQuestion(c.index, match) });
    } else if (leadingCalls.has(callOf(c.index)) && exchanges.questionsOf(c.index).includes(c.index)) {
      // Further down only a question passage itself counts, by its own match (not whichever
      // passage of a long exchange happens to match best), and only on a call the top results are from.
      const own = exchanges.answersTo(c.index);
      if (own.length > 0) found.push({ score: match(c.index), answers: () => own });
    }
  }
  // The first of equals wins, as the higher-ranked.
  const best = found.reduce<(typeof found)[number] | null>((a, b) => (a === null || b.score > a.score ? b : a), null);
  return best ? best.answers() : [];
}

/**
 * `shown` holding every one of `answers`, its length kept: those missing are added at the end, and
 * room is made by dropping the lowest-ranked others — never an answer already there.
 */
export function withExchangeAnswers<T extends { index: number; score: number }>(shown: readonly T[], answers: ReadonlySet<number>): (T | { index: number; score: number })[] {
  const missing = [...answers].filter((i) => !shown.some((c) => c.index === i)).map((index) => ({ index, score: 0 }));
  let surplus = missing.length;
  const kept = [...shown].reverse().filter((c) => answers.has(c.index) || surplus-- <= 0).reverse();
  return [...kept, ...missing];
}

/** Fewer words than this is a pleasantry ("Morning, Brian.", "Thank you."), not the answer. */
const SUBSTANTIVE_WORDS = 15;

/**
 * A pasted analyst question is answered by management's answers to the question it matches: those
 * answers lead, ahead of the question itself and everything else — in the order they were given
 * (the first responder first), except that answers clearly about the question come before ones that
 * are not (a turn's passages counting as one answer), and pleasantries come last.
 */
export function answersFirst<T extends { index: number; weak: boolean; words: number; turn?: number }>(results: readonly T[], answers: readonly number[]): T[] {
  // A backchannel ("mm-hmm [affirmative].", "Yeah.") said while the analyst asks is never the answer, however it scored.
  const own = (r: T) => (r.words < BACKCHANNEL_WORDS ? 2 : !r.weak ? 0 : r.words >= SUBSTANTIVE_WORDS ? 1 : 2);
  const leading = results.filter((r) => answers.includes(r.index));
  // One answer turn cut into passages is one answer: its substantive passages share its best group, so they keep their order.
  const turnGroup = new Map<number, number>();
  for (const r of leading) if (r.turn !== undefined && r.words >= SUBSTANTIVE_WORDS) turnGroup.set(r.turn, Math.min(turnGroup.get(r.turn) ?? 2, own(r)));
  const group = (r: T) => (r.turn !== undefined && r.words >= SUBSTANTIVE_WORDS ? (turnGroup.get(r.turn) ?? own(r)) : own(r));
  const lead = leading.sort((a, b) => group(a) - group(b) || a.index - b.index);
  return [...lead, ...results.filter((r) => !answers.includes(r.index))];
}

/**
 * `shown` with each analyst question's first substantive reply placed just before it (brought in,
 * or moved up; once; only a substantive reply the scope allows), cut to the length of `shown` or
 * `pool`, whichever is more; `repliedTo` records reply → question.
 */
export function withReplies(shown: readonly Candidate[], passages: readonly Passage[], exchanges: Exchanges, allowed: (i: number) => boolean, repliedTo: Map<number, number>, pool: number): Candidate[] {
  const placed = new Set<number>();
  const out: Candidate[] = [];
  for (const c of shown) {
    if (placed.has(c.index)) continue;
    if (passages[c.index]!.role === 'question') {
      const reply = exchanges.answersTo(c.index).find((a) => allowed(a) && passageWords(passages[a]!) >= SUBSTANTIVE_WORDS);
      // Brought in, or moved up from lower down; one already above the question stays where it is.
      if (reply !== undefined && !placed.has(reply)) {
        placed.add(reply);
        repliedTo.set(reply, c.index);
        out.push({ index: reply, score: c.score });
      }
    }
    placed.add(c.index);
    out.push(c);
  }
  return out.slice(0, Math.max(shown.length, pool));
}
