import { lexicalTokens } from '../index/lexical-tokens.js';
import type { Passage } from '../passages/types.js';
import type { SentenceVectors } from './hybrid-retriever.js';
import { sentenceAnswersFigure, sentenceCosine } from './hybrid-retriever.js';
import type { PreparedQuery } from './retriever.js';

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
/** A sentence this short ("Thanks, Dave.") rarely answers anything alone: extend it with the next one. */
const MIN_ANSWER_WORDS = 7;

/**
 * The sentence of `passage` that best answers the query: cosine of the precomputed
 * sentence vector with the query vector, plus a bonus for the query's content words.
 * Cost is bounded by the passage's sentence count, not the corpus.
 */
export function answerSentence(
  passage: Passage,
  passageIndex: number,
  query: PreparedQuery,
  queryTerms: ReadonlySet<string>,
  sv: SentenceVectors,
): AnswerSpan {
  const first = sv.start[passageIndex]!;
  let bestI = 0;
  let bestScore = -Infinity;
  passage.sentences.forEach((s, i) => {
    const cos = sentenceCosine(query, sv, first + i) + (sentenceAnswersFigure(query, sv, first + i) ? FIGURE_ANSWER_BONUS : 0);
    let overlap = 0;
    if (queryTerms.size > 0) {
      const terms = new Set(lexicalTokens(s.text));
      for (const t of queryTerms) if (terms.has(t) || [...terms].some((x) => x.startsWith(t) && t.length >= 4)) overlap++;
      overlap /= queryTerms.size;
    }
    const score = cos + TERM_OVERLAP_WEIGHT * overlap;
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
