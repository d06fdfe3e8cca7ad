/**
 * BM25 over passage text, assembled at load from the shards' forward indexes (per passage: its
 * terms with their frequencies, computed at build). It scores exactly as MiniSearch did over the
 * same tokens — BM25+ (k 1.2, b 0.7, δ 0.5), document length = distinct terms, prefix matches of
 * 4+ letters weighted 0.6·len/(len + 0.3·extra), fuzzy matches of 5+ letters (edit distance up to
 * 20 % of the word, at most 2) weighted 0.5·len/(len + distance), a passage's sum multiplied by
 * how many distinct query terms it matched — so the eval figures hold, but a query never scores
 * every match:
 * - the term dictionary is MiniSearch's radix tree (SearchableMap), for prefix and fuzzy lookups;
 * - the inverted index keeps each term's postings; a query reads each term's champion list (its
 *   CHAMPION_DEPTH passages of highest impact, Manning et al., IR book §7.1.3), accumulates,
 *   and re-scores the best candidates exactly from their forward lists;
 * - a small set of passages (a speaker's, a call's) is scored exactly from its forward lists.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { lexicalTokens } from './lexical-tokens.js';
import { BoundedCache } from './bounded-cache.js';

/** MiniSearch's defaults, which the eval figures were measured with. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
const PREFIX_WEIGHT = 0.6;
const FUZZY_WEIGHT = 0.5;
const MAX_FUZZY = 2;
/** Passages read per query term: its highest-impact ones. */
export const CHAMPION_DEPTH = 1000;
/** Champion lists kept between queries (most recently used). */
const CHAMPION_CACHE_TERMS = 4096;
/** Query words' dictionary matches kept between queries (most recently used). */
const EXPANSION_CACHE_TERMS = 4096;

/** Prefix matching lets "trainium" find "trainium2"; fuzzy matching forgives typos in longer words. */
const prefixOf = (term: string) => term.length >= 4 && !/^\d/.test(term);
const fuzzyOf = (term: string) => (term.length >= 5 && !/\d/.test(term) ? 0.2 : 0);

/** One query term and the dictionary terms it matches (itself, by prefix, fuzzily) with their weights. */
export interface QueryTerm {
  source: string;
  /** Position among the query's distinct terms. */
  distinct: number;
  ids: readonly number[];
  weights: readonly number[];
}

export interface ExpandedQuery {
  terms: QueryTerm[];
  /** The distinct query terms, in order. */
  sources: string[];
  /** Dictionary term → each (query term, weight) it contributes to. */
  byTerm: Map<number, { term: number; weight: number }[]>;
  /**
   * Inverse document frequencies counted within the calls searched (see `within`), when the query
   * is scoped to some calls: a word in most of one company's passages ("dental" in a dental
   * maker's call) tells nothing there, however rare it is in the library. Absent: library-wide.
   */
  idf?: ReadonlyMap<number, number>;
  /** The mean passage length within those calls (BM25's length normalisation), likewise. */
  averageLength?: number;
}

/** A run of consecutive passages (one call's, as the index stores them). */
export interface PassageRange {
  first: number;
  count: number;
}

export interface ScoredPassage {
  index: number;
  score: number;
  /** Distinct query terms matched (exactly, by prefix or fuzzily). */
  queryTerms: readonly string[];
}

/** The matched terms of a passage that matched none (shared). */
const NO_TERMS: readonly string[] = Object.freeze([]);

/** Collects the shards' forward indexes over one global term list (each shard's own ids mapped onto it). */
export class LexicalIndexBuilder {
  private readonly forwardOffsets: number[] = [0];
  private readonly parts: { terms: Uint32Array; freqs: Uint16Array }[] = [];
  private postings = 0;

  constructor(private readonly termList: readonly string[]) {}

  /** Adds one shard's passages (in order); `global[i]` is the global id of the shard's term i. */
  addShard(global: Uint32Array, forward: { offsets: Uint32Array; terms: Uint32Array; freqs: Uint16Array }): void {
    const mapped = new Uint32Array(forward.terms.length);
    for (let i = 0; i < mapped.length; i++) mapped[i] = global[forward.terms[i]!]!;
    this.parts.push({ terms: mapped, freqs: forward.freqs });
    for (let p = 1; p < forward.offsets.length; p++) this.forwardOffsets.push(this.postings + forward.offsets[p]!);
    this.postings += mapped.length;
  }

