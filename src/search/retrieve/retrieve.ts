import { BoundedCache } from '../../index/bounded-cache.js';
import type { LoadedIndex } from '../../index/load.js';
import type { Passage } from '../../passages/types.js';
import { passageWords } from '../../passages/word-count.js';
import type { CallMeta } from '../../transcript/types.js';
import { asksAboutQuestions, type QueryPlan } from '../interpret/query-plan.js';
import { speakerKey } from '../interpret/speaker-directory.js';
import type { SentenceScorer } from '../sentences/sentence-scores.js';
import type { CompanyDirectory } from '../interpret/companies.js';
import { brandCompany, describedCompany, soleCompany, type CompanyTerms, type PreferredCompany } from './brand.js';
import { DenseRetriever } from './dense.js';
import type { Exchanges } from './exchanges.js';
import { LexicalRetriever, type LexicalPass } from './lexical.js';
import { replies, type Replies } from './replies.js';
import { exactScopeMax, type Candidate, type PassageFilter, type PreparedQuery } from './retriever.js';
import { scopeFilter, ScopeCheck, scopeMembers, type Relaxable, type Scope } from './scope.js';

/** Which signals rank passages: all of them, or one alone (the eval's plain baselines). */
export type RetrievalMode = 'hybrid' | 'dense' | 'lexical';

/**
 * The ranked lists retrieval hands to fusion:
 * - dense: passage cosine (HNSW);
 * - lexical: BM25;
 * - sentence: the best single-sentence cosine among the dense ∪ lexical candidates (rewards a
 *   passage with one sentence that answers even when the rest of the paragraph is about something
 *   else — common in long prepared remarks);
 * - figure: for quantity questions, the candidates with a sentence stating the figure asked for;
 * - order: a speaker's passages in call order, when there is no topic to rank by;
 * - boost: the candidates of the people a pasted question addresses, by best sentence;
 * - reply: the named speakers' answers to the analyst questions that best match the query (replies.ts).
 */
export type Signal = 'dense' | 'lexical' | 'sentence' | 'figure' | 'order' | 'boost' | 'reply';
export interface SignalList {
  signal: Signal;
  candidates: Candidate[];
}

/** The ranked lists of one scope. */
export interface Pool {
  lists: SignalList[];
  /** Whether the pool's scope allows a passage not in its lists (a reply the answer stage brings in); absent: any. */
  allows?: PassageFilter;
}

export interface Retrieval {
  /** Passages the plan allows. */
  inScope: Pool;
  /**
   * The same ranking without the speaker constraint, retrieved up front so that "the named speaker
   * never discussed it" can show who did without searching again. Null when no speaker is named
   * or there is no topic.
   */
  broader: Pool | null;
  /** The one BM25 pass of this query (null when nothing is ranked by topic). */
  lexical: LexicalPass | null;
  /** Constraints the query implied that no passage met together, dropped to retrieve anything. */
  relaxed: Relaxable[];
  /** Even the request's own filters exclude every passage: nothing was retrieved. */
  unmet: boolean;
  /** The named speakers' answers to the questions that best match the query (replies.ts); null when no speaker is named. */
  replies: Replies | null;
  /** A brand the query names instead of its company (brand.ts), with that company's calls: their passages lead. Null when none does, or the query names a company or call itself. */
  preferred: PreferredCompany | null;
}

/** Retrieval begun before the query vector exists (PassageRetrieval.start); `finish` ranks with it. */
export interface StartedRetrieval {
  finish(query: PreparedQuery, scorer: SentenceScorer): Retrieval;
}

/** Candidates pulled from each first-stage retriever; bounded, so per-query work does not grow with the corpus. */
export const CANDIDATE_POOL = 40;

/** Tokens whose sole company is remembered (first in, first out). */
const TERM_COMPANIES_KEPT = 8192;

/** Under this many words a passage says too little to stand for what someone said or asked ("Thank you."). */
const SLIGHT_WORDS = 12;

