import MiniSearch, { type SearchOptions } from 'minisearch';
import { lexicalTokens } from './lexical-tokens.js';

/** BM25 over passage text via MiniSearch; ids are passage positions in the store. */
export type LexicalIndex = MiniSearch<LexicalDoc>;
interface LexicalDoc {
  id: number;
  text: string;
}

const OPTIONS = {
  fields: ['text'],
  idField: 'id',
  tokenize: lexicalTokens,
  // lexicalTokens already normalised and stemmed each token.
  processTerm: (t: string) => t,
};

export function buildLexicalIndex(texts: readonly string[]): LexicalIndex {
  const ms = new MiniSearch<LexicalDoc>(OPTIONS);
  ms.addAll(texts.map((text, id) => ({ id, text })));
  return ms;
}

export function serializeLexicalIndex(index: LexicalIndex): string {
  return JSON.stringify(index);
}

export function loadLexicalIndex(json: string): LexicalIndex {
  return MiniSearch.loadJSON<LexicalDoc>(json, OPTIONS);
}

export interface LexicalHit {
  index: number;
  score: number;
  /** How many distinct query terms this passage matched. */
  matchedTerms: number;
  /** The query terms it matched (exactly, by prefix or fuzzily). */
  queryTerms: string[];
}

/** Prefix match lets "trainium" find "trainium2"; fuzzy match forgives typos in longer words. */
const SEARCH_OPTIONS: SearchOptions = {
  combineWith: 'OR',
  prefix: (term) => term.length >= 4 && !/^\d/.test(term),
  fuzzy: (term) => (term.length >= 5 && !/\d/.test(term) ? 0.2 : false),
  maxFuzzy: 2,
  weights: { fuzzy: 0.5, prefix: 0.6 },
};

export function lexicalSearch(
  index: LexicalIndex,
  query: string,
  k: number,
  filter?: (passageIndex: number) => boolean,
): LexicalHit[] {
  const options: SearchOptions = { ...SEARCH_OPTIONS };
  if (filter) options.filter = (r) => filter(r.id as number);
  const hits = index.search(query, options);
  return hits.slice(0, k).map((h) => ({ index: h.id as number, score: h.score, matchedTerms: h.queryTerms.length, queryTerms: h.queryTerms }));
}
