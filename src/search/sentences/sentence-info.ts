import { lexicalTokens } from '../../index/lexical-tokens.js';
import { isFigure, termsNearFigures } from './figures.js';

/** What answer selection needs to know about a sentence, computed once at load, not per query. */
export interface SentenceInfo {
  /** Lexical tokens (stemmed, stopwords dropped). */
  terms: Set<string>;
  hasFigure: boolean;
  /** Stems within FIGURE_WINDOW tokens of a figure. */
  nearFigure: Set<string>;
  words: number;
}

export function describeSentence(text: string): SentenceInfo {
  const terms = lexicalTokens(text);
  return {
    terms: new Set(terms),
    hasFigure: terms.some(isFigure),
    nearFigure: termsNearFigures(text),
    words: text.split(/\s+/).filter(Boolean).length,
  };
}
