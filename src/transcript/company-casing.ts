/**
 * A company a title or welcome writes in capitals ("TALLIS FREIGHT PLC Q3 2025 EARNINGS CALL",
 * "welcome to the SONAE results call") is the company as the call writes it elsewhere, in its
 * usual casing ("…welcome to the Tallis Freight plc third quarter call"): the capitals are the
 * title's typography, not the name. When the call never writes the name otherwise it stays as written
 * (an acronym, "KKR", is its own usual casing). A trailing legal form the call leaves out takes the
 * casing companies write it with ("TALLIS FREIGHT PLC" over a call that says "Tallis Freight" →
 * "Tallis Freight plc").
 */
import { LEGAL_FORMS } from './legal-forms.js';

/** A name in capitals: letters, none of them lower case. */
const ALL_CAPS = /^(?=.*\p{Lu}.*\p{Lu})[^\p{Ll}]+$/u;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The legal form as companies write it ("PLC" → "plc", "INC" → "Inc"), or null when the word is none. */
function legalForm(word: string): string | null {
  const bare = word.replace(/\.$/, '');
  const form = LEGAL_FORMS.find((f) => f.toLowerCase() === bare.toLowerCase());
  return form === undefined ? null : form + word.slice(bare.length);
}

/**
 * The way the call most often writes `words` (case aside) as a name — with lower case in it and every
 * word but a legal form opening with a capital or a figure — or null when it never does.
 */
function usualWriting(words: readonly string[], text: string): string | null {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
  const counts = new Map<string, number>();
  for (const m of text.matchAll(pattern)) {
    const written = m[0].replace(/\s+/g, ' ');
    if (!/\p{Ll}/u.test(written)) continue;
    const named = written.split(' ').every((w) => !/^\p{Ll}/u.test(w) || legalForm(w) !== null);
    if (named) counts.set(written, (counts.get(written) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [written, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = written;
  return best;
}

/** `company` in the casing the call writes it with, when it is written in capitals; else as it is. */
export function inUsualCasing(company: string, callText: string): string {
  if (!ALL_CAPS.test(company)) return company;
  const words = company.trim().split(/\s+/);
  const whole = usualWriting(words, callText);
  if (whole !== null) return whole;
  // "TALLIS FREIGHT PLC" over a call that says "Tallis Freight": the name the call writes, and its legal form.
  const last = words[words.length - 1] as string;
  const form = words.length >= 2 ? legalForm(last) : null;
  const named = form === null ? null : usualWriting(words.slice(0, -1), callText);
  return named !== null && form !== null ? `${named} ${form}` : company;
}