  build(): LexicalIndex {
    const offsets = Uint32Array.from(this.forwardOffsets);
    const terms = new Uint32Array(this.postings);
    const freqs = new Uint16Array(this.postings);
    let at = 0;
    for (const p of this.parts) {
      terms.set(p.terms, at);
      freqs.set(p.freqs, at);
      at += p.terms.length;
    }
    this.parts.length = 0;
    return new LexicalIndex(this.termList, { offsets, terms, freqs });
  }
}

export class LexicalIndex {
  readonly documentCount: number;
  readonly averageLength: number;
  private readonly dictionary: SearchableMap<number>;
  /** Per term: how many passages hold it. */
  private readonly df: Uint32Array;
  /** Inverted index: term t's passages are docs[offsets[t]..offsets[t+1]), ascending. */
  private readonly inverted: { offsets: Uint32Array; docs: Uint32Array; freqs: Uint16Array };
  private readonly champions = new BoundedCache<number, { docs: Uint32Array; tfs: Uint16Array }>(CHAMPION_CACHE_TERMS, true);
  /** score()'s scratch: which distinct query words a passage matched. */
  private hits = new Uint8Array(64);
  /**
   * Per query word: the dictionary terms it matches and their weights. The dictionary never changes
   * under a loaded index and the same words come back query after query ("revenue", "guidance"),
   * while a fuzzy walk of the radix tree is the dearest part of reading a query.
   */
  private readonly expansions = new BoundedCache<string, { ids: readonly number[]; weights: readonly number[] }>(EXPANSION_CACHE_TERMS, true);
  /** Scratch for one query's accumulation (queries run one at a time on the event loop). */
  private readonly acc: Float64Array;
  private readonly matched: Uint32Array;
  /** candidates()' scratch: the passages its lists touched, in order (allocated on first use). */
  private touched: Uint32Array | null = null;

