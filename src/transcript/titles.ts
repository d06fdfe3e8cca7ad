/** What a title/firm line says: whether it is one at all, and which side of the call it puts a person on. */
import { headerSized } from './lines.js';
import type { Side } from './types.js';

/** Words that mark a company title. */
const EXECUTIVE_WORDS =
  /\b(?:chief|officer|ceo|cfo|coo|cto|cio|cao|president|vice president|vp|evp|svp|director|chair(?:man|woman|person)?|head|treasurer|controller|founder|investor relations|general counsel|secretary|manager|executive|ir|principal|partner|lead)\b/i;
/**
 * The same titles as calls held in Spanish, Portuguese, French, Italian and German write them
 * ("Directora Financiera", "Diretor Presidente", "Directeur financier", "Amministratore Delegato",
 * "Finanzvorstand"): a company title, never an unknown side.
 */
const FOREIGN_EXECUTIVE_WORDS =
  /(?<!\p{L})(?:director[ae]?|diretor[ae]?|directeur|directrice|direttore|direttrice|president[ea]|présidente?|consejer[oa] delegad[oa]|amministratore delegato|vorstand\w*|finanzvorstand|gerente|tesorer[oa]|relaciones con inversores|relações com investidores|relations investisseurs)(?!\p{L})/iu;
/** Words that mark an analyst's firm or role. */
const ANALYST_WORDS = /\banalyst\b|\bresearch\b|\bsecurities\b|\bequities\b|\bcapital markets\b|(?<!\p{L})(?:analista|analyste|analystin)(?!\p{L})/iu;
const FIRM_WORDS = /\b(?:bank|capital|partners|advisors|advisers|asset management|investments?|llc|l\.?p|llp|plc|group|inc|ltd|corp|ag|sa|holdings|associates|management|securities)\b|&\s*co\b/i;

/** Most words a title/firm line has. */
const MAX_TITLE_WORDS = 14;
/** A line ending in a dot is a title only when the dot closes one of these. */
const TRAILING_ABBREVIATIONS = /\b(?:inc|co|corp|ltd|llc|l\.p|s\.a|n\.v|ag|plc|jr|sr|dept|div|intl)\.$/i;

/** Whether a line reads as a title or firm (the line under a speaker's name), not as speech. */
export function looksLikeTitleLine(text: string): boolean {
  if (!headerSized(text) || text.length > 140) return false;
  if (text.split(/\s+/).length > MAX_TITLE_WORDS || /[?!:;]$/.test(text)) return false;
  if (text.endsWith('.') && !TRAILING_ABBREVIATIONS.test(text)) return false;
  return EXECUTIVE_WORDS.test(text) || FOREIGN_EXECUTIVE_WORDS.test(text) || ANALYST_WORDS.test(text) || FIRM_WORDS.test(text);
}

/** The side a title/firm line implies: an analyst's firm, a company title, or nothing clear. */
export function sideOfTitle(text: string): Side {
  if (ANALYST_WORDS.test(text)) return 'analyst';
  if (EXECUTIVE_WORDS.test(text) || FOREIGN_EXECUTIVE_WORDS.test(text)) return 'company';
  if (FIRM_WORDS.test(text)) return 'analyst';
  return 'unknown';
}


/** Whether a title/firm line has a company title's words, and whether it has an analyst's or a firm's. */
export function titleWords(text: string): { executive: boolean; firm: boolean } {
  return { executive: EXECUTIVE_WORDS.test(text) || FOREIGN_EXECUTIVE_WORDS.test(text), firm: ANALYST_WORDS.test(text) || FIRM_WORDS.test(text) };
}
