import { lexicalSearch, type LexicalHit, type LexicalIndex } from '../../index/lexical.js';
import type { Candidate, PassageFilter, PreparedQuery, Retriever } from './retriever.js';

/**
 * One BM25 pass over the whole index for one query. Scores do not depend on which passages a
 * caller may use, so every scope (a named speaker's passages, everyone's) and the topic check
 * read their hits from this one pass instead of searching again.
 */
export class LexicalPass {
  private readonly byIndex: Map<number, LexicalHit>;

  constructor(readonly hits: readonly LexicalHit[]) {
    this.byIndex = new Map(hits.map((h) => [h.index, h]));
  }

  /** The best `k` hits allowed by `filter`, best first. */
  top(k: number, filter?: PassageFilter): Candidate[] {
    const out: Candidate[] = [];
    for (const h of this.hits) {
      if (out.length >= k) break;
      if (!filter || filter(h.index)) out.push({ index: h.index, score: h.score });
    }
    return out;
  }

  /** The query terms passage `index` matched (empty when it matched none). */
  queryTermsOf(index: number): readonly string[] {
    return this.byIndex.get(index)?.queryTerms ?? [];
  }
}

/** BM25 (MiniSearch) with prefix and fuzzy matching. */
export class LexicalRetriever implements Retriever {
  readonly name = 'lexical';
  constructor(private readonly index: LexicalIndex) {}

  /** Every passage matching any term of `text`, best first. */
  pass(text: string): LexicalPass {
    return new LexicalPass(lexicalSearch(this.index, text, Infinity));
  }

  retrieve(query: PreparedQuery, k: number, filter?: PassageFilter): Candidate[] {
    if (k <= 0) return [];
    return lexicalSearch(this.index, query.text, k, filter).map(({ index, score }) => ({ index, score }));
  }
}
