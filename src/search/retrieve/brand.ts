import { lexicalTokens } from '../../index/lexical-tokens.js';
import { englishWords } from '../../transcript/english-words.js';
import type { Company } from '../interpret/companies.js';
import type { Candidate } from './retriever.js';

/**
 * A brand or unit named instead of its company ("OXXO stores under restrictions", "Telkomsel 5G
 * rollout", "Galleri false positives"): a word of the topic that is no English word and that only
 * one company's calls ever say. Read from the keyword index's postings (the passages holding the
 * word), so any library's own brands count, with no list of them. The preference it makes is
 * applied here too: to the fused ranking (preferCalls) and to the top answer's pool (fromPreferredCalls).
 * A company described rather than named ("which steelmaker said…") is preferred the same way (describedCompany).
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

/** What describedCompany reads of the library: a keyword's passages, their companies and each company's size. */
export interface CompanyTerms {
  passagesWith(term: string): ArrayLike<number>;
  companyOf(passage: number): string;
  passagesOf(company: string): number;
  total: number;
}

/** A word in more than this share of passages names no company's trade ("group", "company", "market"). */
const DESCRIPTION_MAX_SHARE = 0.2;
/** The described company leads the next by at least this factor, or nothing is preferred. */
const DESCRIPTION_LEAD = 1.4;

/**
 * The company a description fits ("mattress fabric supplier", "Polish copper producer"): each word
 * of it counts for the companies whose passages say it more often than their size predicts, by the
 * log of that ratio. Only a clear leader is returned (a description is often generic: "insurer"
 * fits several), else null.
 */
export function describedCompany(described: string, terms: CompanyTerms): Brand | null {
  const score = new Map<string, number>();
  const maxPassages = Math.min(BRAND_MAX_PASSAGES, terms.total * DESCRIPTION_MAX_SHARE);
  for (const term of new Set(lexicalTokens(described))) {
    const passages = terms.passagesWith(term);
    if (passages.length === 0 || passages.length > maxPassages) continue;
    const counts = new Map<string, number>();
    for (let i = 0; i < passages.length; i++) {
      const company = terms.companyOf(passages[i]!);
      counts.set(company, (counts.get(company) ?? 0) + 1);
    }
    for (const [company, n] of counts) {
      const expected = (terms.passagesOf(company) * passages.length) / terms.total;
      score.set(company, (score.get(company) ?? 0) + Math.log1p(n / expected));
    }
  }
  let best: [string, number] | null = null;
  let second = 0;
  for (const entry of score) {
    if (!best || entry[1] > best[1]) {
      second = best?.[1] ?? 0;
      best = entry;
    } else second = Math.max(second, entry[1]);
  }
  return best && best[1] >= DESCRIPTION_LEAD * second ? { company: best[0], matched: described } : null;
}

/** A company preferred because the query names its brand: the company, the word and the company's calls. */
export interface PreferredCompany {
  company: Company;
  matched: string;
  calls: ReadonlySet<string>;
}

/** `ranked` with the candidates from `calls` first, each side in its own order: the fused ranking, the brand's company leading. */
export function preferCalls(ranked: readonly Candidate[], calls: ReadonlySet<string>, callOf: (index: number) => string): Candidate[] {
  return [...ranked.filter((c) => calls.has(callOf(c.index))), ...ranked.filter((c) => !calls.has(callOf(c.index)))];
}

/** The items from `calls` (the brand's company) when there are any, else all of them: the top answer's pool. */
export function fromPreferredCalls<T>(items: readonly T[], calls: ReadonlySet<string> | undefined, callOf: (item: T) => string): readonly T[] {
  if (!calls) return items;
  const theirs = items.filter((x) => calls.has(callOf(x)));
  return theirs.length > 0 ? theirs : items;
}
