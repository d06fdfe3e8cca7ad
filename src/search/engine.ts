import { formatCitation } from '../api/citation.js';
import type { CallResponse, PassageResponse, PassageView, SearchResponse, SearchResult, Speaker, TranscriptResponse } from '../api/schemas.js';
import { lexicalTokens } from '../index/lexical-tokens.js';
import type { LoadedIndex } from '../index/load.js';
import { PassageLocator } from '../index/passage-locator.js';
import type { Passage } from '../passages/types.js';
import { answerSentence } from './answer.js';
import { DenseRetriever } from './dense-retriever.js';
import { HybridRetriever, type SentenceVectors } from './hybrid-retriever.js';
import { interpretQuery, literalPlan, type Filters, type QueryPlan } from './interpret.js';
import { LexicalRetriever } from './lexical-retriever.js';
import { QaLinker } from './qa-links.js';
import type { Candidate, PassageFilter, Retriever } from './retriever.js';
import { speakerKey, type SpeakerDirectory } from './speaker-directory.js';
import { topicDiscussed } from './topic-check.js';
import { expandFinanceTerms } from './finance-terms.js';
import { describeSentence } from './sentence-info.js';

export type RetrieverName = 'hybrid' | 'dense' | 'lexical';

export interface SearchInput extends Filters {
  q: string;
  k: number;
}

export interface SearchOptions {
  retriever?: RetrieverName;
  /** false: rank the raw query with no speaker/intent understanding (the eval's plain baselines). */
  interpret?: boolean;
}

export interface EngineDeps {
  index: LoadedIndex;
  directory: SpeakerDirectory;
  /** Unit-length embedding of a query (the one model call a search costs). */
  embedQuery: (text: string) => Promise<Float32Array>;
}

/** Passages shown either side of a passage opened on its own. */
const NEIGHBOURS = 2;

function speakerOf(p: Passage): Speaker {
  return { id: p.speaker.id, name: p.speaker.name, title: p.speaker.title, side: p.speaker.side, firm: p.speaker.firm };
}

export function passageView(p: Passage): PassageView {
  return {
    id: p.id,
    call_id: p.callId,
    text: p.text,
    speaker: speakerOf(p),
    section: p.section,
    exchange: p.exchange,
    start: p.start,
    end: p.end,
    turn: p.turn,
    role: p.role,
  };
}

/** Search and browse over one loaded index. Stateless per request, so concurrent searches need no locking. */
export class SearchEngine {
  readonly retrievers: Record<RetrieverName, Retriever>;
  /** Sentence vectors and per-sentence facts, as every ranking and answer step sees them. */
  readonly sentences: SentenceVectors;
  private readonly links: QaLinker;
  /** Passage ids (offset or legacy form) → positions. */
  private readonly locator: PassageLocator;
  /** speakerKey → that speaker's passage positions, in call order. */
  private readonly bySpeaker = new Map<string, number[]>();

  constructor(private readonly deps: EngineDeps) {
    const { index } = deps;
    const info = index.passages.flatMap((p) => p.sentences.map((s) => describeSentence(s.text)));
    this.sentences = { vectors: index.sentenceVectors, start: index.sentenceStart, dimensions: index.dimensions, info };
    const dense = new DenseRetriever(index.hnsw, index.manifest.hnsw.ef_search);
    const lexical = new LexicalRetriever(index.lexical);
    this.retrievers = { dense, lexical, hybrid: new HybridRetriever(dense, lexical, this.sentences) };
    this.links = new QaLinker(index.calls, index.passages);
    this.locator = new PassageLocator(index.passages, index.legacyStarts);
    index.passages.forEach((p, i) => {
      const key = speakerKey(p.callId, p.speaker.id);
      const list = this.bySpeaker.get(key);
      if (list) list.push(i);
      else this.bySpeaker.set(key, [i]);
    });
  }

  get index(): LoadedIndex {
    return this.deps.index;
  }

  private filterFor(plan: QueryPlan, withSpeakers: boolean): PassageFilter {
    const { passages } = this.deps.index;
    return (i) => {
      const p = passages[i]!;
      if (withSpeakers && plan.speakerKeys && !plan.speakerKeys.has(speakerKey(p.callId, p.speaker.id))) return false;
      if (plan.side ? p.speaker.side !== plan.side : p.speaker.side === 'operator') return false;
      if (plan.section && p.section !== plan.section) return false;
      if (plan.questionsOnly && p.role !== 'question') return false;
      return true;
    };
  }

