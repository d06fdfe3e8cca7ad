import type { Passage } from '../../passages/types.js';
import type { Exchanges } from './exchanges.js';
import type { Candidate, PassageFilter } from './retriever.js';

/** Best-matching analyst questions whose answers are ranked (bounded, so the cost does not grow with the library). */
export const REPLY_QUESTIONS = 5;

/**
 * Answers inherit the match of the question they reply to. On a call an answer rarely repeats the
 * question's words ("are the new import tariffs on glass going to hurt you?" → "honestly, very little…"),
 * so neither BM25 nor the answer's own vector finds it, while the question matches the query well.
 */
export interface Replies {
  /** The allowed answers to the best-matching questions: best question first, each question's answers in call order. */
  candidates: Candidate[];
  /** Answer passage → the question passage it replies to. */
  question: ReadonlyMap<number, number>;
}

/**
 * The answers to the best-matching questions among `pool` (passage positions, any order), scored
 * by their question's `match`, keeping those `allowed` lets through.
 */
export function replies(pool: Iterable<number>, match: (passage: number) => number, passages: readonly Passage[], exchanges: Exchanges, allowed: PassageFilter): Replies {
  const questions = [...new Set(pool)]
    .filter((i) => passages[i]!.role === 'question')
    .map((index) => ({ index, score: match(index) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, REPLY_QUESTIONS);
  const candidates: Candidate[] = [];
  const question = new Map<number, number>();
  for (const q of questions) {
    for (const a of exchanges.answersTo(q.index)) {
      if (question.has(a) || !allowed(a)) continue;
      question.set(a, q.index);
      candidates.push({ index: a, score: q.score });
    }
  }
  return { candidates, question };
}