  constructor(
    private readonly terms: readonly string[],
    /** Per passage: its distinct terms and their frequencies (global term ids). */
    private readonly forward: { offsets: Uint32Array; terms: Uint32Array; freqs: Uint16Array },
  ) {
    this.documentCount = forward.offsets.length - 1;
    this.averageLength = this.documentCount > 0 ? forward.terms.length / this.documentCount : 0;
    this.dictionary = new SearchableMap<number>();
    terms.forEach((t, i) => this.dictionary.set(t, i));
    const df = new Uint32Array(terms.length);
    for (let i = 0; i < forward.terms.length; i++) df[forward.terms[i]!]!++;
    this.df = df;
    const offsets = new Uint32Array(terms.length + 1);
    for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t]! + df[t]!;
    const fill = offsets.slice(0, terms.length);
    const docs = new Uint32Array(forward.terms.length);
    const freqs = new Uint16Array(forward.terms.length);
    for (let d = 0; d < this.documentCount; d++) {
      for (let i = forward.offsets[d]!; i < forward.offsets[d + 1]!; i++) {
        const t = forward.terms[i]!;
        const at = fill[t]!++;
        docs[at] = d;
        freqs[at] = forward.freqs[i]!;
      }
    }
    this.inverted = { offsets, docs, freqs };
    this.acc = new Float64Array(this.documentCount);
    this.matched = new Uint32Array(this.documentCount);
  }

  /** Distinct terms of passage `doc` (its BM25 length, as MiniSearch counted it). */
  private length(doc: number): number {
    return this.forward.offsets[doc + 1]! - this.forward.offsets[doc]!;
  }

  private idf(term: number, query?: ExpandedQuery): number {
    const local = query?.idf?.get(term);
    if (local !== undefined) return local;
    return bm25Idf(this.documentCount, this.df[term]!);
  }

  /**
   * The query with its terms' document frequencies counted within `ranges` (the calls in scope):
   * each term's postings are sorted, so a range costs two binary searches, whatever the library's size.
   */
  within(query: ExpandedQuery, ranges: readonly PassageRange[]): ExpandedQuery {
    const total = ranges.reduce((n, r) => n + r.count, 0);
    // Calls that are the whole library ("the CFO" across every company) weigh words as the library does.
    if (total === 0 || total === this.documentCount) return query;
    const { offsets, docs } = this.inverted;
    const idf = new Map<number, number>();
    for (const id of query.byTerm.keys()) {
      let df = 0;
      for (const r of ranges) df += lowerBound(docs, r.first + r.count, offsets[id]!, offsets[id + 1]!) - lowerBound(docs, r.first, offsets[id]!, offsets[id + 1]!);
      idf.set(id, bm25Idf(total, df));
    }
    const length = ranges.reduce((n, r) => n + this.forward.offsets[r.first + r.count]! - this.forward.offsets[r.first]!, 0);
    return { ...query, idf, averageLength: length / total };
  }

  /** BM25+ weight of a term occurring `tf` times in passage `doc`, without the idf. */
  private tfPart(tf: number, doc: number, averageLength = this.averageLength): number {
    return BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * this.length(doc)) / averageLength));
  }

  /** The passages of `range` (one call's) holding exactly `term`, ascending: a view of its postings, found by two binary searches. */
  passagesWithin(term: string, range: PassageRange): Uint32Array {
    const all = this.passagesWith(term);
    return all.subarray(lowerBound(all, range.first, 0, all.length), lowerBound(all, range.first + range.count, 0, all.length));
  }

  /** The passages holding exactly `term` (a keyword token), ascending; empty when none does. */
  passagesWith(term: string): Uint32Array {
    const id = this.dictionary.get(term);
    if (id === undefined) return new Uint32Array(0);
    const { offsets, docs } = this.inverted;
    return docs.subarray(offsets[id]!, offsets[id + 1]!);
  }

  /** The dictionary terms one query word matches (itself, by prefix, fuzzily) with their weights, as MiniSearch weighs them. */
  private matches(source: string): { ids: readonly number[]; weights: readonly number[] } {
    return this.expansions.get(source, this.walkMatches);
  }

  /** matches() computed: the dictionary walked for one query word. */
  private readonly walkMatches = (source: string): { ids: readonly number[]; weights: readonly number[] } => {
    const ids: number[] = [];
    const weights: number[] = [];
    const add = (id: number, weight: number) => {
      ids.push(id);
      weights.push(weight);
    };
    const exact = this.dictionary.get(source);
    if (exact !== undefined) add(exact, 1);
    const prefixed = new Set<string>();
    if (prefixOf(source)) {
      for (const [term, id] of this.dictionary.atPrefix(source)) {
        const distance = term.length - source.length;
        if (!distance) continue;
        prefixed.add(term);
        add(id, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
      }
    }
    const fuzzy = fuzzyOf(source);
    const maxDistance = fuzzy ? Math.min(MAX_FUZZY, Math.round(source.length * fuzzy)) : 0;
    if (maxDistance) {
      for (const [term, [id, distance]] of this.dictionary.fuzzyGet(source, maxDistance)) {
        if (!distance || prefixed.has(term)) continue;
        add(id, (FUZZY_WEIGHT * term.length) / (term.length + distance));
      }
    }
    return { ids, weights };
  };

  /** The query's terms with the dictionary terms each matches, as MiniSearch expands them. */
  expand(text: string): ExpandedQuery {
    const sources: string[] = [];
    const terms: QueryTerm[] = [];
    const byTerm = new Map<number, { term: number; weight: number }[]>();
    for (const source of lexicalTokens(text)) {
      let distinct = sources.indexOf(source);
      if (distinct < 0) distinct = sources.push(source) - 1;
      const { ids, weights } = this.matches(source);
      const q: QueryTerm = { source, distinct, ids, weights };
      const at = terms.push(q) - 1;
      q.ids.forEach((id, i) => {
        const list = byTerm.get(id) ?? [];
        list.push({ term: at, weight: q.weights[i]! });
        byTerm.set(id, list);
      });
    }
    return { terms, sources, byTerm };
  }

  /** Passage `doc`'s exact score and matched query terms, from its forward list. */
  score(query: ExpandedQuery, doc: number): ScoredPassage {
    let sum = 0;
    // Which distinct query words matched: a scratch buffer, cleared after (passages are scored by the thousand a query).
    if (this.hits.length < query.sources.length) this.hits = new Uint8Array(query.sources.length * 2);
    const hit = this.hits;
    for (let i = this.forward.offsets[doc]!; i < this.forward.offsets[doc + 1]!; i++) {
      const uses = query.byTerm.get(this.forward.terms[i]!);
      if (!uses) continue;
      const base = this.idf(this.forward.terms[i]!, query) * this.tfPart(this.forward.freqs[i]!, doc, query.averageLength);
      for (const u of uses) {
        sum += u.weight * base;
        hit[query.terms[u.term]!.distinct] = 1;
      }
    }
    let matched: string[] | null = null;
    for (let i = 0; i < query.sources.length; i++) {
      if (hit[i] === 0) continue;
      (matched ??= []).push(query.sources[i]!);
      hit[i] = 0;
    }
    const queryTerms = matched ?? NO_TERMS;
    return { index: doc, score: sum * (queryTerms.length || 1), queryTerms };
  }

  /** Term t's passages of highest impact, with the term's frequency in each (all of them when it has few). */
  private champion(term: number): { docs: Uint32Array; tfs: Uint16Array } {
    const { offsets, docs, freqs } = this.inverted;
    const from = offsets[term]!;
    const to = offsets[term + 1]!;
    if (to - from <= CHAMPION_DEPTH) return { docs: docs.subarray(from, to), tfs: freqs.subarray(from, to) };
    return this.champions.get(term, () => this.championOf(from, to));
  }

  /** The CHAMPION_DEPTH postings of highest impact in `from..to` of the inverted lists. */
  private championOf(from: number, to: number): { docs: Uint32Array; tfs: Uint16Array } {
    const { docs, freqs } = this.inverted;
    const impact = new Float64Array(to - from);
    for (let i = from; i < to; i++) impact[i - from] = this.tfPart(freqs[i]!, docs[i]!);
    const order = Array.from({ length: to - from }, (_, i) => from + i);
    order.sort((a, b) => impact[b - from]! - impact[a - from]! || docs[a]! - docs[b]!);
    const top = order.slice(0, CHAMPION_DEPTH);
    return { docs: Uint32Array.from(top, (i) => docs[i]!), tfs: Uint16Array.from(top, (i) => freqs[i]!) };
  }

  /**
   * Every passage in the query's champion lists with an approximate score (exact when no list was
   * cut), to be taken best first: the candidates the caller re-scores exactly.
   */
  candidates(query: ExpandedQuery): CandidateStream {
    const { acc, matched } = this;
    const touched = (this.touched ??= new Uint32Array(this.documentCount));
    let count = 0;
    for (const [id, uses] of query.byTerm) {
      const { docs, tfs } = this.champion(id);
      const idf = this.idf(id, query);
      for (let j = 0; j < docs.length; j++) {
        const doc = docs[j]!;
        const base = idf * this.tfPart(tfs[j]!, doc, query.averageLength);
        if (matched[doc] === 0) touched[count++] = doc;
        for (const u of uses) {
          acc[doc] = acc[doc]! + u.weight * base;
          matched[doc] = matched[doc]! | (1 << (query.terms[u.term]!.distinct % 32));
        }
      }
    }
    const docs = touched.slice(0, count);
    const scores = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const doc = docs[i]!;
      scores[i] = acc[doc]! * popcount(matched[doc]!);
      acc[doc] = 0;
      matched[doc] = 0;
    }
    return new CandidateStream(docs, scores);
  }

  get termCount(): number {
    return this.terms.length;
  }

  term(id: number): string {
    return this.terms[id]!;
  }
}