export interface RetrieveSignals {
  dense: DenseRetriever;
  lexical: LexicalPass;
  scorer: SentenceScorer;
  /** People named inside a pasted question: their candidates get a list of their own (favoured, not required). */
  boostKeys?: ReadonlySet<string> | null;
  passages?: readonly Passage[];
}

/**
 * The BM25 list rankedLists would take for one scope (null in dense mode): it needs no query
 * vector, so the engine reads it while the model computes (PassageRetrieval.start).
 */
export function lexicalList(lexical: LexicalPass, k: number, filter: PassageFilter | undefined, mode: RetrievalMode): Candidate[] | null {
  if (k <= 0 || mode === 'dense') return null;
  return lexical.top(mode === 'lexical' ? k : Math.max(k, CANDIDATE_POOL), filter);
}

/**
 * The lists of one scope: first-stage candidates, then sentence-level signals over their union.
 * `lexicalCandidates`: the scope's lexicalList, when already read.
 */
export function rankedLists(
  signals: RetrieveSignals,
  query: PreparedQuery,
  k: number,
  filter: PassageFilter | undefined,
  mode: RetrievalMode,
  lexicalCandidates?: Candidate[] | null,
): SignalList[] {
  if (k <= 0) return [];
  const pool = Math.max(k, CANDIDATE_POOL);
  const lexical = lexicalCandidates ?? lexicalList(signals.lexical, k, filter, mode) ?? [];
  if (mode === 'dense') return [{ signal: 'dense', candidates: signals.dense.retrieve(query, k, filter) }];
  if (mode === 'lexical') return [{ signal: 'lexical', candidates: lexical }];
  const dense = signals.dense.retrieve(query, pool, filter);
  const union = [...new Set<number>([...dense, ...lexical].map((c) => c.index))];
  const { scorer } = signals;
  const lists: SignalList[] = [
    { signal: 'dense', candidates: dense },
    { signal: 'lexical', candidates: lexical },
    { signal: 'sentence', candidates: union.map((index) => ({ index, score: scorer.bestInPassage(index) })).sort((a, b) => b.score - a.score) },
  ];
  if (signals.boostKeys && signals.passages) {
    const { boostKeys, passages } = signals;
    const theirs = lists[2]!.candidates.filter((c) => boostKeys.has(speakerKey(passages[c.index]!.callId, passages[c.index]!.speaker.id)));
    if (theirs.length > 0) lists.push({ signal: 'boost', candidates: theirs });
  }
  if (query.figureTerms) {
    const figure = union
      .map((index) => ({ index, score: scorer.bestInPassage(index, true) }))
      .filter((c) => c.score > -1)
      .sort((a, b) => b.score - a.score);
    lists.push({ signal: 'figure', candidates: figure });
  }
  return lists;
}

/** Larger for a later call: its fiscal period, else its date; 0 when neither is known. */
export function callRecency(meta: Pick<CallMeta, 'fiscalYear' | 'fiscalQuarter' | 'date'>): number {
  if (meta.fiscalYear !== null) return meta.fiscalYear * 4 + (meta.fiscalQuarter ?? 4);
  if (meta.date) return Number(meta.date.slice(0, 4)) * 4 + Math.ceil(Number(meta.date.slice(5, 7)) / 3);
  return 0;
}

/** Retrieval over one loaded index: dense and lexical retrievers, and each speaker's passages. */
export class PassageRetrieval {
  readonly dense: DenseRetriever;
  readonly lexical: LexicalRetriever;
  /** speakerKey → that speaker's passage positions, in call order. */
  private readonly bySpeaker = new Map<string, number[]>();
  /** Passage position → its speakerKey (one string per speaker, shared). */
  private readonly speakerKeys: string[] = [];
  private readonly scopes: ScopeCheck;
  /** Call id → how recent it is (callRecency). */
  private readonly recency = new Map<string, number>();
  /** Keyword token → the one company whose passages alone hold it, or null (see companyOfTerm). */
  private readonly termCompanies = new BoundedCache<string, string | null>(TERM_COMPANIES_KEPT);
  /** A keyword's passages by company, for a company described rather than named (describedCompany). */
  private readonly companyTerms: CompanyTerms;

