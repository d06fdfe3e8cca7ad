import { lexicalTokens } from '../../index/lexical-tokens.js';
import { termAlternatives } from '../interpret/finance-terms.js';

/** The words typed (as lexical terms), each with the other forms that count as matching it (an abbreviation's long form). */
export interface TypedTerms {
  terms: ReadonlySet<string>;
  /** Terms typed next to each other ("year end", "like-for-like growth"): each term → the terms typed right after it. */
  pairs: ReadonlyMap<string, ReadonlySet<string>>;
  /** How many such pairs there are. */
  pairCount: number;
  alternatives: ReadonlyMap<string, string[][]>;
}

/** The typed words of a query's topic text (spelling corrected; abbreviation expansions are alternatives, not terms). */
export function typedTerms(text: string): TypedTerms {
  const tokens = lexicalTokens(text);
  const pairs = new Map<string, Set<string>>();
  let pairCount = 0;
  for (let i = 1; i < tokens.length; i++) {
    const [a, b] = [tokens[i - 1]!, tokens[i]!];
    const next = pairs.get(a) ?? new Set<string>();
    if (a === b || next.has(b)) continue;
    next.add(b);
    pairs.set(a, next);
    pairCount++;
  }
  return { terms: new Set(tokens), pairs, pairCount, alternatives: termAlternatives(text) };
}

/** Is typed term `t` there, by `has`, itself or as another form of it ("acquisitions" as "M&A")? */
export function coversTerm(t: string, typed: Pick<TypedTerms, 'alternatives'>, has: (term: string) => boolean): boolean {
  return has(t) || (typed.alternatives.get(t) ?? []).some((alt) => alt.length > 0 && alt.every(has));
}

/** How many typed words a passage's matched terms cover, directly or by another form. */
export function coveredTerms(matched: ReadonlySet<string>, typed: TypedTerms): number {
  let covered = 0;
  for (const t of typed.terms) if (coversTerm(t, typed, (term) => matched.has(term))) covered++;
  return covered;
}

/**
 * The share of the typed pairs a sentence says together: its content words in order (stopwords
 * skipped, as the typed words were), each pair counted once. "by year end" is said by "reach 30% by
 * year end", not by "by the end of next year".
 */
export function pairsSaid(typed: Pick<TypedTerms, 'pairs' | 'pairCount'>, content: readonly { s: string }[]): number {
  if (typed.pairCount === 0) return 0;
  let said: string[] | null = null;
  for (let k = 1; k < content.length; k++) {
    const first = content[k - 1]!.s;
    if (!typed.pairs.get(first)?.has(content[k]!.s)) continue;
    const pair = `${first} ${content[k]!.s}`;
    if (!said?.includes(pair)) (said ??= []).push(pair);
  }
  return (said?.length ?? 0) / typed.pairCount;
}

/** The typed pairs whose two terms both pass `keep` (the terms a score counts). */
export function pairsAmong(typed: Pick<TypedTerms, 'pairs'>, keep: (term: string) => boolean): Pick<TypedTerms, 'pairs' | 'pairCount'> {
  const pairs = new Map<string, ReadonlySet<string>>();
  let pairCount = 0;
  for (const [a, next] of typed.pairs) {
    if (!keep(a)) continue;
    const kept = new Set([...next].filter(keep));
    if (kept.size === 0) continue;
    pairs.set(a, kept);
    pairCount += kept.size;
  }
  return { pairs, pairCount };
}
