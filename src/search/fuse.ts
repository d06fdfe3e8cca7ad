import type { Candidate } from './retriever.js';

/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): score = Σ wᵢ / (c + rankᵢ).
 * Rank-based, so BM25 and cosine scales never need calibrating against each other.
 * c = 60 is the paper's constant; it damps the gap between the first few ranks.
 */
export const RRF_C = 60;

export interface RankedList {
  candidates: Candidate[];
  weight?: number;
}

export function reciprocalRankFusion(lists: RankedList[], c = RRF_C): Candidate[] {
  const scores = new Map<number, number>();
  for (const { candidates, weight = 1 } of lists) {
    candidates.forEach((cand, rank) => {
      scores.set(cand.index, (scores.get(cand.index) ?? 0) + weight / (c + rank + 1));
    });
  }
  return [...scores.entries()]
    .map(([index, score]) => ({ index, score }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
}
