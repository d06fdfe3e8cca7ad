/**
 * A title that names the company with a possessive and no legal form ("Tallis Freight's Third
 * Quarter 2025 Earnings Call"): the "'s" is the title's when the call itself names the company
 * without it ("…welcome to the Tallis Freight third quarter call"). A name of one word keeps it
 * ("Lowe's", "Macy's": the bare word may be someone's surname), and so does a name the call only
 * ever writes with it ("Dave & Buster's").
 */

const POSSESSIVE_END = /^(?<bare>\S.*\s\S+?)['\u2019]s$/u;

/** The company without the title's possessive, or the company as it was. */
export function withoutTitlePossessive(company: string, callText: string): string {
  const m = POSSESSIVE_END.exec(company.trim());
  const bare = m?.groups?.bare;
  if (bare === undefined) return company;
  return saysAlone(bare, callText) ? bare : company;
}

/** An acronym with an "s" run on ("CGIs"): how speech recognition writes the acronym's possessive. */
const ACRONYM_POSSESSIVE = /^(?<bare>\p{Lu}{2,}(?:&\p{Lu}+)?)s$/u;

/**
 * A company the operator's welcome names as an acronym with an "s" run on ("Welcome to CGIs first
 * quarter…", as speech recognition writes "CGI's"): the acronym, when the call also writes it
 * alone. An acronym in capitals is never a plural, so the "s" is the possessive's.
 */
export function withoutAcronymPossessive(company: string, callText: string): string {
  const bare = ACRONYM_POSSESSIVE.exec(company.trim())?.groups?.bare;
  if (bare === undefined) return company;
  return saysAlone(bare, callText) ? bare : company;
}

/** Does the call write `name` as a word of its own, with no possessive after it (any spacing between its words)? */
function saysAlone(name: string, callText: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}'\u2019])`, 'u').test(callText);
}
