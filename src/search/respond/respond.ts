import { CALLS_LISTED, type ConstraintName, type Interpreted, type KeyPoint, type SearchResponse, type SearchResult } from '../../api/schemas.js';
import type { Passage } from '../../passages/types.js';
import type { Answered, AnsweredResult } from '../answer/answer.js';
import type { KeyPointPick } from '../answer/key-points.js';
import { cardText } from '../answer/turn-cards.js';
import type { QueryPlan } from '../interpret/query-plan.js';
import type { PreferredCompany } from '../retrieve/brand.js';
import type { LibraryViews } from './views.js';

/** The last stage: what the search concluded, in the API's shape (the page and the CLI render exactly this). */

export interface RespondContext {
  passages: readonly Passage[];
  views: LibraryViews;
  /** Calls in the library: notices say "this call" only when there is one. */
  callCount: number;
  /** Companies in the library: a figure asked of none is said to be one company's only when there are several. */
  companyCount: number;
  /** The company whose brand the query names instead of it (its passages lead), or null. */
  preferred?: PreferredCompany | null;
}

/**
 * The brand's company as the response reports it: only when one of the results shown is from its
 * calls. A preference none of whose passages made the results (a who-asked scope, a speaker of
 * another company) shaped nothing shown, and saying "its calls first" would be false.
 */
function shownPreference(preferred: PreferredCompany | null | undefined, results: readonly SearchResult[]): Interpreted['preferred_company'] {
  if (!preferred || !results.some((r) => preferred.calls.has(r.call_id))) return null;
  return { key: preferred.company.key, name: preferred.company.name, matched: preferred.matched };
}

function keyPointView(k: KeyPointPick, ctx: RespondContext): KeyPoint {
  const p = ctx.passages[k.passageIndex]!;
  const call = ctx.views.callRef(p.callId);
  return { text: k.span.text, passage_id: p.id, start: k.span.start, end: k.span.end, speaker: ctx.views.speaker(p), call, citation: ctx.views.citation(p, k.span.text) };
}

/** One result card. */
function searchResult(r: AnsweredResult, rank: number, ctx: RespondContext): SearchResult {
  const p = ctx.passages[r.candidate.index]!;
  const call = ctx.views.callRef(p.callId);
  // A card of several chunks of one turn: their text, from the first's start to the last's end;
  // the answer's offsets moved by where its passage starts in it.
  // The card keeps its answer's passage id (reading it in context opens where the answer is).
  const view = ctx.views.passage(p);
  let shift = 0;
  if (r.through) {
    const { first, last } = r.through;
    const joined = cardText(ctx.passages, first, last);
    Object.assign(view, { text: joined.text, start: ctx.passages[first]!.start, end: ctx.passages[last]!.end });
    shift = joined.offsets.get(r.candidate.index)!;
  }
  // Object.assign onto the fresh view, not a spread: V8 builds `{ ...view, rank, … }` ~100× slower
  // (each property after a spread costs ~1 µs here), and this runs for every result of every search.
  return Object.assign(view, {
    rank,
    score: Number(r.candidate.score.toFixed(6)),
    relevance: r.relevance,
    weak: r.weak,
    answer: { text: r.answer.text, start: r.answer.start + shift, end: r.answer.end + shift },
    call,
    // The answer sentence as a quote an analyst can paste, with who said it and in which call.
    citation: ctx.views.citation(p, r.answer.text),
    links: ctx.views.links.links(p),
  });
}

function interpretedView(plan: QueryPlan, answered: Answered, preferred: Interpreted['preferred_company']): Interpreted {
  return {
    topic: plan.typedTopic,
    intent: plan.intent,
    speakers: plan.speakers
      .filter((s) => !answered.chosen || s.person === answered.chosen.person)
      .map((s) => ({ id: s.person.key, name: s.person.name, matched: s.matched, company: s.person.company.name, calls: s.person.refs.map((r) => r.callId) })),
    companies: plan.companies.map(({ company, matched }) => ({ key: company.key, name: company.name, ticker: company.ticker, matched })),
    period: plan.period ? { label: plan.period.label, matched: plan.period.matched } : null,
    calls: plan.callIds ? [...plan.callIds].slice(0, CALLS_LISTED) : null,
    calls_total: plan.callIds ? plan.callIds.size : null,
    side: plan.side,
    section: plan.section,
    source: plan.source,
    sources: plan.sources,
    corrected_topic: plan.corrections.length > 0 ? plan.topic : null,
    relaxed: answered.relaxed,
    unmatched: plan.unmatched,
    pasted: plan.pasted,
    preferred_company: preferred,
  };
}

const CONSTRAINT_WORDS: Record<ConstraintName, string> = { speaker: 'speaker', side: 'side', section: 'section', company: 'company', period: 'period', call: 'call' };

