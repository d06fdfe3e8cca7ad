import type { CandidateStream, ExpandedQuery, LexicalIndex, PassageRange, ScoredPassage } from '../../index/lexical.js';
import { byScore } from './dense.js';
import { exactScope, lexicalExactMax, type Candidate, type PassageFilter, type PreparedQuery, type Retriever } from './retriever.js';

/** Passages re-scored exactly at a time when reading the champion candidates. */
const RESCORE_BATCH = 200;

/**
 * One BM25 pass for one query: the query expanded once (exact, prefix and fuzzy terms), then read
 * by every scope that needs it — a named speaker's passages, everyone's, the topic check — without
 * searching again. Scores do not depend on the scope (library-wide statistics), so a small scope
 * scored exactly and the library's champion candidates agree. Nothing here visits every match.
 */
export class LexicalPass {
  /** Exact scores and matched query terms, per passage, as computed. */
  private readonly exact = new Map<number, ScoredPassage>();
  /** Champion candidates (approximate scores, taken best first); computed on the first unscoped read. */
  private approximate: CandidateStream | null = null;
  /** Champion candidates re-scored exactly so far, best first. */
  private rescored: Candidate[] = [];

  constructor(
    private readonly index: LexicalIndex,
    private readonly query: ExpandedQuery,
  ) {}

  private scoreOf(i: number): ScoredPassage {
    let s = this.exact.get(i);
    if (!s) {
      s = this.index.score(this.query, i);
      this.exact.set(i, s);
    }
    return s;
  }

  /** The best `k` passages allowed by `filter`, best first. */
  top(k: number, filter?: PassageFilter): Candidate[] {
    if (k <= 0 || this.query.byTerm.size === 0) return [];
    const scope = exactScope(filter, this.index.documentCount, lexicalExactMax(this.index.documentCount));
    if (scope) {
      const out: Candidate[] = [];
      for (let j = 0; j < scope.length; j++) {
        const i = scope[j]!;
        if (!filter!(i)) continue;
        const { score, queryTerms } = this.scoreOf(i);
        if (queryTerms.length > 0) out.push({ index: i, score });
      }
      return out.sort(byScore).slice(0, k);
    }
    // The champion candidates, best first by their approximate score (the exact order when no
    // champion list was cut), re-scored exactly a batch at a time until enough pass the filter.
    this.approximate ??= this.index.candidates(this.query);
    // `rescored` is sorted between calls; within one, each batch is only appended (and what the
    // filter allows of it), and both are sorted once at the end.
    const allowed = filter ? this.rescored.filter((c) => filter(c.index)) : this.rescored;
    const before = this.rescored.length;
    while (allowed.length < k && this.rescored.length < this.approximate.size) {
      for (const c of this.approximate.take(Math.max(RESCORE_BATCH, k))) {
        const scored = { index: c.index, score: this.scoreOf(c.index).score };
        this.rescored.push(scored);
        if (filter?.(c.index)) allowed.push(scored);
      }
    }
    if (this.rescored.length > before) {
      this.rescored.sort(byScore);
      if (filter) allowed.sort(byScore);
    }
    return allowed.slice(0, k);
  }

  /** The query terms passage `index` matched (empty when it matched none). */
  queryTermsOf(index: number): readonly string[] {
    return this.scoreOf(index).queryTerms;
  }
}

/** BM25 with prefix and fuzzy matching (see index/lexical.ts). */
export class LexicalRetriever implements Retriever {
  readonly name = 'lexical';
  constructor(private readonly index: LexicalIndex) {}

  /** One pass for `text`: every scope reads its hits from it. `calls`: the passages of the calls in scope, whose word statistics weigh the terms. */
  pass(text: string, calls?: readonly PassageRange[]): LexicalPass {
    const query = this.index.expand(text);
    return new LexicalPass(this.index, calls ? this.index.within(query, calls) : query);
  }

  retrieve(query: PreparedQuery, k: number, filter?: PassageFilter): Candidate[] {
    return this.pass(query.text).top(k, filter);
  }
}
