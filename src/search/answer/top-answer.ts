import type { Passage } from '../../passages/types.js';
import type { AnswerScorer } from './answer-score.js';
import type { AnswerSpan } from './answer-sentence.js';

/** Results whose answer sentences compete for the top answer. */
export const TOP_ANSWER_POOL = 5;
/** Each rank down costs this much, so a lower result's sentence must be clearly better to win. */
const RANK_PRIOR = 0.03;

export interface Contender {
  passage: Passage;
  passageIndex: number;
  answer: AnswerSpan;
}

/**
 * Which result holds the top answer: the best answer sentence among the first few results, not
 * necessarily the first result's ("what was total revenue": the worldwide figure may sit in the
 * third passage, below a segment's). A question is never the top answer unless questions answer.
 * Returns the position in `contenders`, or null when none can answer.
 */
export function chooseTopAnswer(contenders: readonly Contender[], scorer: AnswerScorer): number | null {
  let best: number | null = null;
  let bestScore = -Infinity;
  contenders.slice(0, TOP_ANSWER_POOL).forEach((c, rank) => {
    const sentence = c.passage.sentences[c.answer.sentence];
    const row = scorer.sentences.rows(c.passageIndex)[0] + c.answer.sentence;
    if (!scorer.query.questionsAnswer && sentence && scorer.isQuestion(c.passage, row, sentence.text)) return;
    const score = c.answer.score - RANK_PRIOR * rank;
    if (score > bestScore) {
      bestScore = score;
      best = rank;
    }
  });
  return best;
}
