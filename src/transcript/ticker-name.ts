/**
 * The name a call gives its company when its source gives only a ticker. Over-the-counter
 * tickers of foreign companies (SOSSF, NJDCY, KGHPF) are all some sources carry, and a recording
 * may never say the name in a welcome or a notice; but the people on the call say it again and
 * again ("Sonae IM", "Nidec's homepage", "the results of KGHM"), and it starts as the ticker does.
 * So: the proper noun said most often mid-sentence that begins with the ticker's letter and is
 * said as a company at least once, weighted by how many of the ticker's leading letters it shares.
 */
import { englishWords } from './english-words.js';
import { MONTH_WORD } from './header-meta.js';
import { alternation, LEGAL_FORMS, ORGANISATION_WORDS } from './legal-forms.js';

/** How much of the call is read: the name may first come after the opening remarks' first pages. */
const READ_CHARS = 20_000;
/** A name said fewer times than this is a passing mention (a product, a town, a customer). */
const MIN_COUNT = 3;
/** Letters of the ticker a name must spell to count when said as a company fewer than MIN_COUNT times. */
const SPELLED_LETTERS = 3;
/** Words of letters (no "CO2") starting with `letter`, possessive apart; the character before decides whether it opens a sentence. */
const patterns = new Map<string, RegExp>();
const wordsStartingWith = (letter: string): RegExp => {
  let re = patterns.get(letter);
  // Also two capitals and a capitalised word ("LG Display", "SK Telecom"): the name's first word alone is too short to read.
  if (!re) patterns.set(letter, (re = new RegExp(`(?<![\\p{L}\\p{N}&'’.-])(${letter}\\p{Lu}\\s+\\p{Lu}\\p{Ll}[\\p{L}&]*|${letter}[\\p{L}&]{2,})(['’]s)?(?![\\p{L}\\p{N}])`, 'gu')));
  return re;
};
/**
 * Said as a company at least once: its possessive ("Nidec's homepage"), a corporate word after it
 * ("Sonae IM", "Argos Group"), or "of/at/from/joining" before it ("the results of KGHM"). A country
 * ("Colombia"), a nationality ("Chilean") or a product ("SSD") said often never is.
 */
const CORPORATE_AFTER = new RegExp(String.raw`^\s+(?:${alternation([...LEGAL_FORMS, ...LEGAL_FORMS.map((w) => w.toUpperCase()), ...ORGANISATION_WORDS, 'IM', 'Electronics', 'Industries', 'International'])})\b`);
const COMPANY_BEFORE = /\b(?:of|at|from|joining)\s+$/i;
/** "of the TDK Corporation": as a company only for a name the ticker spells ("of the Chilean market" is no company). */
const COMPANY_BEFORE_THE = /\b(?:of|at|from|joining)\s+the\s+$/i;
/** Words capitalised by the calendar, not by being a name: months (as titles spell them) and weekdays. */
const CALENDAR = new RegExp(`^(?:${MONTH_WORD}|monday|tuesday|wednesday|thursday|friday)$`, 'i');

const sharedPrefix = (a: string, b: string): number => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * `people`: the call's participants' names (their words are people, not the company).
 * Null when the ticker is not a bare ticker, or no word qualifies.
 */
export function tickerSpelledName(text: string, ticker: string, people: readonly string[]): string | null {
  const symbol = ticker.toUpperCase();
  if (!/^[A-Z]{2,6}$/.test(symbol)) return null;
  const personWords = new Set(people.flatMap((p) => p.toLowerCase().split(/[\s.,'’-]+/)));
  const counts = new Map<string, number>();
  const asCompany = new Set<string>();
  const afterThe = new Set<string>();
  const read = text.slice(0, READ_CHARS);
  const notName = new Map<string, boolean>();
  for (const m of read.matchAll(wordsStartingWith(symbol[0]!))) {
    const word = m[1]!;
    // Mid-sentence only: a sentence's first word is capitalised whatever it is.
    const before = read.slice(Math.max(0, m.index - 3), m.index).trimEnd();
    if (before === '' || /[.!?:;"”\n]$/.test(before)) continue;
    let skip = notName.get(word);
    if (skip === undefined) {
      const lower = word.toLowerCase();
      // An English word ("Now", "Net") is not a name; a word in capitals that is not one (KGHM) may be.
      skip = CALENDAR.test(lower) || personWords.has(lower) || lower === symbol.toLowerCase() || englishWords().has(lower);
      notName.set(word, skip);
    }
    if (skip) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
    const end = m.index + m[0].length;
    if (m[2] || CORPORATE_AFTER.test(read.slice(end, end + 16)) || COMPANY_BEFORE.test(read.slice(Math.max(0, m.index - 10), m.index))) asCompany.add(word);
    else if (COMPANY_BEFORE_THE.test(read.slice(Math.max(0, m.index - 14), m.index))) afterThe.add(word);
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [word, count] of counts) {
    const letters = word.toUpperCase().replace(/[^\p{Lu}]/gu, '');
    const shared = sharedPrefix(letters, symbol);
    // The ticker spells it — its first letters ("Velomar", VELMF) or all of it inside ("TDK", TTDKY):
    // once said as a company is enough (a recording may say the name once in its first pages).
    const spelled = shared >= SPELLED_LETTERS || (letters.length >= SPELLED_LETTERS && symbol.includes(letters));
    if (!asCompany.has(word) && !(spelled && afterThe.has(word))) continue;
    if (count < MIN_COUNT && !spelled) continue;
    const score = count * Math.max(shared, spelled ? letters.length : 0);
    if (score > bestScore) [best, bestScore] = [word, score];
  }
  return best;
}
