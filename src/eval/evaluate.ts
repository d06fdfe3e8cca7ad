import type { SearchResponse } from '../api/schemas.js';
import type { Question } from './question-set.js';
import { fold, holdsAnyGold } from './gold.js';

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
  /** The top-level answer sentence holds an `answer` phrase; null when the question has none. */
  answerOk: boolean | null;
  answerText: string | null;
  /** How many of the gold phrases the key points hold, of how many. */
  keyPointGold: { found: number; of: number };
  /** The top result comes from a call the question names; null when it names none. */
  callOk: boolean | null;
  topCall: string | null;
}

export interface Metrics {
  n: number;
  r1: number;
  r5: number;
  mrr10: number;
  /** Over the questions that pin a speaker. */
  speaker1: number;
  speakerN: number;
  /** Over the questions with `answer` phrases. */
  answer1: number;
  answerN: number;
  /** Over the questions with several gold phrases: mean share of them found in the key points… */
  keyPointCoverage: number;
  /** …and the share of those questions whose key points hold at least two. */
  keyPointsTwoPlus: number;
  keyPointN: number;
  /** Over the questions that name their call(s): the top result comes from one of them. */
  call1: number;
  callN: number;
}

export const EVAL_K = 10;


/** `expectedCalls`: ids of the calls the question names (empty: any call may answer). */
export function scoreQuestion(item: Question, response: SearchResponse, expectedCalls: readonly string[] = []): QuestionOutcome {
  const idx = response.results.slice(0, EVAL_K).findIndex((r) => holdsAnyGold(r.text, item.gold));
  const top = response.results[0];
  // The expected speaker is a surname, possibly of several words ("Dybeck Happe"): the name ends with it.
  const named = (name: string, expected: string) => fold(name) === fold(expected) || fold(name).endsWith(` ${fold(expected)}`);
  const expected = item.speaker ?? null;
  const points = response.key_points.map((k) => k.text);
  return {
    q: item.q,
    kind: item.kind ?? '',
    hitRank: idx >= 0 ? idx + 1 : null,
    expectedSpeaker: expected,
    topSpeaker: top?.speaker.name ?? null,
    speakerOk: expected ? Boolean(top && named(top.speaker.name, expected)) : null,
    topText: top?.text ?? '',
    answerOk: item.answer ? Boolean(response.answer && holdsAnyGold(response.answer.text, item.answer)) : null,
    answerText: response.answer?.text ?? null,
    keyPointGold: { found: item.gold.filter((g) => points.some((p) => holdsAnyGold(p, [g]))).length, of: item.gold.length },
    callOk: expectedCalls.length > 0 ? Boolean(top && expectedCalls.includes(top.call_id)) : null,
    topCall: top?.call_id ?? null,
  };
}

export function summarize(outcomes: QuestionOutcome[]): Metrics {
  const n = outcomes.length;
  const at = (k: number) => outcomes.filter((o) => o.hitRank !== null && o.hitRank <= k).length / n;
  const share = (xs: QuestionOutcome[], ok: (o: QuestionOutcome) => boolean) => (xs.length ? xs.filter(ok).length / xs.length : 1);
  const pinned = outcomes.filter((o) => o.speakerOk !== null);
  const answered = outcomes.filter((o) => o.answerOk !== null);
  const several = outcomes.filter((o) => o.keyPointGold.of >= 2);
  const located = outcomes.filter((o) => o.callOk !== null);
  return {
    n,
    r1: at(1),
    r5: at(5),
    mrr10: outcomes.reduce((s, o) => s + (o.hitRank ? 1 / o.hitRank : 0), 0) / n,
    speaker1: share(pinned, (o) => o.speakerOk === true),
    speakerN: pinned.length,
    answer1: share(answered, (o) => o.answerOk === true),
    answerN: answered.length,
    keyPointCoverage: several.length ? several.reduce((s, o) => s + o.keyPointGold.found / o.keyPointGold.of, 0) / several.length : 1,
    keyPointsTwoPlus: share(several, (o) => o.keyPointGold.found >= 2),
    keyPointN: several.length,
    call1: share(located, (o) => o.callOk === true),
    callN: located.length,
  };
}
