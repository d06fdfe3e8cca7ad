import type { Passage } from '../../passages/types.js';
import { MIN_ANSWER_WORDS, type AnswerScorer } from './answer-score.js';

export interface AnswerSpan {
  text: string;
  /** Offsets into passage.text. */
  start: number;
  end: number;
  score: number;
  /** Which sentence of the passage (0-based). */
  sentence: number;
}

/** The span of sentence `i` of `passage`, extended with the next sentence when it is too short to stand alone. */
export function sentenceSpan(passage: Passage, i: number, score: number): AnswerSpan {
  const best = passage.sentences[i];
  if (!best) return { text: passage.text, start: 0, end: passage.text.length, score, sentence: 0 };
  let end = best.end;
  const next = passage.sentences[i + 1];
  if (next && best.text.split(/\s+/).length < MIN_ANSWER_WORDS) end = next.end;
  const start = best.start - passage.start;
  const relEnd = end - passage.start;
  return { text: passage.text.slice(start, relEnd), start, end: relEnd, score, sentence: i };
}

/**
 * The sentence of `passage` that best answers the query (see answer-score.ts).
 * Cost is bounded by the passage's sentence count, not the corpus.
 */
export function answerSentence(passage: Passage, passageIndex: number, scorer: AnswerScorer): AnswerSpan {
  let bestI = 0;
  let bestScore = -Infinity;
  passage.sentences.forEach((_, i) => {
    const score = scorer.score(passage, passageIndex, i);
    if (score > bestScore) {
      bestScore = score;
      bestI = i;
    }
  });
  return sentenceSpan(passage, bestI, passage.sentences.length ? bestScore : 0);
}
