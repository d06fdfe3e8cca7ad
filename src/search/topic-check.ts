import type { LoadedIndex } from '../index/load.js';
import { lexicalSearch } from '../index/lexical.js';
import { lexicalTokens } from '../index/lexical-tokens.js';
import { bestSentenceScore, type SentenceVectors } from './hybrid-retriever.js';
import type { Candidate, PreparedQuery } from './retriever.js';

/**
 * Cosine at or above which a sentence is about the query. MiniLM puts unrelated
 * sentences of one call around 0.05–0.3 and on-topic ones above 0.45; measured on
 * this call's dev questions (see README "Retrieval").
 */
export const ON_TOPIC_COSINE = 0.42;

/** Did the restricted candidates really talk about the query, or are they only the speaker's least-bad passages? */
export function topicDiscussed(query: PreparedQuery, candidates: Candidate[], index: LoadedIndex, sv: SentenceVectors): boolean {
  if (candidates.length === 0) return false;
  const allowed = new Set(candidates.map((c) => c.index));
  // An exact (non-fuzzy) lexical hit on at least half the topic's words is evidence enough;
  // one stray shared word ("1", "window") is not.
  const terms = new Set(lexicalTokens(query.text)).size;
  const hits = lexicalSearch(index.lexical, query.text, allowed.size, (i) => allowed.has(i), { fuzzy: false });
  if (hits.some((h) => 2 * h.matchedTerms >= terms)) return true;
  return candidates.some((c) => bestSentenceScore(query, sv, c.index) >= ON_TOPIC_COSINE);
}
