import type { Interpreted, SearchResponse, SearchResult } from '../../api/schemas.js';
import type { Passage } from '../../passages/types.js';
import type { Answered, AnsweredResult, Outcome } from '../answer/answer.js';
import type { QueryPlan } from '../interpret/query-plan.js';
import type { QaLinker } from './qa-links.js';
import { passageView } from './views.js';

/** The last stage: what the search concluded, in the API's shape (the page and the CLI render exactly this). */

export interface RespondContext {
  passages: readonly Passage[];
  links: QaLinker;
}

/** One result card. */
function searchResult(r: AnsweredResult, rank: number, ctx: RespondContext): SearchResult {
  const p = ctx.passages[r.candidate.index]!;
  return {
    ...passageView(p),
    rank,
    score: Number(r.candidate.score.toFixed(6)),
    relevance: { score: 0, label: 'related' },
    weak: false,
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
    key_points: [],
    results,
  };
}