  constructor(
    private readonly index: LoadedIndex,
    private readonly exchanges: Exchanges,
    /** The library's companies (one company's calls share one across quarters). */
    private readonly companies: CompanyDirectory,
  ) {
    this.dense = new DenseRetriever(index, index.manifest.hnsw.ef_search);
    this.lexical = new LexicalRetriever(index.lexical);
    const shared = new Map<string, string>();
    index.passages.forEach((p, i) => {
      const built = speakerKey(p.callId, p.speaker.id);
      const key = shared.get(built) ?? (shared.set(built, built), built);
      const list = this.bySpeaker.get(key);
      if (list) list.push(i);
      else this.bySpeaker.set(key, [i]);
      this.speakerKeys.push(key);
    });
    this.scopes = new ScopeCheck(index.passages, { callPassages: index.callPassages, bySpeaker: this.bySpeaker });
    for (const c of index.calls) this.recency.set(c.meta.id, callRecency(c.meta));
    const companyOf = (i: number) => this.companies.companyOf(index.passages[i]!.callId)?.key ?? index.passages[i]!.callId;
    const sizes = new Map<string, number>();
    for (let i = 0; i < index.passages.length; i++) {
      const company = companyOf(i);
      sizes.set(company, (sizes.get(company) ?? 0) + 1);
    }
    this.companyTerms = { passagesWith: (term) => index.lexical.passagesWith(term), companyOf, passagesOf: (c) => sizes.get(c) ?? 0, total: index.passages.length };
  }

  /** The calls of the company a brand in the topic names or the question describes (brand.ts), when the query and request name no company or call. */
  private brandCalls(plan: QueryPlan, scope: Scope): PreferredCompany | null {
    // One company's library has nothing to prefer.
    if (this.companies.companies.length < 2 || !plan.topic || plan.pasted || plan.literal || scope.callIds || plan.companies.length > 0) return null;
    const brand = brandCompany(plan.topic, (term) => this.companyOfTerm(term)) ?? (plan.described ? describedCompany(plan.described, this.companyTerms) : null);
    const company = brand && this.companies.withKey(brand.company);
    return brand && company ? { company, matched: brand.matched, calls: company.callIds } : null;
  }

  /** The one company whose passages alone hold a keyword token (brand.ts), remembered per token: the same words come back query after query. */
  private companyOfTerm(term: string): string | null {
    return this.termCompanies.get(term, () => soleCompany(this.companyTerms.passagesWith(term), this.companyTerms.companyOf));
  }

  /** The scope's filter, listing its passages when they are few enough to score exactly (see PassageFilter). */
  private filterFor(scope: Scope, withSpeakers = true): PassageFilter {
    const filter = scopeFilter(this.index.passages, scope, withSpeakers, this.speakerKeys);
    const { members, reach } = scopeMembers({ callPassages: this.index.callPassages, bySpeaker: this.bySpeaker }, scope, withSpeakers, exactScopeMax(this.index.passages.length));
    return Object.assign(filter, members ? { members } : {}, reach !== null ? { reach } : {});
  }

  /** The plan's scope, or the nearest one something meets (see ScopeCheck.relax). */
  private scopeFor(plan: QueryPlan): { scope: Scope; relaxed: Relaxable[]; unmet: boolean } {
    const implied = new Set<Relaxable>();
    if (plan.sources.section === 'query') implied.add('section');
    if (plan.sources.side === 'query') implied.add('side');
    if (plan.sources.side !== 'request' && plan.sources.speaker !== 'request') implied.add('questions');
    if (plan.sources.speaker === 'query') implied.add('speaker');
    return this.scopes.relax(plan, implied);
  }

