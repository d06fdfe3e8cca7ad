import type { CallRef, CallResponse, PassageResponse, SearchResponse, TranscriptResponse } from '../api/schemas.js';
import type { LoadedIndex } from '../index/load.js';
import { PassageLocator } from '../index/passage-locator.js';
import type { Passage } from '../passages/types.js';
import { answerQuery } from './answer/answer.js';
import { Exchanges } from './answer/exchanges.js';
import { fusePool, HybridRetriever } from './fuse.js';
import { interpretQuery } from './interpret/interpret-query.js';
import { literalPlan, type Filters, type QueryPlan } from './interpret/query-plan.js';
import { Spelling } from './interpret/spelling.js';
import type { SpeakerDirectory } from './interpret/speaker-directory.js';
import { QaLinker } from './respond/qa-links.js';
import { callRefs, respond } from './respond/respond.js';
import { callView, passageView } from './respond/views.js';
import { PassageRetrieval, type RetrievalMode } from './retrieve/retrieve.js';
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
}

export interface EngineDeps {
  index: LoadedIndex;
  directory: SpeakerDirectory;
  /** Unit-length embedding of a query (the one model call a search costs); rejects with the signal's reason once it aborts. */
  embedQuery: (text: string, signal?: AbortSignal) => Promise<Float32Array>;
}

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
  private readonly links: QaLinker;
  /** Passage ids (offset or legacy form) → positions. */
  private readonly locator: PassageLocator;
  private readonly callRefs: Map<string, CallRef>;
  private readonly spelling: Spelling;
  private readonly exchanges: Exchanges;
  private readonly facts = new SentenceFactsCache();

  constructor(private readonly deps: EngineDeps) {
    const { index } = deps;
    this.sentences = sentenceData(index);
    this.retrieval = new PassageRetrieval(index);
    const { dense, lexical } = this.retrieval;
    this.retrievers = { dense, lexical, hybrid: new HybridRetriever(dense, lexical, this.sentences) };
    this.links = new QaLinker(index.calls, index.passages);
    this.locator = new PassageLocator(index.passages, index.legacyStarts);
    this.callRefs = callRefs(index.calls);
    this.spelling = new Spelling(index.passages.map((p) => p.text));
    this.exchanges = new Exchanges(index.passages);
  }

  get index(): LoadedIndex {
    return this.deps.index;
  }

  /** How a query is understood (no model call). */
  interpret(input: SearchInput, opts: SearchOptions = {}): QueryPlan {
    return (opts.interpret ?? true) ? interpretQuery(input.q, this.deps.directory, input, { spelling: this.spelling }) : literalPlan(input.q);
  }

  async search(input: SearchInput, opts: SearchOptions = {}): Promise<SearchResponse> {
    const started = performance.now();
    const { passages } = this.deps.index;
    const plan = this.interpret(input, opts);
    const vector = await this.deps.embedQuery(plan.embedText, opts.signal);
    // Nobody is waiting for the answer any more: skip building it.
    opts.signal?.throwIfAborted();
    const query = { text: plan.lexicalText, vector, figureTerms: plan.figureTerms };
    const scorer = new SentenceScorer(this.sentences, query);
    const retrieved = this.retrieval.retrieve(plan, query, scorer, input.k, opts.retriever ?? 'hybrid');
    const ranked = {
      inScope: fusePool(retrieved.inScope, input.k),
      broader: retrieved.broader && fusePool(retrieved.broader, input.k),
    };
    const answered = answerQuery(plan, retrieved, ranked, { passages, scorer, exchanges: this.exchanges, facts: this.facts });
    return respond(input.q, plan, answered, { passages, links: this.links, calls: this.callRefs }, started);
  }

  /** The passage an id names (see PassageLocator: an offset id gives the passage covering it); its own id may differ from `id`. */
  passage(id: string): PassageResponse | null {
    const i = this.locator.find(id);
    if (i === null) return null;
    const { passages } = this.deps.index;
    const p = passages[i]!;
    const sameCall = (q: Passage | undefined): q is Passage => q !== undefined && q.callId === p.callId;
    return {
      passage: passageView(p),
      before: passages.slice(Math.max(0, i - NEIGHBOURS), i).filter(sameCall).map(passageView),
      after: passages.slice(i + 1, i + 1 + NEIGHBOURS).filter(sameCall).map(passageView),
      links: this.links.links(p),
    };
  }

  calls(): CallResponse[] {
    return this.deps.index.calls.map((c) => callView(c, this.deps.index.passages, this.links));
  }

  transcript(callId?: string): TranscriptResponse | null {
    const id = callId ?? this.deps.index.calls[0]?.meta.id;
    const passages = this.deps.index.passages.filter((p) => p.callId === id);
    return id && passages.length > 0 ? { call_id: id, passages: passages.map(passageView) } : null;
  }
}
