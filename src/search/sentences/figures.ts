import { hasTerm, lexicalTokens } from '../../index/lexical-tokens.js';

/**
 * The sentence side of answer-type matching for quantity questions: which words a sentence's
 * figures measure. "We've launched 180 satellites" states a figure of satellites; a sentence
 * that merely mentions satellites near other numbers does not.
 */

/** Content tokens this close to a figure count as what the figure measures ("180 satellites", "revenue was $213.4 billion"). */
export const FIGURE_WINDOW = 3;

/** A number that measures something; a bare year ("in 2026") is a period, not a quantity. */
export const isFigure = (token: string) => /^\d/.test(token) && !/^(19|20)\d{2}$/.test(token);

/** Stems within FIGURE_WINDOW tokens of a figure in the sentence (precomputed per sentence at load). */
export function termsNearFigures(sentence: string): Set<string> {
  const tokens = lexicalTokens(sentence);
  const near = new Set<string>();
  tokens.forEach((t, i) => {
    if (!isFigure(t)) return;
    for (let j = Math.max(0, i - FIGURE_WINDOW); j <= Math.min(tokens.length - 1, i + FIGURE_WINDOW); j++) {
      if (!/^\d/.test(tokens[j]!)) near.add(tokens[j]!);
    }
  });
  return near;
}

/** Does this sentence state the kind of figure asked for (figureTerms from interpret/figure-question.ts)? */
export function answersFigure(figureTerms: readonly string[], near: ReadonlySet<string>, hasFigure: boolean): boolean {
  if (!hasFigure) return false;
  return figureTerms.length === 0 || figureTerms.some((t) => hasTerm(near, t));
}