/** Where the search looked, for notices: "in Amazon.com, Inc. Q4 2025", "in General Electric's calls", "in the library". */
function scopeLabel(plan: QueryPlan, ctx: RespondContext, chosen: Answered['chosen']): string {
  if (ctx.callCount === 1) return 'on this call';
  // A name that matched several people: where the one chosen speaks.
  const calls = chosen && plan.companies.length === 0 ? new Set(chosen.person.refs.map((r) => r.callId)) : plan.callIds;
  if (calls && calls.size === 1) {
    const ref = ctx.views.callRef([...calls][0]!);
    return `in ${[ref.company, ref.quarter].filter(Boolean).join(' ')}`;
  }
  const named = plan.companies.length > 0 ? plan.companies.map((c) => c.company) : chosen ? [chosen.person.company] : plan.speakers.map((s) => s.person.company);
  const companies = [...new Set(named.map((c) => c.name))];
  const period = plan.period ? ` for ${plan.period.label}` : '';
  if (companies.length === 1) return `in ${companies[0]}'s calls${period}`;
  if (companies.length > 1) return `in the calls of ${list(companies)}${period}`;
  return plan.period ? `in the calls${period}` : 'in the library';
}
const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** The notice a reader sees above the results, or null when the results simply answer. */
function noticeText(answered: Answered, plan: QueryPlan, ctx: RespondContext): string | null {
  const { outcome } = answered;
  const topic = plan.topic;
  const corrected = plan.corrections.length > 0 ? `Showing results for "${topic}". ` : '';
  // Constraints the question implied that nothing met together: dropped, and said so.
  const dropped = answered.relaxed.filter((r) => r !== 'period' && !(r === 'speaker' && (outcome.kind === 'speaker_silent' || outcome.kind === 'nobody_discussed')));
  const relaxedNote = dropped.length > 0 ? `No passage fits everything the question implies; showing results without its ${list(dropped.map((r) => CONSTRAINT_WORDS[r]))} constraint. ` : '';
  const where = scopeLabel(plan, ctx, null);
  // What the one person chosen among namesakes did not discuss, and where they speak.
  const theirs = scopeLabel(plan, ctx, answered.chosen);
  const chosen = answered.chosen
    ? `"${answered.chosen.matched}" matched ${answered.chosen.among} people; showing ${answered.chosen.person.name} (${[answered.chosen.person.company.name, answered.chosen.person.title ?? answered.chosen.person.firm].filter(Boolean).join(', ')}). `
    : '';
  // A role named without a company ("the CFO"): everyone holding it, and how to ask for one company's.
  const roleCompanies = plan.groupByCompany ? new Set(plan.speakers.map((sp) => sp.person.company.key)).size : 0;
  const grouped =
    roleCompanies > 1 ? `"${plan.speakers[0]!.matched}" means ${plan.speakers.length} people at ${roleCompanies} companies; their results are grouped by company (name a company for one). ` : '';
  const period = plan.droppedPeriod ? `No call in scope is from "${plan.droppedPeriod}"; searched ${plan.period ? `${plan.period.label} only` : 'every period'}. ` : '';
  const unknown = list(plan.unmatched.map((u) => `"${u}"`));
  const unmatched = plan.unmatched.length > 0 && outcome.kind !== 'nothing_to_search' ? `Nothing ${where} matches ${unknown}; searched without it. ` : '';
  const lead = `${corrected}${chosen}${grouped}${unmatched}${period}${relaxedNote}`;
  switch (outcome.kind) {
    case 'answered': {
      // A figure asked of no company in a library of several: whose it is, and how to ask for another's.
      // Not of who asked ("how many analysts asked about tariffs"): the results are questions, no company's figure.
      const holder = answered.topAnswer !== null ? answered.results[answered.topAnswer] : undefined;
      const whose =
        plan.fact && holder && ctx.companyCount > 1 && plan.callIds === null && plan.speakers.length === 0 && plan.intent !== 'who_asked'
          ? `No company named: this is ${ctx.views.callRef(ctx.passages[holder.candidate.index]!.callId).company}'s figure (name a company, or set company, for another's). `
          : '';
      return `${lead}${whose}`.trim() || null;
    }
    case 'speaker_silent':
      return `${lead}${outcome.speakers.join(' or ')} did not discuss "${topic}" ${theirs}; showing what others said.`;
    case 'filter_silent':
      return `${lead}${outcome.speakers.join(' or ')} did not discuss "${topic}"; these are the closest of their passages (set speaker to any to see who did).`;
    case 'nobody_discussed':
      return `${lead}Nobody ${where} discussed "${topic}"; these are the closest passages.`;
    case 'off_topic':
      return `${lead}Nothing ${where} is clearly about "${topic}"; these are the closest passages.`;
    case 'loosely_related':
      return `${lead}Nothing ${where} plainly answers "${topic}"; these are the closest passages, loosely related.`;
    case 'nothing_to_search':
      return `${lead}Nothing ${where} matches ${unknown}, and the question names nothing else to search for.`;
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
    interpreted: interpretedView(plan, answered, shownPreference(ctx.preferred, results)),
    answer: top && answered.onTopic ? { text: top.answer.text, speaker: top.speaker, call: top.call, passage_id: top.id, start: top.answer.start, end: top.answer.end } : null,
    notice: noticeText(answered, plan, ctx),
    key_points: answered.keyPoints.map((k) => keyPointView(k, ctx)),
    results,
  };
}
