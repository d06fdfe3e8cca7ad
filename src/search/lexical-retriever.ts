import { lexicalSearch, type LexicalIndex } from '../index/lexical.js';
import type { Candidate, PassageFilter, PreparedQuery, Retriever } from './retriever.js';

/** BM25 (MiniSearch) with prefix and fuzzy matching. */
export class LexicalRetriever implements Retriever {
  readonly name = 'lexical';
  constructor(private readonly index: LexicalIndex) {}

  retrieve(query: PreparedQuery, k: number, filter?: PassageFilter): Candidate[] {
    if (k <= 0) return [];
    return lexicalSearch(this.index, query.text, k, filter).map(({ index, score }) => ({ index, score }));
  }
}
