import type { LexicalPass } from '../retrieve/lexical.js';
import type { Candidate } from '../retrieve/retriever.js';
import type { SentenceScorer } from '../sentences/sentence-scores.js';
import { coveredTerms, type TypedTerms } from './typed-terms.js';

/**
 * Cosine at or above which a sentence counts as about the query. A judgement, spot-checked on
 * this call: sentences on a query's subject score about 0.45 and up, unrelated ones 0.05–0.3.
 * With the word check below it leaves no question of the dev or held-out sets with a false
 * "did not discuss" notice, and still flags absent topics and junk.
 */
export const ON_TOPIC_COSINE = 0.42;

/**
 * Did these candidates really talk about the query, or are they only the least-bad passages?
 * `typed`: the words the person typed (an abbreviation's other form counts for it, "M&A" for
 * "acquisitions"); hits come from the query's one lexical pass, typos forgiven as in search.
 */
export function topicDiscussed(candidates: readonly Candidate[], typed: TypedTerms, lexical: LexicalPass, scorer: SentenceScorer): boolean {
  if (candidates.length === 0) return false;
  // A passage matching at least half the topic's words is evidence enough; one stray shared word ("1") is not.
  if (typed.terms.size > 0) {
    for (const c of candidates) {
      const matched = coveredTerms(new Set(lexical.queryTermsOf(c.index)), typed);
      if (2 * matched >= typed.terms.size && matched > 0) return true;
    }
  }
  return candidates.some((c) => scorer.bestInPassage(c.index) >= ON_TOPIC_COSINE);
}
