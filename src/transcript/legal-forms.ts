/**
 * The words that mark a name as a company's: legal forms ("Inc", "plc", "AG", "S.p.A.") and the
 * organisational words companies add to their names ("Group", "Holdings"). One list, read where
 * the transcript reader decides where a company's name ends (header-meta.ts), that a capitalised
 * line is a company and no publisher's banner (page-furniture.ts), and that a word a ticker-only
 * call keeps saying is its company (ticker-name.ts), and where a question's company is matched
 * without them (search/interpret/companies.ts).
 */

/** Legal forms as companies write them (a dot inside is optional where they are read). */
export const LEGAL_FORMS: readonly string[] = [
  'Inc', 'Incorporated', 'Corp', 'Corporation', 'Ltd', 'Limited', 'plc', 'LLC', 'LP', 'LLP',
  'AG', 'Aktiengesellschaft', 'SA', 'S.A', 'NV', 'N.V', 'SE', 'ASA', 'AB', 'SpA', 'S.p.A', 'Oyj', 'GmbH', 'BV',
];

/** Words a company adds to its name that are no legal form. */
export const ORGANISATION_WORDS: readonly string[] = ['Company', 'Co', 'Group', 'Holdings', 'Holding'];

/** A regex alternation of `words`, each as written, dots matched literally. */
export function alternation(words: readonly string[]): string {
  return words.map((w) => w.replace(/\./g, '\\.')).join('|');
}

/** A word as a lowercase token without dots ("S.p.A" → "spa"), as a question's words are compared. */
export const bareForm = (word: string): string => word.toLowerCase().replace(/\./g, '');
