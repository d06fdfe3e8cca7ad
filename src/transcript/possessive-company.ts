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
  const escaped = bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const unpossessed = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}'\u2019])`, 'u');
  return unpossessed.test(callText) ? bare : company;
}
