/**
 * A speaker labelled by a firm alone ("Bank of Somewhere: …", "Lindqvist Securities: …"), as a
 * transcript writes an analyst whose name it did not catch, often after the operator's "Our next
 * question comes from Bank of Somewhere": the firm is known, the person is not. Such a label is an
 * unidentified analyst of that firm — never a person named after the firm, and never a name made up.
 * (A label that is the firm of an analyst the call names is that analyst: speaker-lines.ts.)
 */
import { namesCompany } from './participant-lines.js';
import type { Participant } from './types.js';

/**
 * Words only a firm's name has: a bank's, a broker's, a fund's. One list for every reader of firms: a label
 * that is a firm alone (here) and a phrase that is no person's name (numbered-speakers.ts).
 */
const FIRM_WORDS = String.raw`bank|banco|banque|bancorp|capital|securities|partners|research|advisors|advisers|equities|equity|investments?|asset management|asset|management|brokerage|associates|markets|holdings|group|company|limited|financial|brothers|sachs|stanley`;
/** Legal forms: a firm's after its name, never a name's first word ("Asa Lindgren" is a person; "Norsk Hydro ASA" a firm). */
const LEGAL_FORMS = String.raw`llc|llp|plc|ltd|inc|ag|asa|& ?co`;
const FIRM_WORD = new RegExp(String.raw`(?<![\p{L}])(?:${FIRM_WORDS})(?![\p{L}])`, 'iu');
const LEGAL_FORM_AFTER_NAME = new RegExp(String.raw`\S\s+(?:${LEGAL_FORMS})(?![\p{L}])`, 'iu');
/** A phrase whose last word is a firm's ("Arma Capital", "Morgan Stanley") or a legal form ("Castle Bank plc"). */
const FIRM_LAST_WORD = new RegExp(String.raw`(?<![\p{L}])(?:${FIRM_WORDS}|${LEGAL_FORMS})$`, 'iu');

/** Whether a name has a firm's words or a legal form after its first word. */
export function hasFirmWords(name: string): boolean {
  return FIRM_WORD.test(name) || LEGAL_FORM_AFTER_NAME.test(name);
}

/** Whether a phrase ends with a firm's word or a legal form: no person's name. */
export function endsLikeFirm(phrase: string): boolean {
  return FIRM_LAST_WORD.test(phrase);
}
/** Words of a heading or a "Label: value" line that a firm's name does not end with ("Capital Markets Day: …"). */
const NOT_A_FIRM = /(?<![\p{L}])(?:day|days|update|outlook|review|highlights|summary|overview|guidance|strategy|results|plan|programme|program|ratio|expenditure|allocation|returns?|spending)$/iu;
/** Small words inside a firm's name ("Bank of Somewhere", "Banco do Sul", "Banque de Lyon"). */
const CONNECTORS = new Set(['of', 'de', 'do', 'da', 'del', 'des', 'du', 'la', 'the', 'and', '&', 'für', 'di']);
/** Most words a firm's label has. */
const MAX_FIRM_WORDS = 6;

/** Letters in capitals that are a title's, a suffix's or a numeral's, never a firm's ("Maria Lopez CFO", "John Smith III"). */
const NOT_FIRM_LETTERS = new Set(['CEO', 'CFO', 'COO', 'CTO', 'CIO', 'CMO', 'CRO', 'CCO', 'EVP', 'SVP', 'VP', 'IR', 'II', 'III', 'IV', 'JR', 'SR', 'MD', 'PHD', 'CFA', 'CPA', 'ESQ']);

/**
 * A firm's letters after a word of its name ("Evercore ISI", "Raymond James RJA"), in a label otherwise
 * written with lower-case letters: a person's name has no word in capitals but their title's or suffix's.
 */
function hasFirmLetters(words: readonly string[]): boolean {
  if (!words.some((w) => /\p{Ll}/u.test(w))) return false;
  return words.slice(1).some((w) => /^[A-Z&]{2,5}$/.test(w) && !NOT_FIRM_LETTERS.has(w));
}

/** Whether a label is a firm's name alone: two words or more, capitalised, with a firm's words (or letters). */
export function namesFirmAlone(label: string): boolean {
  const words = label.trim().split(/\s+/);
  if (words.length < 2 || words.length > MAX_FIRM_WORDS || !(hasFirmWords(label) || hasFirmLetters(words)) || NOT_A_FIRM.test(label.trim())) return false;
  if (!/^\p{Lu}/u.test(words[0] as string)) return false;
  return words.every((w) => CONNECTORS.has(w.toLowerCase()) || /^[\p{Lu}\p{N}&]/u.test(w));
}

/** A paragraph opened by a firm's name and a colon ("Bank of Somewhere: Thanks. …"), the name and where the words start; else null. */
export function firmLabel(text: string): { name: string; restOffset: number } | null {
  const m = /^(?<name>[^:\n]{3,60}?)\s*:\s+(?=\S)/u.exec(text);
  const name = m?.groups?.name?.trim();
  return m && name !== undefined && namesFirmAlone(name) ? { name, restOffset: m[0].length } : null;
}

/** Whether a firm's name is the call's own company, as written or with its legal form added or left out ("Fenwick Tools Inc" for "Fenwick Tools"). */
export function isOwnCompany(name: string, company: string | null): boolean {
  return company !== null && (namesCompany(name, company) || namesCompany(company, name));
}

/** The placeholder name of an analyst known by their firm alone; the firm is theirs. */
export const FIRM_ANALYST_NAME = 'Unidentified Analyst';

/**
 * Analysts a layout met under a firm's name alone (a list's "Lindqvist Securities -- Analyst", a caption's
 * voice "Lindqvist Securities", a name line): each an unidentified analyst of that firm, the firm theirs —
 * never a person named after the firm. Only analysts (listed so, or introduced by the operator), with no
 * title or firm of their own, and never the call's own company; `renamed` says whom.
 */
export function firmsAsUnnamedAnalysts(participants: readonly Participant[], company: string | null): { participants: Participant[]; renamed: string[] } {
  const renamed: string[] = [];
  const out = participants.map((p) => {
    if (p.side !== 'analyst' || p.firm !== null || (p.title !== null && !/^analyst$/i.test(p.title)) || !namesFirmAlone(p.name) || isOwnCompany(p.name, company)) return p;
    renamed.push(p.name);
    return { ...p, name: FIRM_ANALYST_NAME, title: null, firm: p.name, sideSource: p.sideSource === 'listed' ? p.sideSource : ('header' as const) };
  });
  return { participants: out, renamed };
}
