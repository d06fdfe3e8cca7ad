import type { Passage } from '../../passages/types.js';
import type { AnswerScorer } from './answer-score.js';
import { sentenceSpan, type AnswerSpan } from './answer-sentence.js';

/**
 * Key points: up to five distinct, specific sentences from the top results that answer the
 * question — for "what did X say about Y", X's statements on Y. Candidates are every sentence of
 * the strong results scored as answers (answer-score.ts); maximal marginal relevance (Carbonell &
 * Goldstein, 1998) over the sentence vectors then folds restatements of a point already taken.
 */

export const MAX_KEY_POINTS = 5;
/** Passages whose sentences are candidates. */
const KEY_POINT_PASSAGES = 8;
/** MMR trade-off: relevance weight; 1 − λ weighs redundancy with the points already taken. */
const MMR_LAMBDA = 0.7;
/** A sentence this similar (cosine) to a point already taken says the same thing. */
const DUPLICATE_COSINE = 0.85;
/**
 * Candidates must score within this of the best answer sentence (answer-score scale) … A summary
 * of what someone said takes in their other statements on it, which score lower than the one
 * that answers best (0.3 → 0.4: key points holding ≥ 2 of several gold statements rose on every
 * set, dev and library alike, with the top answer unchanged; 0.4 → 0.5 with MIN_COSINE 0.3 → 0.25:
 * over the 389 questions of every set with several gold statements, ≥ 2 held 0.35 → 0.39 and
 * coverage 0.49 → 0.52, no set down; 0.6 / 0.2 / ten passages added only 0.005 more).
 */
const MAX_GAP_FROM_BEST = 0.5;
/** … closer for a factual question, whose other figures (another segment, another metric) are not points about it. */
const MAX_GAP_FROM_BEST_FACT = 0.15;
/** … and have at least this cosine with the query: on the subject, not only sharing a word (see MAX_GAP_FROM_BEST). */
const MIN_COSINE = 0.25;
/** Fewer words than this is a fragment, not a point. */
const MIN_WORDS = 6;

export interface KeyPointSource {
  passage: Passage;
  passageIndex: number;
}

export interface KeyPointPick {
  passageIndex: number;
  span: AnswerSpan;
}

interface Candidate {
  passageIndex: number;
  passage: Passage;
  sentence: number;
  row: number;
  score: number;
}

export function keyPoints(sources: readonly KeyPointSource[], scorer: AnswerScorer, first: KeyPointPick | null): KeyPointPick[] {
  const data = scorer.sentences.data;
  const candidates: Candidate[] = [];
  for (const { passage, passageIndex } of sources.slice(0, KEY_POINT_PASSAGES)) {
    const [from] = scorer.sentences.rows(passageIndex);
    passage.sentences.forEach((s, i) => {
      const row = from + i;
      if (s.text.split(/\s+/).length < MIN_WORDS) return;
      if (!scorer.query.questionsAnswer && scorer.isQuestion(passage, row, s.text)) return;
      if (scorer.sentences.cosine(row) < MIN_COSINE) return;
      candidates.push({ passageIndex, passage, sentence: i, row, score: scorer.score(passage, passageIndex, i) });
    });
  }
  if (candidates.length === 0) return first ? [first] : [];
  const best = Math.max(...candidates.map((c) => c.score), first?.span.score ?? -Infinity);
  const gap = scorer.query.fact ? MAX_GAP_FROM_BEST_FACT : MAX_GAP_FROM_BEST;
  const pool = candidates.filter((c) => c.score >= best - gap);
  const chosen: Candidate[] = [];
  const similarity = (a: Candidate, b: Candidate) => data.vectors.similarity(a.row, b.row);
  // The top answer is the first point, when there is one.
  if (first) {
    const own = pool.find((c) => c.passageIndex === first.passageIndex && c.sentence === first.span.sentence);
    if (own) chosen.push(own);
  }
  while (chosen.length < MAX_KEY_POINTS) {
    let pick: Candidate | null = null;
    let pickValue = -Infinity;
    for (const c of pool) {
      if (chosen.includes(c)) continue;
      const redundancy = chosen.length ? Math.max(...chosen.map((x) => similarity(c, x))) : 0;
      if (redundancy >= DUPLICATE_COSINE) continue;
      const value = MMR_LAMBDA * c.score - (1 - MMR_LAMBDA) * redundancy;
      if (value > pickValue) {
        pickValue = value;
        pick = c;
      }
    }
    if (!pick) break;
    chosen.push(pick);
  }
  const picks = chosen.map((c) => ({ passageIndex: c.passageIndex, span: sentenceSpan(c.passage, c.sentence, c.score) }));
  if (first && !chosen.some((c) => c.passageIndex === first.passageIndex && c.sentence === first.span.sentence)) picks.unshift(first);
  // A short sentence's span runs into the next one: never show the same words twice.
  const distinct: KeyPointPick[] = [];
  for (const p of picks) {
    const overlaps = distinct.some((d) => d.passageIndex === p.passageIndex && p.span.start < d.span.end && d.span.start < p.span.end);
    if (!overlaps) distinct.push(p);
  }
  return distinct.slice(0, MAX_KEY_POINTS);
}
