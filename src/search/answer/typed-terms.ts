import { lexicalTokens } from '../../index/lexical-tokens.js';
import { termAlternatives } from '../interpret/finance-terms.js';

/** The words typed (as lexical terms), each with the other forms that count as matching it (an abbreviation's long form). */
export interface TypedTerms {
  terms: ReadonlySet<string>;
  alternatives: ReadonlyMap<string, string[][]>;
}

/** The typed words of a query's topic text (spelling corrected; abbreviation expansions are alternatives, not terms). */
export function typedTerms(text: string): TypedTerms {
  return { terms: new Set(lexicalTokens(text)), alternatives: termAlternatives(text) };
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