function bm25Idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** First position in sorted `a[from..to)` whose value is ≥ `value`. */
function lowerBound(a: Uint32Array, value: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Candidates (passages with approximate scores) handed out best first, a batch at a time: sorting only what is taken. */
export class CandidateStream {
  private taken = 0;
  /** Positions into docs/scores, best first, as far as sorted. */
  private order: number[] = [];

  constructor(
    private readonly docs: Uint32Array,
    private readonly scores: Float64Array,
  ) {}

  get size(): number {
    return this.docs.length;
  }

  /** The next `count` best candidates (fewer at the end). */
  take(count: number): { index: number; score: number }[] {
    const want = Math.min(this.taken + count, this.docs.length);
    if (this.order.length < want) this.sortDownTo(want);
    const out = this.order.slice(this.taken, want).map((i) => ({ index: this.docs[i]!, score: this.scores[i]! }));
    this.taken = want;
    return out;
  }

  /**
   * Sorts at least the best `want` (all, when that is most of them, or when a first partial sort
   * fell short: a filter that few candidates pass reads deep, and re-selecting the threshold batch
   * after batch cost more than one full sort).
   */
  private sortDownTo(want: number): void {
    const n = this.docs.length;
    // -1/0/1 rather than the scores' difference: a fractional result is a heap number per comparison.
    const { scores, docs } = this;
    const better = (a: number, b: number) => (scores[b]! > scores[a]! ? 1 : scores[b]! < scores[a]! ? -1 : docs[a]! - docs[b]!);
    if (want * 4 >= n || this.order.length > 0) {
      this.order = Array.from({ length: n }, (_, i) => i).sort(better);
      return;
    }
    // The want-th best score, then everything at or above it (ties included), sorted.
    const sorted = Float64Array.from(this.scores).sort();
    const threshold = sorted[n - want]!;
    const top: number[] = [];
    for (let i = 0; i < n; i++) if (this.scores[i]! >= threshold) top.push(i);
    this.order = top.sort(better);
  }
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
}
