import type { CallResponse, CallSummary, PassageResponse, SearchResponse, TranscriptResponse } from '../api/schemas.js';
import type { LoadedIndex } from '../index/load.js';
import { PassageLocator } from '../index/passage-locator.js';
import type { Passage } from '../passages/types.js';
import { ANSWER_POOL, answerQuery, type AnswerContext } from './answer/answer.js';
import { TURN_CARD_SLACK } from './answer/turn-cards.js';
import { Exchanges } from './retrieve/exchanges.js';
import { companyGroups, fusePool, HybridRetriever, takingTurns } from './fuse.js';
import { preferCalls } from './retrieve/brand.js';
import { unknownCompany } from './interpret/call-scope.js';
import { interpretQuery } from './interpret/interpret-query.js';
import { literalPlan, type Filters, type QueryPlan } from './interpret/query-plan.js';
import { Spelling } from './interpret/spelling.js';
import type { SpeakerDirectory } from './interpret/speaker-directory.js';
import { respond } from './respond/respond.js';
import { LibraryViews } from './respond/views.js';
import { PassageRetrieval, type RetrievalMode, type StartedRetrieval } from './retrieve/retrieve.js';
import type { Retriever } from './retrieve/retriever.js';
import { SentenceFactsCache } from './sentences/sentence-facts.js';
import { SentenceScorer, sentenceData, type SentenceData } from './sentences/sentence-scores.js';

export type RetrieverName = RetrievalMode;

export interface SearchInput extends Filters {
  q: string;
  k: number;
}

export interface SearchOptions {
  retriever?: RetrieverName;
  /** false: rank the raw query with no speaker/intent understanding (the eval's plain baselines). */
  interpret?: boolean;
  /** The caller gave up (client gone, request timed out): the query leaves the model's queue and the search stops. */
  signal?: AbortSignal;
  /** Sees the leading results the order model ranks, with their features (scripts/fit-result-order.ts). */
  onOrder?: AnswerContext['onOrder'];
}

export interface EngineDeps {
  index: LoadedIndex;
  directory: SpeakerDirectory;
  /** Unit-length embedding of a query (the one model call a search costs); rejects with the signal's reason once it aborts. */
  embedQuery: (text: string, signal?: AbortSignal) => Promise<Float32Array>;
}

/** Resolves after the current event-loop turn's I/O and immediates (a model request queued in it has been sent). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Passages shown either side of a passage opened on its own. */
const NEIGHBOURS = 2;

/**
 * Search and browse over one loaded index. A search runs each stage once, in order:
 * interpret → embed → retrieve → fuse → answer → respond. Stateless per request, so concurrent
 * searches need no locking.
 */
export class SearchEngine {
  /** Every ranking on its own, behind the one Retriever interface (contract suite, debugging). */
  readonly retrievers: Record<RetrieverName, Retriever>;
  /** Sentence vectors and per-sentence facts, as every ranking and answer step sees them. */
  readonly sentences: SentenceData;
  private readonly retrieval: PassageRetrieval;
  /** API shapes of calls, passages and speakers, from maps built once. */
  private readonly views: LibraryViews;
  /** Passage ids (offset or legacy form) → positions. */
  private readonly locator: PassageLocator;
  private readonly spelling: Spelling;
  private readonly exchanges: Exchanges;
  private readonly facts = new SentenceFactsCache();
  /** Searches in progress on this engine (see searchOnce: alone, one overlaps retrieval with its model call). */
  private searching = 0;

  constructor(private readonly deps: EngineDeps) {
    const { index } = deps;
    this.sentences = sentenceData(index);
    this.exchanges = new Exchanges(index.passages);
    this.retrieval = new PassageRetrieval(index, this.exchanges, deps.directory.companies);
    const { dense, lexical } = this.retrieval;
    this.retrievers = { dense, lexical, hybrid: new HybridRetriever(dense, lexical, this.sentences) };
    this.views = new LibraryViews(index, deps.directory);
    this.locator = new PassageLocator(index.passages, index.legacyStarts);
    this.spelling = new Spelling(index.vocabulary);
  }

  get index(): LoadedIndex {
    return this.deps.index;
  }

  /** How a query is understood (no model call). */
  interpret(input: SearchInput, opts: SearchOptions = {}): QueryPlan {
    return (opts.interpret ?? true) ? interpretQuery(input.q, this.deps.directory, input, { spelling: this.spelling }) : literalPlan(input.q);
  }

  async search(input: SearchInput, opts: SearchOptions = {}): Promise<SearchResponse> {
    this.searching++;
    try {
      return await this.searchOnce(input, opts);
    } finally {
      this.searching--;
    }
  }

