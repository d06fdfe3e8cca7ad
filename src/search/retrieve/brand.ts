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

/** What brand reading needs from the library. */
export interface BrandIndex {
  /** Passages holding exactly this keyword token. */
  passagesWith(term: string): ArrayLike<number>;
  /** The company key of a passage's call. */
  companyOf(passage: number): string;
}

/** A brand read in the topic: its company's key and the word, as typed. */
export interface Brand {
  company: string;
  matched: string;
}

/** The one company the topic's brand words belong to, or null (none, or words of several companies). */
export function brandCompany(topic: string, index: BrandIndex): Brand | null {
  let found: Brand | null = null;
  for (const typed of topic.match(/\p{L}[\p{L}\p{N}]*/gu) ?? []) {
    const word = typed.toLowerCase();
    if (word.length < MIN_LETTERS || englishWords().has(word)) continue;
    const term = lexicalTokens(word)[0];
    if (!term) continue;
    const passages = index.passagesWith(term);
    if (passages.length < BRAND_MIN_PASSAGES || passages.length > BRAND_MAX_PASSAGES) continue;
    const first = index.companyOf(passages[0]!);
    let one = true;
    for (let i = 1; i < passages.length && one; i++) one = index.companyOf(passages[i]!) === first;
    if (!one) continue;
    if (found !== null && found.company !== first) return null;
    found ??= { company: first, matched: typed };
  }
  return found;
}