  /**
   * Retrieval's first half, which needs no query vector: the scope (relaxed if nothing meets it),
   * its filters, the one BM25 pass and every BM25 list the second half ranks with. The engine runs
   * it while the model computes the query's vector; `finish` completes the retrieval with it.
   */
  start(plan: QueryPlan, text: string, k: number, mode: RetrievalMode): StartedRetrieval {
    const { passages } = this.index;
    const { scope, relaxed, unmet } = this.scopeFor(plan);
    const none = { lists: [] };
    const done = (r: Omit<Retrieval, 'relaxed' | 'unmet' | 'preferred'>): StartedRetrieval => ({ finish: () => ({ ...r, relaxed, unmet, preferred: null }) });
    if (unmet) return done({ inScope: none, broader: null, lexical: null, replies: null });
    if (!plan.topic && scope.speakerKeys) {
      // "What did the JPMorgan analyst ask?": nothing to rank by, so give their words in call order,
      // the newest call first (of several people or calls, the latest is the likeliest meant).
      // Only their own passages are visited, so the cost follows the speaker, not the corpus.
      const allowed = scopeFilter(passages, scope, true, this.speakerKeys);
      const newest = (i: number) => this.recency.get(passages[i]!.callId) ?? 0;
      // A few words ("Hi, can you hear me now?") are not what they asked or said: their fuller passages first.
      const slight = (i: number) => (passageWords(passages[i]!) < SLIGHT_WORDS ? 1 : 0);
      const theirs = [...scope.speakerKeys].flatMap((key) => this.bySpeaker.get(key) ?? []).sort((a, b) => newest(b) - newest(a) || slight(a) - slight(b) || a - b);
      const ordered = theirs.filter(allowed).slice(0, k).map((index, r) => ({ index, score: 1 / (r + 1) }));
      return done({ inScope: { lists: [{ signal: 'order', candidates: ordered }] }, broader: null, lexical: null, replies: null });
    }
    // Scoped to some calls, words are weighed by how rare they are there, as if those calls were the library.
    const calls = scope.callIds ? [...scope.callIds].flatMap((id) => this.index.callPassages.get(id) ?? []) : undefined;
    const lexical = this.lexical.pass(text, calls);
    // The BM25 lists in the order the scopes read them (the pass reads its champion lists lazily, so the order is kept).
    const inFilter = this.filterFor(scope);
    const inLexical = lexicalList(lexical, k, inFilter, mode);
    // Only a speaker the query implied may be looked past; one the request names is obeyed.
    const broaderFilter = scope.speakerKeys && plan.topic && plan.sources.speaker === 'query' ? this.filterFor(scope, false) : null;
    const broaderLexical = broaderFilter && lexicalList(lexical, k, broaderFilter, mode);
    // A named speaker's answers ranked by the questions they reply to, for when their own words
    // never name the topic (answer.ts falls back on them before concluding they did not discuss it).
    const wantReplies = mode === 'hybrid' && scope.speakerKeys && plan.topic && !asksAboutQuestions(plan) && scope.section !== 'prepared_remarks';
    const preferred = this.brandCalls(plan, scope);
    const questions = wantReplies ? lexical.top(CANDIDATE_POOL, this.filterFor({ callIds: scope.callIds, speakerKeys: null, side: null, section: null, questionsOnly: true })) : null;
    return {
      finish: (query, scorer) => {
        const signals = { dense: this.dense, lexical, scorer, boostKeys: plan.boostKeys, passages };
        const inScope = { lists: rankedLists(signals, query, k, inFilter, mode, inLexical), allows: inFilter };
        const broader = broaderFilter ? { lists: rankedLists(signals, query, k, broaderFilter, mode, broaderLexical), allows: broaderFilter } : null;
        let replyPool: Replies | null = null;
        if (questions) {
          // The broader pool's candidates (already ranked) and BM25's best questions: no second dense search.
          const seen = broader?.lists.filter((l) => l.signal === 'dense' || l.signal === 'lexical').flatMap((l) => l.candidates) ?? [];
          const pool = [...seen, ...questions].map((c) => c.index);
          const found = replies(pool, (q) => scorer.bestInPassage(q), passages, this.exchanges, inFilter);
          if (found.candidates.length > 0) replyPool = found;
        }
        return { inScope, broader, lexical, relaxed, unmet, replies: replyPool, preferred };
      },
    };
  }
}
