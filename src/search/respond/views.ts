import { citationQuote, citationSource } from '../../api/citation.js';
import type { CallRef, CallResponse, CallSummary, PassageView, Speaker } from '../../api/schemas.js';
import type { StoredCall } from '../../index/stored-call.js';
import type { Passage } from '../../passages/types.js';
import type { Participant } from '../../transcript/types.js';
import type { CompanyDirectory } from '../interpret/companies.js';
import type { SpeakerDirectory } from '../interpret/speaker-directory.js';
import { QaLinker } from './qa-links.js';

/**
 * API shapes of the stored data — speakers, passages, calls — from maps built once per index, so a
 * call's page or a passage's neighbours never scan the library.
 */
export class LibraryViews {
  readonly links: QaLinker;
  private readonly refs = new Map<string, CallRef>();
  private readonly calls = new Map<string, StoredCall>();
  /** Each call's passages: [from, to) positions in the index (a call's passages are contiguous). */
  private readonly ranges = new Map<string, { from: number; to: number }>();
  /** A call's exchange → its first passage position. */
  private readonly firstOfExchange = new Map<string, number>();
  private readonly summaries: CallSummary[];
  private readonly summaryById = new Map<string, CallSummary>();
  /** A passage speaker's citation source (who, where), built on first use: results quote few speakers, many times. */
  private readonly sources = new WeakMap<Passage['speaker'], { callId: string; source: string }>();

  constructor(
    index: { calls: readonly StoredCall[]; passages: readonly Passage[] },
    private readonly directory: SpeakerDirectory,
  ) {
    const { calls, passages } = index;
    passages.forEach((p, i) => {
      const range = this.ranges.get(p.callId);
      if (range) range.to = i + 1;
      else this.ranges.set(p.callId, { from: i, to: i + 1 });
      if (p.exchange !== null && !this.firstOfExchange.has(`${p.callId}#${p.exchange}`)) this.firstOfExchange.set(`${p.callId}#${p.exchange}`, i);
    });
    for (const c of calls) {
      this.calls.set(c.meta.id, c);
      this.refs.set(c.meta.id, callRef(c));
    }
    this.links = new QaLinker(calls, passages, (callId, p) => this.participant(callId, p));
    this.summaries = calls.map((c) => this.summary(c, directory.companies));
    for (const s of this.summaries) this.summaryById.set(s.id, s);
  }

  /** How results name a call. */
  callRef(callId: string): CallRef {
    return this.refs.get(callId)!;
  }

  /** A speaker as the API shows it: its id is the person's (unique per company, the same across its calls). */
  participant(callId: string, p: Participant): Speaker {
    const person = this.directory.personOf(callId, p.id);
    return { id: person?.key ?? p.id, name: p.name, title: p.title, side: p.side, firm: this.firm(callId, p) };
  }

  speaker(p: Passage): Speaker {
    const person = this.directory.personOf(p.callId, p.speaker.id);
    return { id: person?.key ?? p.speaker.id, name: p.speaker.name, title: p.speaker.title, side: p.speaker.side, firm: this.firm(p.callId, p.speaker) };
  }

  /**
   * A speaker's firm as the API names it: an analyst's firm, or for the company's own people the
   * company, also when the transcript never wrote it beside their name (captions, speech-to-text
   * exports: the side is known, the firm line is not); null for the operator and the unplaced.
   */
  private firm(callId: string, p: Pick<Participant, 'side' | 'firm'>): string | null {
    return p.firm ?? (p.side === 'company' ? (this.refs.get(callId)?.company ?? null) : null);
  }

  /** `text` cited as passage `p`'s speaker's words (formatCitation's line). */
  citation(p: Passage, text: string): string {
    let cached = this.sources.get(p.speaker);
    if (cached?.callId !== p.callId) {
      cached = { callId: p.callId, source: citationSource(p.speaker, this.callRef(p.callId)) };
      this.sources.set(p.speaker, cached);
    }
    return `${citationQuote(text)} — ${cached.source}`;
  }

  passage(p: Passage): PassageView {
    return {
      id: p.id,
      call_id: p.callId,
      text: p.text,
      speaker: this.speaker(p),
      section: p.section,
      exchange: p.exchange,
      start: p.start,
      end: p.end,
      turn: p.turn,
      role: p.role,
      start_time: p.startTime,
    };
  }

  /** The positions of a call's passages, in order; null for an unknown call. */
  passagesOf(callId: string): { from: number; to: number } | null {
    return this.ranges.get(callId) ?? null;
  }

  /** Every call, in library order, with what a list needs. */
  list(): CallSummary[] {
    return this.summaries;
  }

  /**
   * A listing: the calls of `companyKeys` (null: every company), ticker and fiscal year; companies
   * in alphabetical order, each company's calls newest first.
   */
  listing(filters: { companyKeys: ReadonlySet<string> | null; ticker?: string; year?: number }): CallSummary[] {
    const { companies } = this.directory;
    const ticker = filters.ticker?.toUpperCase();
    const calls = this.summaries.filter(
      (c) => (!filters.companyKeys || filters.companyKeys.has(c.company_key)) && (!ticker || c.ticker === ticker) && (filters.year === undefined || c.year === filters.year),
    );
    const order = new Map(companies.companies.map((c) => [c.key, c]));
    const rank = new Map(companies.companies.flatMap((c) => c.calls.map((m, i) => [m.id, i] as const)));
    return calls.sort(
      (a, b) =>
        (order.get(a.company_key)?.name ?? a.company).localeCompare(order.get(b.company_key)?.name ?? b.company) ||
        (rank.get(b.id) ?? 0) - (rank.get(a.id) ?? 0),
    );
  }

  private summary(c: StoredCall, companies: CompanyDirectory): CallSummary {
    const range = this.ranges.get(c.meta.id);
    const company = companies.companyOf(c.meta.id);
    return {
      ...this.callRef(c.meta.id),
      company_key: company?.key ?? c.meta.id,
      title: c.meta.title,
      time: c.meta.time,
      layout: c.meta.layout,
      sector: c.meta.sector,
      counts: {
        passages: range ? range.to - range.from : 0,
        participants: c.participants.length,
        turns: c.turns.length,
        exchanges: c.exchanges.length,
      },
    };
  }

  /** A call's metadata, participants and Q&A exchanges (each with its question and answer passage ids). */
  call(callId: string, passages: readonly Passage[]): CallResponse | null {
    const c = this.calls.get(callId);
    if (!c) return null;
    const byId = new Map(c.participants.map((p) => [p.id, p]));
    return {
      ...this.summaryById.get(callId)!,
      participants: c.participants.map((p) => this.participant(callId, p)),
      exchanges: c.exchanges.map((ex) => {
        const first = this.firstOfExchange.get(`${callId}#${ex.id}`);
        const links = first === undefined ? { question: null, answers: [] } : this.links.links(passages[first]!);
        return { id: ex.id, analyst: this.participant(callId, byId.get(ex.analystId)!), question: links.question, answers: links.answers };
      }),
    };
  }
}

function callRef(call: StoredCall): CallRef {
  const m = call.meta;
  return { id: m.id, company: m.company, ticker: m.ticker || null, quarter: m.quarter || null, year: m.fiscalYear ?? null, date: m.date || null };
}
