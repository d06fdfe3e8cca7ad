import { lexicalTokens } from '../../index/lexical-tokens.js';
import { termsNearFigures } from './figures.js';

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
  return {
    terms: new Set(lexicalTokens(text)),
    hasFigure: /\d/.test(text),
    nearFigure: termsNearFigures(text),
    words: text.split(/\s+/).filter(Boolean).length,
  };
}
