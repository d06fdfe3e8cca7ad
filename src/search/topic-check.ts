import { lexicalSearch, type LexicalIndex } from '../index/lexical.js';
import { lexicalTokens } from '../index/lexical-tokens.js';
import { bestSentenceScore, type SentenceVectors } from './hybrid-retriever.js';
import type { Candidate, PreparedQuery } from './retriever.js';

/**
 * Cosine at or above which a sentence counts as about the query. A judgement, spot-checked on
 * this call: sentences on a query's subject score about 0.45 and up, unrelated ones 0.05–0.3.
 * With the word check below it leaves no question of the dev or held-out sets with a false
 * "did not discuss" notice, and still flags absent topics and junk.
 */
export const ON_TOPIC_COSINE = 0.42;

/** Did the restricted candidates really talk about the query, or are they only the speaker's least-bad passages? */
export function topicDiscussed(query: PreparedQuery, candidates: Candidate[], lexical: LexicalIndex, sv: SentenceVectors): boolean {
  if (candidates.length === 0) return false;
  // A passage matching at least half the topic's words (typos forgiven as in search) is
  // evidence enough; one stray shared word ("1") is not.
  const terms = new Set(lexicalTokens(query.text)).size;
  const allowed = new Set(candidates.map((c) => c.index));
  const hits = lexicalSearch(lexical, query.text, allowed.size, (i) => allowed.has(i));
  if (terms > 0 && hits.some((h) => 2 * h.matchedTerms >= terms)) return true;
  return candidates.some((c) => bestSentenceScore(query, sv, c.index) >= ON_TOPIC_COSINE);
}
