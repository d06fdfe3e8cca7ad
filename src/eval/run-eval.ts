import type { RetrieverName, SearchEngine, SearchOptions } from '../search/engine.js';
import { scoreQuestion, summarize, EVAL_K, type Metrics, type QuestionOutcome } from './evaluate.js';
import type { Question } from './question-set.js';

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

/** Runs every question through engine.search — the same code path as the API. */
export async function runEval(engine: SearchEngine, items: readonly Question[], systems: SystemUnderTest[] = SYSTEMS): Promise<SystemReport[]> {
  const reports: SystemReport[] = [];
  for (const sys of systems) {
    const outcomes: QuestionOutcome[] = [];
    for (const item of items) outcomes.push(scoreQuestion(item, await engine.search({ q: item.q, k: EVAL_K }, sys.options)));
    reports.push({ name: sys.name, metrics: summarize(outcomes), outcomes });
  }
  return reports;
}
