import type { CallRef, Interpreted, KeyPoint, SearchResponse, SearchResult } from '../../api/schemas.js';
import type { StoredCall } from '../../index/stored-call.js';
import type { Passage } from '../../passages/types.js';
import type { Answered, AnsweredResult, Outcome } from '../answer/answer.js';
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
  return { text: k.span.text, passage_id: p.id, start: k.span.start, end: k.span.end, speaker: speakerOf(p), call: ctx.calls.get(p.callId)! };
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
    links: ctx.links.links(p),
  };
}

export function interpretedView(plan: QueryPlan): Interpreted {
  return {
    topic: plan.topic,
    intent: plan.intent,
    speakers: plan.speakers.map((s) => ({ id: s.ref.participant.id, name: s.ref.participant.name, matched: s.matched })),
    side: plan.side,
    section: plan.section,
    source: plan.source,
    sources: plan.sources,
    corrected_topic: null,
    relaxed: [],
    pasted: false,
  };
}

/** The notice a reader sees above the results, or null when the results simply answer. */
export function noticeText(outcome: Outcome, plan: QueryPlan): string | null {
  switch (outcome.kind) {
    case 'answered':
      return null;
    case 'speaker_silent':
      return `${outcome.speakers.join(' or ')} did not discuss "${plan.topic}" on this call; showing what others said.`;
    case 'nobody_discussed':
      return `Nobody on this call discussed "${plan.topic}"; these are the closest passages.`;
    case 'off_topic':
      return `Nothing on this call is clearly about "${plan.topic}"; these are the closest passages.`;
    case 'no_passage':
      return 'No passage of this call fits the speaker, side and section constraints together.';
  }
}

export function respond(query: string, plan: QueryPlan, answered: Answered, ctx: RespondContext, startedAt: number): SearchResponse {
  const results = answered.results.map((r, i) => searchResult(r, i + 1, ctx));
  const top = answered.topAnswer === null ? undefined : results[answered.topAnswer];
  return {
    query,
    took_ms: Number((performance.now() - startedAt).toFixed(2)),
    interpreted: interpretedView(plan),
    answer: top && answered.onTopic ? { text: top.answer.text, speaker: top.speaker, passage_id: top.id, start: top.answer.start, end: top.answer.end } : null,
    notice: noticeText(answered.outcome, plan),
    key_points: answered.keyPoints.map((k) => keyPointView(k, ctx)),
    results,
  };
}
