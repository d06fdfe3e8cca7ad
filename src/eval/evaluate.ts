import type { SearchResponse } from '../api/schemas.js';
import type { Question } from './question-set.js';

/** The scoring rule of the question set: case-insensitive, whitespace runs folded to one space. */
export const fold = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

export interface QuestionOutcome {
  q: string;
  kind: string;
  /** 1-based rank of the first passage containing a gold phrase within the top 10, or null. */
  hitRank: number | null;
  /** Expected surname on the top passage, when the question pins one. */
  expectedSpeaker: string | null;
  topSpeaker: string | null;
  speakerOk: boolean | null;
  topText: string;
}

export interface Metrics {
  n: number;
  r1: number;
  r5: number;
  mrr10: number;
  /** Over the questions that pin a speaker. */
  speaker1: number;
  speakerN: number;
}

export const EVAL_K = 10;

export function scoreQuestion(item: Question, response: SearchResponse): QuestionOutcome {
  const gold = item.gold.map(fold);
  const idx = response.results.slice(0, EVAL_K).findIndex((r) => gold.some((g) => fold(r.text).includes(g)));
  const top = response.results[0];
  const surname = (name: string) => fold(name).split(' ').pop() ?? '';
  const expected = item.speaker ?? null;
  return {
    q: item.q,
    kind: item.kind ?? '',
    hitRank: idx >= 0 ? idx + 1 : null,
    expectedSpeaker: expected,
    topSpeaker: top?.speaker.name ?? null,
    speakerOk: expected ? Boolean(top && surname(top.speaker.name) === fold(expected)) : null,
    topText: top?.text ?? '',
  };
}

export function summarize(outcomes: QuestionOutcome[]): Metrics {
  const n = outcomes.length;
  const at = (k: number) => outcomes.filter((o) => o.hitRank !== null && o.hitRank <= k).length / n;
  const pinned = outcomes.filter((o) => o.speakerOk !== null);
  return {
    n,
    r1: at(1),
    r5: at(5),
    mrr10: outcomes.reduce((s, o) => s + (o.hitRank ? 1 / o.hitRank : 0), 0) / n,
    speaker1: pinned.length ? pinned.filter((o) => o.speakerOk).length / pinned.length : 1,
    speakerN: pinned.length,
  };
}