  async search(input: SearchInput, opts: SearchOptions = {}): Promise<SearchResponse> {
    const started = performance.now();
    const { passages } = this.deps.index;
    const interpret = opts.interpret ?? true;
    const plan: QueryPlan = interpret
      ? interpretQuery(input.q, this.deps.directory, input)
      : literalPlan(input.q);
    const retriever = this.retrievers[opts.retriever ?? 'hybrid'];
    const vector = await this.deps.embedQuery(plan.matchText);
    const query = { text: interpret ? expandFinanceTerms(plan.matchText) : plan.matchText, vector, figureTerms: plan.figureTerms };

    // The topic check weighs the words the person used, not the abbreviation expansions.
    const unexpanded = { ...query, text: plan.matchText };
    let notice: string | null = null;
    // Nothing retrieved is about the topic: still list the closest passages, but claim no answer.
    let offTopic = false;
    let candidates: Candidate[];
    if (!plan.topic && plan.speakerKeys) {
      // "What did the JPMorgan analyst ask?": nothing to rank by, so give their words in call order.
      // Only their own passages are visited, so the cost follows the speaker, not the corpus.
      const allowed = this.filterFor(plan, true);
      const theirs = [...plan.speakerKeys].flatMap((key) => this.bySpeaker.get(key) ?? []).sort((a, b) => a - b);
      candidates = theirs.filter(allowed).slice(0, input.k).map((index, r) => ({ index, score: 1 / (r + 1) }));
    } else {
      candidates = retriever.retrieve(query, input.k, this.filterFor(plan, true));
      if (plan.speakerKeys && plan.topic && !topicDiscussed(unexpanded, candidates, this.deps.index.lexical, this.sentences)) {
        const names = [...new Set(plan.speakers.map((s) => s.ref.participant.name))].join(' or ');
        candidates = retriever.retrieve(query, input.k, this.filterFor(plan, false));
        offTopic = !topicDiscussed(unexpanded, candidates, this.deps.index.lexical, this.sentences);
        notice = offTopic
          ? `Nobody on this call discussed "${plan.topic}"; these are the closest passages.`
          : `${names} did not discuss "${plan.topic}" on this call; showing what others said.`;
      } else if (plan.topic && !topicDiscussed(unexpanded, candidates, this.deps.index.lexical, this.sentences)) {
        offTopic = true;
        notice = `Nothing on this call is clearly about "${plan.topic}"; these are the closest passages.`;
      }
    }

    if (candidates.length === 0) {
      offTopic = true;
      notice = 'No passage of this call fits the speaker, side and section constraints together.';
    }

    const terms = new Set(lexicalTokens(plan.matchText));
    const results: SearchResult[] = candidates.map((c, r) => {
      const p = passages[c.index]!;
      const answer = answerSentence(p, c.index, query, terms, this.sentences);
      // [team/citation] every result carries its answer sentence as a citable quote (src/api/citation.ts).
      const call = this.deps.index.calls.find((x) => x.meta.id === p.callId)!.meta;
      return {
        ...passageView(p),
        rank: r + 1,
        score: Number(c.score.toFixed(6)),
        answer: { text: answer.text, start: answer.start, end: answer.end },
        citation: formatCitation(answer.text, p.speaker, call),
        links: this.links.links(p),
      };
    });
    const top = results[0];
    return {
      query: input.q,
      took_ms: Number((performance.now() - started).toFixed(2)),
      interpreted: {
        topic: plan.topic,
        intent: plan.intent,
        speakers: plan.speakers.map((s) => ({ id: s.ref.participant.id, name: s.ref.participant.name, matched: s.matched })),
        side: plan.side,
        section: plan.section,
        source: plan.source,
        sources: plan.sources,
      },
      answer: top && !offTopic ? { text: top.answer.text, speaker: top.speaker, passage_id: top.id, start: top.answer.start, end: top.answer.end } : null,
      notice,
      results,
    };
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
    return this.deps.index.calls.map((c) => {
      const participant = (id: string) => {
        const p = c.participants.find((x) => x.id === id)!;
        return { id: p.id, name: p.name, title: p.title, firm: p.firm, side: p.side };
      };
      return {
        id: c.meta.id,
        title: c.meta.title,
        company: c.meta.company,
        ticker: c.meta.ticker,
        quarter: c.meta.quarter,
        date: c.meta.date,
        time: c.meta.time,
        participants: c.participants.map((p) => participant(p.id)),
        exchanges: c.exchanges.map((ex) => {
          const first = this.deps.index.passages.find((p) => p.callId === c.meta.id && p.exchange === ex.id);
          const links = first ? this.links.links(first) : { question: null, answers: [] };
          return { id: ex.id, analyst: participant(ex.analystId), question: links.question, answers: links.answers };
        }),
      };
    });
  }

  transcript(callId?: string): TranscriptResponse | null {
    const id = callId ?? this.deps.index.calls[0]?.meta.id;
    const passages = this.deps.index.passages.filter((p) => p.callId === id);
    return id && passages.length > 0 ? { call_id: id, passages: passages.map(passageView) } : null;
  }
}
