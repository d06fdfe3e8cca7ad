import { hasTerm } from '../../index/lexical-tokens.js';

/**
 * The sentence side of answer-type matching for quantity questions: which words a sentence's
 * figures measure. "We've launched 180 satellites" states a figure of satellites; a sentence
 * that merely mentions satellites near other numbers does not. The per-sentence half (terms near
 * figures) is computed at build (index/sentence-terms.ts); this is the per-query half.
 */
export { FIGURE_WINDOW, isFigure, termsNearFigures } from '../../index/sentence-terms.js';

/** Does this sentence state the kind of figure asked for (figureTerms from interpret/figure-question.ts)? */
export function answersFigure(figureTerms: readonly string[], near: ReadonlySet<string>, hasFigure: boolean): boolean {
  if (!hasFigure) return false;
  return figureTerms.length === 0 || figureTerms.some((t) => hasTerm(near, t));
}
