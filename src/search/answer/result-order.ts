/**
 * The order of the first few results. The fused ranking (fuse.ts) weighs where each signal put a
 * passage; it cannot weigh what the answer stage learns afterwards — whether a passage holds a
 * sentence that states what was asked, how much of the question it covers, whether it is an
 * analyst asking rather than management answering. A linear ranking model over those, fitted
 * pairwise (a passage holding a gold phrase against one that does not, among the first few) by
 * `npx tsx scripts/fit-result-order.ts` on the dev question sets, orders the leading results.
 */

import type { Passage } from '../../passages/types.js';
import type { Pool } from '../retrieve/retrieve.js';
import type { RelevanceFeatures } from './relevance.js';
import { passageWords } from '../../passages/word-count.js';

export interface OrderFeatures {
  /** 1 / (1 + its place in the order so far): what fusion and the answer stage's rules decided. */
  position: number;
  /** Score of its best answer sentence (answer-score.ts). */
  answer: number;
  /** Whole-passage cosine with the query. */
  passage: number;
  /** Share of the typed words it matched lexically. */
  coverage: number;
  /** 1 / (1 + its place in the scope's BM25 list); 0 when BM25 did not list it. */
  lexical: number;
  /** ln(1 + words) / 6: a passage cut off after a few words rarely holds the answer. */
  words: number;
  /** 1 for an analyst's question: it restates a topic, it does not answer it. */
  asks: number;
  /** 1 for management's answer in the Q&A. */
  reply: number;
}

export const ORDER_KEYS = ['position', 'answer', 'passage', 'coverage', 'lexical', 'words', 'asks', 'reply'] as const satisfies readonly (keyof OrderFeatures)[];

/**
 * Fitted by `npx tsx scripts/fit-result-order.ts` on dev sets 1–18 (on the 170-call library) and the
 * bundled call's sets: 634 questions whose leading run held two or more results, 1,063 pairs.
 * Leaving out one set at a time, the first result held a gold phrase 283 → 303 times.
 */
export const ORDER_MODEL: Readonly<OrderFeatures> = { position: 1.01, answer: 3.02, passage: 1.14, coverage: 1.52, lexical: 0.99, words: 1.19, asks: -0.9, reply: 0.67 };

/** How many leading results the model orders: past the first few the fused order is kept. */
export const ORDER_DEPTH = 5;

export function orderScore(f: OrderFeatures, model: Readonly<OrderFeatures> = ORDER_MODEL): number {
  let z = 0;
  for (const k of ORDER_KEYS) z += model[k] * f[k];
  return z;
}

/** How many leading items the model orders: the first ORDER_DEPTH that share the first one's group (its relevance label, so the order shown never contradicts the labels shown). */
export function leadingRun<T>(items: readonly T[], sameGroup: (a: T, b: T) => boolean): number {
  let run = 0;
  while (run < Math.min(ORDER_DEPTH, items.length) && sameGroup(items[0]!, items[run]!)) run++;
  return run;
}

/** `items` with their leading run (leadingRun) reordered by the model, best first; ties keep their order. The rest keep their places. */
export function learnedOrder<T>(items: readonly T[], features: (item: T, position: number) => OrderFeatures, sameGroup: (a: T, b: T) => boolean): T[] {
  const run = leadingRun(items, sameGroup);
  if (run < 2) return [...items];
  const scored = items.slice(0, run).map((item, position) => ({ item, position, score: orderScore(features(item, position)) }));
  scored.sort((a, b) => b.score - a.score || a.position - b.position);
  return [...scored.map((s) => s.item), ...items.slice(run)];
}

/**
 * The features of a result at a place in the order: its passage, and the features its relevance
 * was computed from (relevance.ts; a reply brought in for a question has that question's).
 */
export function orderFeatures(passages: readonly Passage[], pool: Pool): (passageIndex: number, relevance: RelevanceFeatures, position: number) => OrderFeatures {
  const lexicalList = pool.lists.find((l) => l.signal === 'lexical')?.candidates ?? [];
  return (i, relevance, position) => {
    const p = passages[i]!;
    const rank = lexicalList.findIndex((c) => c.index === i);
    return {
      position: 1 / (1 + position),
      answer: relevance.answer,
      passage: relevance.passage,
      coverage: relevance.coverage,
      lexical: rank < 0 ? 0 : 1 / (1 + rank),
      words: Math.log(1 + passageWords(p)) / 6,
      asks: p.role === 'question' || p.speaker.side === 'analyst' ? 1 : 0,
      reply: p.role === 'answer' ? 1 : 0,
    };
  };
}
