/** What answer selection needs to know about a sentence: computed at build (index/sentence-terms.ts), read per query. */
export interface SentenceInfo {
  /** Lexical tokens (stemmed, stopwords dropped). */
  terms: Set<string>;
  hasFigure: boolean;
  /** Stems within FIGURE_WINDOW tokens of a figure. */
  nearFigure: Set<string>;
  words: number;
}