  private async searchOnce(input: SearchInput, opts: SearchOptions): Promise<SearchResponse> {
    const started = performance.now();
    const { passages } = this.deps.index;
    const plan = this.interpret(input, opts);
    // Answers are chosen among at least ANSWER_POOL passages, whatever k shows (the answer stage cuts
    // to k), and a few more are ranked: chunks of one turn joined into one card leave k cards.
    const pool = Math.max(input.k, ANSWER_POOL) + TURN_CARD_SLACK;
    const begin = () => this.retrieval.start(plan, plan.lexicalText, pool, opts.retriever ?? 'hybrid');
    const embedding = this.deps.embedQuery(plan.embedText, opts.signal);
    // Awaited below; a refusal or an abort meanwhile is not an unhandled rejection.
    embedding.catch(() => {});
    // The vector is computed in the model's own process. With no other search in progress this
    // thread would sit idle meanwhile: let the request reach the model first (the micro-batcher
    // sends at the end of this event-loop turn), then do retrieval's vector-free half — scope,
    // filters, the BM25 pass and lists — while it computes. With others in progress the thread has
    // their work to do, and a query waiting in the model's queue may yet be abandoned (its client
    // gone): it costs no retrieval until its vector is back.
    let retrieval: StartedRetrieval | null = null;
    if (this.searching === 1) {
      await nextTurn();
      opts.signal?.throwIfAborted();
      // Still alone (others may have arrived in the same turn)?
      if (this.searching === 1) retrieval = begin();
    }
    const vector = await embedding;
    // Nobody is waiting for the answer any more: skip building it.
    opts.signal?.throwIfAborted();
    retrieval ??= begin();
    const query = { text: plan.lexicalText, vector, figureTerms: plan.figureTerms };
    const scorer = new SentenceScorer(this.sentences, query);
    const retrieved = retrieval.finish(query, scorer);
    // Several companies named ("compare Amex and Hershey"): each gets its turn in the pool.
    const fused = plan.compared ? takingTurns(fusePool(retrieved.inScope, Infinity), companyGroups(plan.compared, (i) => passages[i]!.callId)).slice(0, pool) : fusePool(retrieved.inScope, pool);
    const { preferred } = retrieved;
    const ranked = {
      inScope: preferred ? preferCalls(fused, preferred.calls, (i) => passages[i]!.callId) : fused,
      broader: retrieved.broader && fusePool(retrieved.broader, pool),
      replies: retrieved.replies && {
        ranked: fusePool({ lists: [...retrieved.inScope.lists, { signal: 'reply', candidates: retrieved.replies.candidates }] }, pool),
        question: retrieved.replies.question,
      },
    };
    const answered = answerQuery(plan, retrieved, ranked, { passages, scorer, exchanges: this.exchanges, facts: this.facts, k: input.k, onOrder: opts.onOrder });
    return respond(
      input.q,
      plan,
      answered,
      {
        passages,
        views: this.views,
        callCount: this.deps.index.calls.length,
        companyCount: this.deps.directory.companies.companies.length,
        preferred,
      },
      started,
    );
  }

  /** The passage an id names (see PassageLocator: an offset id gives the passage covering it); its own id may differ from `id`. */
  passage(id: string): PassageResponse | null {
    const i = this.locator.find(id);
    if (i === null) return null;
    const { passages } = this.deps.index;
    const p = passages[i]!;
    const sameCall = (q: Passage | undefined): q is Passage => q !== undefined && q.callId === p.callId;
    const view = (q: Passage) => this.views.passage(q);
    return {
      passage: view(p),
      call: this.views.callRef(p.callId),
      before: passages.slice(Math.max(0, i - NEIGHBOURS), i).filter(sameCall).map(view),
      after: passages.slice(i + 1, i + 1 + NEIGHBOURS).filter(sameCall).map(view),
      links: this.views.links.links(p),
    };
  }

  /** The library's calls, in library order. */
  calls(): CallSummary[] {
    return this.views.list();
  }

  /**
   * The calls a listing asks for: by company (name, short name or ticker), ticker and fiscal year;
   * companies in alphabetical order, each company's calls newest first. An unknown company throws
   * UnknownScopeError (listing the known ones), as a search filter does.
   */
  callList(filters: { company?: string; ticker?: string; year?: number } = {}): { calls: CallSummary[]; total: number } {
    const { companies } = this.deps.directory;
    let companyKeys: Set<string> | null = null;
    if (filters.company) {
      const found = companies.resolve(filters.company);
      if (found.length === 0) throw unknownCompany(companies, filters.company);
      companyKeys = new Set(found.map((c) => c.key));
    }
    return { calls: this.views.listing({ companyKeys, ticker: filters.ticker, year: filters.year }), total: this.views.list().length };
  }

  /** One call's metadata, participants and exchanges; null for an unknown id. */
  call(id: string): CallResponse | null {
    return this.views.call(id, this.deps.index.passages);
  }

  /** Every passage of one call, in order; null for an unknown id. */
  transcript(callId: string): TranscriptResponse | null {
    const range = this.views.passagesOf(callId);
    if (!range) return null;
    const passages = this.deps.index.passages.slice(range.from, range.to);
    return { call_id: callId, passages: passages.map((p) => this.views.passage(p)) };
  }
}
