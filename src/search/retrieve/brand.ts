import { lexicalTokens } from '../../index/lexical-tokens.js';
import { englishWords } from '../../transcript/english-words.js';

/**
 * A brand or unit named instead of its company ("OXXO stores under restrictions", "Telkomsel 5G
 * rollout", "Galleri false positives"): a word of the topic that is no English word and that only
 * one company's calls ever say. Read from the keyword index's postings (the passages holding the
 * word), so any library's own brands count, with no list of them.
 */

/** A word in more passages than this is too common to be one company's brand (and costs more to check). */
export const BRAND_MAX_PASSAGES = 5000;
/** A word said once may be a slip or a guest's name: a brand comes up at least twice. */
const BRAND_MIN_PASSAGES = 2;
const MIN_LETTERS = 3;

/** The one company whose passages alone hold a word, when they are a brand's few (see above); else null. */
export function soleCompany(passages: ArrayLike<number>, companyOf: (passage: number) => string): string | null {
  if (passages.length < BRAND_MIN_PASSAGES || passages.length > BRAND_MAX_PASSAGES) return null;
  const first = companyOf(passages[0]!);
  for (let i = 1; i < passages.length; i++) if (companyOf(passages[i]!) !== first) return null;
  return first;
}

/** A brand read in the topic: its company's key and the word, as typed. */
export interface Brand {
  company: string;
  matched: string;
}

/**
 * The one company the topic's brand words belong to, or null (none, or words of several companies).
 * `companyOfTerm`: soleCompany of a keyword token's passages (the caller may remember it per token).
 */
export function brandCompany(topic: string, companyOfTerm: (term: string) => string | null): Brand | null {
  let found: Brand | null = null;
  for (const typed of topic.match(/\p{L}[\p{L}\p{N}]*/gu) ?? []) {
    const word = typed.toLowerCase();
    if (word.length < MIN_LETTERS || englishWords().has(word)) continue;
    const term = lexicalTokens(word)[0];
    const company = term ? companyOfTerm(term) : null;
    if (company === null) continue;
    if (found !== null && found.company !== company) return null;
    found ??= { company, matched: typed };
  }
  return found;
}
