import { lexicalTokens } from './lexical-tokens.js';

/**
 * What answer selection reads about each sentence, computed once at build and stored in the call's
 * shard (see call-shard.ts), never recomputed at start or per query: its lexical terms, whether it
 * states a figure, which terms stand next to its figures, and its length in words.
 */

/** Content tokens this close to a figure count as what the figure measures ("180 satellites", "revenue was $213.4 billion"). */
export const FIGURE_WINDOW = 3;

/** A number that measures something; a bare year ("in 2026") is a period, not a quantity. */
export const isFigure = (token: string) => /^\d/.test(token) && !/^(19|20)\d{2}$/.test(token);

/** Stems within FIGURE_WINDOW tokens of a figure, in first-seen order, from a sentence's lexical tokens. */
function nearFigures(tokens: readonly string[]): string[] {
  const near = new Set<string>();
  tokens.forEach((t, i) => {
    if (!isFigure(t)) return;
    for (let j = Math.max(0, i - FIGURE_WINDOW); j <= Math.min(tokens.length - 1, i + FIGURE_WINDOW); j++) {
      if (!/^\d/.test(tokens[j]!)) near.add(tokens[j]!);
    }
  });
  return [...near];
}

/** Stems within FIGURE_WINDOW tokens of a figure in the sentence. */
export function termsNearFigures(sentence: string): Set<string> {
  return new Set(nearFigures(lexicalTokens(sentence)));
}

export interface SentenceTerms {
  /** Distinct lexical tokens (stemmed, stopwords dropped), in first-seen order. */
  terms: string[];
  hasFigure: boolean;
  /** Stems within FIGURE_WINDOW tokens of a figure. */
  nearFigure: string[];
  words: number;
}

export function sentenceTerms(text: string): SentenceTerms {
  const tokens = lexicalTokens(text);
  return {
    terms: [...new Set(tokens)],
    hasFigure: tokens.some(isFigure),
    nearFigure: nearFigures(tokens),
    words: text.split(/\s+/).filter(Boolean).length,
  };
}
