import { formatCitation } from '../../api/citation.js';
import type { CallRef, ConstraintName, Interpreted, KeyPoint, SearchResponse, SearchResult } from '../../api/schemas.js';
import type { StoredCall } from '../../index/stored-call.js';
import type { Passage } from '../../passages/types.js';
import type { Answered, AnsweredResult } from '../answer/answer.js';
import type { KeyPointPick } from '../answer/key-points.js';
import type { QueryPlan } from '../interpret/query-plan.js';
import type { QaLinker } from './qa-links.js';
import { passageView, speakerOf } from './views.js';

/** The last stage: what the search concluded, in the API's shape (the page and the CLI render exactly this). */

export interface RespondContext {
  passages: readonly Passage[];
  links: QaLinker;
  /** Call id → how results name their call. */
  calls: ReadonlyMap<string, CallRef>;
}

/** How results name each call, built once per index. */
export function callRefs(calls: readonly StoredCall[]): Map<string, CallRef> {
  return new Map(calls.map((c) => [c.meta.id, callRef(c)]));
}

function callRef(call: StoredCall): CallRef {
  const m = call.meta;
  return { id: m.id, company: m.company, ticker: m.ticker || null, quarter: m.quarter || null, year: m.fiscalYear ?? null, date: m.date || null };
}

function keyPointView(k: KeyPointPick, ctx: RespondContext): KeyPoint {
  const p = ctx.passages[k.passageIndex]!;
  const call = ctx.calls.get(p.callId)!;
  return { text: k.span.text, passage_id: p.id, start: k.span.start, end: k.span.end, speaker: speakerOf(p), call, citation: formatCitation(k.span.text, p.speaker, call) };
}

/** One result card. */
function searchResult(r: AnsweredResult, rank: number, ctx: RespondContext): SearchResult {
  const p = ctx.passages[r.candidate.index]!;
  return {
    ...passageView(p),
    rank,
    score: Number(r.candidate.score.toFixed(6)),
    relevance: r.relevance,
    weak: r.weak,
    answer: { text: r.answer.text, start: r.answer.start, end: r.answer.end },
    // The answer sentence as a quote an analyst can paste, with who said it and in which call.
    citation: formatCitation(r.answer.text, p.speaker, ctx.calls.get(p.callId)!),
    links: ctx.links.links(p),
  };
}

function interpretedView(plan: QueryPlan, answered: Answered): Interpreted {
  return {
    topic: plan.typedTopic,
    intent: plan.intent,
    speakers: plan.speakers.map((s) => ({ id: s.ref.participant.id, name: s.ref.participant.name, matched: s.matched })),
    side: plan.side,
    section: plan.section,
    source: plan.source,
    sources: plan.sources,
    corrected_topic: plan.corrections.length > 0 ? plan.topic : null,
    relaxed: answered.relaxed,
    pasted: plan.pasted,
  };
}

const CONSTRAINT_WORDS: Record<ConstraintName, string> = { speaker: 'speaker', side: 'side', section: 'section' };
const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** The notice a reader sees above the results, or null when the results simply answer. */
function noticeText(answered: Answered, plan: QueryPlan): string | null {
  const { outcome } = answered;
  const topic = plan.topic;
  const corrected = plan.corrections.length > 0 ? `Showing results for "${topic}". ` : '';
  // Constraints the question implied that nothing met together: dropped, and said so.
  const dropped = answered.relaxed.filter((r) => !(r === 'speaker' && (outcome.kind === 'speaker_silent' || outcome.kind === 'nobody_discussed')));
  const relaxedNote = dropped.length > 0 ? `No passage fits everything the question implies; showing results without its ${list(dropped.map((r) => CONSTRAINT_WORDS[r]))} constraint. ` : '';
  const lead = `${corrected}${relaxedNote}`;
  switch (outcome.kind) {
    case 'answered':
      return lead ? lead.trim() : null;
    case 'speaker_silent':
      return `${lead}${outcome.speakers.join(' or ')} did not discuss "${topic}" on this call; showing what others said.`;
    case 'filter_silent':
      return `${lead}${outcome.speakers.join(' or ')} did not discuss "${topic}"; these are the closest of their passages (set speaker to any to see who did).`;
    case 'nobody_discussed':
      return `${lead}Nobody on this call discussed "${topic}"; these are the closest passages.`;
    case 'off_topic':
      return `${lead}Nothing on this call is clearly about "${topic}"; these are the closest passages.`;
    case 'no_passage':
      if (outcome.filters.length === 0) return `${lead}No passage fits these constraints together.`;
      return `${lead}No passage fits the ${list(outcome.filters.map((f) => CONSTRAINT_WORDS[f]))} filter${outcome.filters.length > 1 ? 's together; drop one of them' : '; drop it'} to see results.`;
  }
}

export function respond(query: string, plan: QueryPlan, answered: Answered, ctx: RespondContext, startedAt: number): SearchResponse {
  const results = answered.results.map((r, i) => searchResult(r, i + 1, ctx));
  const top = answered.topAnswer === null ? undefined : results[answered.topAnswer];
  return {
    query,
    took_ms: Number((performance.now() - startedAt).toFixed(2)),
    interpreted: interpretedView(plan, answered),
    answer: top && answered.onTopic ? { text: top.answer.text, speaker: top.speaker, passage_id: top.id, start: top.answer.start, end: top.answer.end } : null,
    notice: noticeText(answered, plan),
    key_points: answered.keyPoints.map((k) => keyPointView(k, ctx)),
    results,
  };
}
