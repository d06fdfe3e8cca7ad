import { hasTerm } from '../../index/lexical-tokens.js';
import type { Passage } from '../../passages/types.js';
import type { SentenceScorer } from '../sentences/sentence-scores.js';

export interface AnswerSpan {
  text: string;
  /** Offsets into passage.text. */
  start: number;
  end: number;
  score: number;
}

/** How much sharing the query's content words adds to a sentence's cosine (cosines of related sentences sit around 0.3–0.7). */
const TERM_OVERLAP_WEIGHT = 0.2;
/** A sentence stating the figure a quantity question asks for is preferred over its neighbours. */
const FIGURE_ANSWER_BONUS = 0.1;
/** Specifics make an answer: a sentence with a figure edges out a vaguer one ("a lot of interest"). */
const SPECIFICS_BONUS = 0.04;
/** Sentences shorter than this rarely answer anything alone ("Thanks, Dave."): a small penalty, and they are extended with the next one. */
const MIN_ANSWER_WORDS = 8;
const SHORT_PENALTY = 0.05;

/**
 * The sentence of `passage` that best answers the query: cosine of the precomputed
 * sentence vector with the query vector, plus the share of the query's content words it
 * contains, plus small priors for stating specifics and against fragments.
 * Cost is bounded by the passage's sentence count, not the corpus.
 */
export function answerSentence(passage: Passage, passageIndex: number, scorer: SentenceScorer, queryTerms: ReadonlySet<string>): AnswerSpan {
  const [first] = scorer.rows(passageIndex);
  let bestI = 0;
  let bestScore = -Infinity;
  passage.sentences.forEach((_, i) => {
    const row = first + i;
    const info = scorer.info(row);
    let score = scorer.cosine(row);
    if (scorer.answersFigure(row)) score += FIGURE_ANSWER_BONUS;
    else if (info.hasFigure) score += SPECIFICS_BONUS;
    if (info.words < MIN_ANSWER_WORDS) score -= SHORT_PENALTY;
    if (queryTerms.size > 0) {
      let overlap = 0;
      for (const t of queryTerms) if (hasTerm(info.terms, t)) overlap++;
      score += (TERM_OVERLAP_WEIGHT * overlap) / queryTerms.size;
    }
    if (score > bestScore) {
      bestScore = score;
      bestI = i;
    }
  });
  const best = passage.sentences[bestI];
  if (!best) return { text: passage.text, start: 0, end: passage.text.length, score: 0 };
  let end = best.end;
  const next = passage.sentences[bestI + 1];
  if (next && best.text.split(/\s+/).length < MIN_ANSWER_WORDS) end = next.end;
  const start = best.start - passage.start;
  const relEnd = end - passage.start;
  return { text: passage.text.slice(start, relEnd), start, end: relEnd, score: bestScore };
}
