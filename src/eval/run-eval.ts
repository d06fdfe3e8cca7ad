import type { RetrieverName, SearchEngine, SearchOptions } from '../search/engine.js';
import { scoreQuestion, summarize, EVAL_K, type Metrics, type QuestionOutcome } from './evaluate.js';
import type { Filters } from '../search/interpret/query-plan.js';
import { sourcesOf, type Question } from './question-set.js';

export interface SystemUnderTest {
  name: string;
  options: SearchOptions;
}

/** The shipped system first, then the plain baselines over the same passages (no query understanding). */
export const SYSTEMS: SystemUnderTest[] = [
  { name: 'transcript search (hybrid + query understanding)', options: { retriever: 'hybrid', interpret: true } },
  { name: 'BM25 only', options: { retriever: 'lexical' as RetrieverName, interpret: false } },
  { name: 'dense (MiniLM + HNSW) only', options: { retriever: 'dense' as RetrieverName, interpret: false } },
];

export interface SystemReport {
  name: string;
  metrics: Metrics;
  outcomes: QuestionOutcome[];
}

/** Source file name → call id in the library searched (undefined: not in it). */
export type CallIdOf = (source: string) => string | undefined;

/**
 * The filters a user would have set for a question (its `scope`): its company ("company"), its call
 * ("call"), or none ("none", or no scope: the question alone must find the call).
 */
export function scopeFilters(item: Question, callIdOf: CallIdOf, companyOfCall: (callId: string) => string | undefined = () => undefined): Filters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  if (item.scope === 'company' && item.company !== undefined) {
    // The company as the library names it (what a user picks from the list), else as the set writes it.
    const call = sourcesOf(item).map(callIdOf).find((id) => id !== undefined);
    return { company: (call && companyOfCall(call)) ?? first(item.company) };
  }
  if (item.scope === 'call') {
    const call = sourcesOf(item).map(callIdOf).find((id) => id !== undefined);
    if (call) return { call };
  }
  return {};
}

/** Runs every question through engine.search — the same code path as the API — with the filters its scope implies. */
export async function runEval(engine: SearchEngine, items: readonly Question[], systems: SystemUnderTest[] = SYSTEMS, callIdOf: CallIdOf = () => undefined): Promise<SystemReport[]> {
  const reports: SystemReport[] = [];
  const companies = new Map(engine.calls().map((c) => [c.id, c.ticker ?? c.company]));
  for (const sys of systems) {
    const outcomes: QuestionOutcome[] = [];
    for (const item of items) {
      const expected = sourcesOf(item).map(callIdOf).filter((id): id is string => id !== undefined);
      const response = await engine.search({ q: item.q, k: EVAL_K, ...scopeFilters(item, callIdOf, (id) => companies.get(id)) }, sys.options);
      outcomes.push(scoreQuestion(item, response, expected));
    }
    reports.push({ name: sys.name, metrics: summarize(outcomes), outcomes });
  }
  return reports;
}
