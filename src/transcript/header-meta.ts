/**
 * What a transcript's header says about the call: company, ticker, quarter, fiscal year, date,
 * time. Read from title lines in their everyday variants
 *   "Amazon.com, Inc. (NASDAQ:AMZN) Q4 2025 Earnings Call Transcript"
 *   "Amazon.com (AMZN 1.23%)" + "Q4 FY2025 Earnings Call" + "Feb 5, 2026, 5:00 p.m. ET"
 *   "Widget Corp Fourth Quarter and Full Year 2024 Results Conference Call"
 * and from "Key: value" lines ("Ticker: ACME", "Quarter: Q3 2024"). Whatever is not written
 * stays null: a quarter is never guessed (a "period ending December 31" is not a quarter, and
 * not the call date either).
 */
import { TranscriptFormatError } from './format-error.js';
import { alternation, LEGAL_FORMS, ORGANISATION_WORDS } from './legal-forms.js';
import { headerSized, type Line } from './lines.js';
import { isOperatorName } from './names.js';
import { QUARTER_ORDINALS } from './quarter-ordinals.js';
import type { CallMeta } from './types.js';

/** The call's metadata as far as the header writes it: title and company too may be missing. */
export type HeaderMeta = Pick<CallMeta, 'ticker' | 'quarter' | 'fiscalQuarter' | 'fiscalYear' | 'date' | 'time' | 'sector'> & {
  title: string | null;
  company: string | null;
};

export function emptyHeaderMeta(): HeaderMeta {
  return { title: null, company: null, ticker: null, quarter: null, fiscalQuarter: null, fiscalYear: null, date: null, time: null, sector: null };
}

/** "Company (TICKER)", "(NASDAQ:AMZN)", "(NYSE: GE)", "(AMZN 1.23%)", "(RDS.A)", Bloomberg's "(AMZN US Equity)". */
const COMPANY_TICKER =
  /^(?<company>.*?)\s*\((?:(?<exchange>[A-Za-z][A-Za-z .]{0,15}?)\s*:\s*)?(?<ticker>[A-Za-z][A-Za-z0-9]{0,6}(?:[.\-][A-Za-z0-9]{1,4})?)(?:\s+[A-Z]{2}\s+Equity)?(?:\s+[-+]?\d+(?:\.\d+)?%)?\)/;

/** "Kiyomizu Precision Co., Ltd. (7791)", "(TSE: 7203)", "(HKEX: 0700)", "(600519.SS)": a market that numbers its listings. */
const COMPANY_NUMERIC_TICKER = /^(?<company>.*?)\s*\((?:(?<exchange>[A-Za-z][A-Za-z .]{0,15}?)\s*:\s*)?(?<ticker>\d{4,6}(?:\.[A-Za-z]{1,2})?)\)/;

/** The company and ticker a title writes "Company (TICKER)"; a year in brackets ("(2025)") is no ticker unless an exchange is named. */
function companyTicker(text: string): RegExpExecArray | null {
  const lettered = COMPANY_TICKER.exec(text);
  const numeric = COMPANY_NUMERIC_TICKER.exec(text);
  if (!numeric?.groups || (numeric.groups.exchange === undefined && /^(?:19|20)\d\d$/.test(numeric.groups.ticker ?? ''))) return lettered;
  // The first brackets that hold a ticker.
  return lettered && (lettered.groups?.company ?? '').length <= (numeric.groups.company ?? '').length ? lettered : numeric;
}

const ORDINALS: Readonly<Record<string, number>> = {
  ...QUARTER_ORDINALS,
  primer: 1, primero: 1, primeiro: 1, segundo: 2, tercer: 3, tercero: 3, terceiro: 3, cuarto: 4, quarto: 4,
  premier: 1, 'première': 1, premiere: 1, 'deuxième': 2, deuxieme: 2, seconde: 2, 'troisième': 3, troisieme: 3, 'quatrième': 4, quatrieme: 4,
  primo: 1, secondo: 2, terzo: 3,
  erste: 1, ersten: 1, erstes: 1, zweite: 2, zweiten: 2, zweites: 2, dritte: 3, dritten: 3, drittes: 3, vierte: 4, vierten: 4, viertes: 4,
};

/** Quarter patterns; each yields [quarter, year] group names q and y. */
const QUARTER_PATTERNS: readonly RegExp[] = [
  /\bF?Q(?<q>[1-4])\s*(?:FY\s*|F)?['\u2019]?(?<y>\d{4}|\d{2})\b/i, // Q4 2025, Q4 FY2025, Q4 FY25, Q4'25, FQ4 2025
  /\bF?Q(?<q>[1-4])(?:\s*[-/]\s*|\s+(?:of\s+)?(?:fiscal|FY)(?:\s+year)?\s+)['\u2019]?(?<y>\d{4}|\d{2})\b/i, // Q3-2025, Q3/2025, Q3 Fiscal 2026, Q3 of Fiscal Year 2026
  /\bQ(?<q>[1-4])\s+(?:and|&)\s+(?:(?:the\s+)?full[\s-]+(?:fiscal\s+)?year|fiscal(?:\s+year)?|FY|year[\s-]+end(?:ed)?)\s*['\u2019]?(?<y>\d{4}|\d{2})\b/i, // Q4 and Full Year 2025
  /\b(?:FY\s*)?(?<y>\d{4})\s*Q(?<q>[1-4])\b/i, // 2025 Q4, FY2025 Q4
  /\b(?<q>[1-4])Q\s*(?:FY\s*)?['\u2019]?(?<y>\d{4}|\d{2})\b/i, // 4Q25, 4Q 2025
  /\b(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter\b[^\d\n]{0,40}?\b(?:FY\s*)?(?<y>\d{4})\b/i,
  /\b(?:FY\s*|fiscal\s+(?:year\s+)?)?(?<y>\d{4})\s+(?:fiscal\s+(?:year\s+)?)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b/i, // 2022 fiscal first quarter
  // Spanish and Portuguese: "3T25", "2T 2025", "tercer trimestre de 2025", "segundo trimestre 2025".
  /\b(?<q>[1-4])\s?T\s?['\u2019]?(?<y>\d{4}|\d{2})\b/,
  /\b(?<ord>primer|primero|primeiro|segundo|tercer|tercero|terceiro|cuarto|quarto)\s+trimestre\b[^\d\n]{0,20}?\b(?<y>\d{4})\b/i,
  // French, Italian and German: "troisième trimestre 2025", "3e trimestre 2025", "T3 2025", "terzo trimestre 2025", "3° trimestre",
  // "drittes Quartal 2025", "3. Quartal 2025".
  /(?<![\p{L}])(?<ord>premier|premi[eè]re|deuxi[eè]me|seconde?|troisi[eè]me|quatri[eè]me|primo|secondo|terzo)\s+trimestre\b[^\d\n]{0,20}?\b(?<y>\d{4})\b/iu,
  /\b(?<q>[1-4])(?:er|re|e|[eè]me|°|º)\s+trimestre\b[^\d\n]{0,20}?\b(?<y>\d{4})\b/i,
  /\bT(?<q>[1-4])\s+(?<y>\d{4})\b/,
  /\b(?<ord>erste[nrs]?|zweite[nrs]?|dritte[nrs]?|vierte[nrs]?)\s+Quartals?\b[^\d\n]{0,20}?\b(?<y>\d{4})\b/i,
  /\b(?<q>[1-4])\.\s*Quartals?\b[^\d\n]{0,20}?\b(?<y>\d{4})\b/i,
];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Month names in French, German, Italian, Spanish and Portuguese (the English ones and their shared forms read above). */
const FOREIGN_MONTHS: Readonly<Record<string, number>> = {
  janvier: 1, januar: 1, gennaio: 1, enero: 1, janeiro: 1,
  'février': 2, fevrier: 2, februar: 2, febbraio: 2, febrero: 2, fevereiro: 2,
  mars: 3, 'märz': 3, maerz: 3, marzo: 3, 'março': 3, marco: 3,
  avril: 4, aprile: 4, abril: 4,
  mai: 5, maggio: 5, mayo: 5, maio: 5,
  juin: 6, juni: 6, giugno: 6, junio: 6, junho: 6,
  juillet: 7, juli: 7, luglio: 7, julio: 7, julho: 7,
  'août': 8, aout: 8, agosto: 8,
  septembre: 9, settembre: 9, septiembre: 9, setiembre: 9, setembro: 9,
  octobre: 10, oktober: 10, ottobre: 10, octubre: 10, outubro: 10,
  novembre: 11, noviembre: 11, novembro: 11,
  'décembre': 12, decembre: 12, dezember: 12, dicembre: 12, diciembre: 12, dezembro: 12,
  // "6. November 2025": German shares the English names, written after the day with a dot.
  november: 11, september: 9, august: 8, april: 4,
};
export const MONTH_WORD = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b(?<month>${MONTH_WORD})\\.?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})\\b`, 'i'),
  new RegExp(`\\b(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<month>${MONTH_WORD})\\.?,?\\s+(?<year>\\d{4})\\b`, 'i'),
  /\b(?<year>\d{4})-(?<mm>\d{2})-(?<day>\d{2})\b/,
  new RegExp(`\\b(?<day>\\d{1,2})-(?<month>${MONTH_WORD})-(?<year>\\d{4})\\b`, 'i'), // 06-Aug-2025
  // "6. November 2025", "24 octobre 2025", "1er août 2025", "24 ottobre 2025", "24 de octubre de 2025", "24 de outubro de 2025".
  new RegExp(`(?<![\\p{L}\\d])(?<day>\\d{1,2})(?:\\.|er|º|°)?\\s+(?:de\\s+)?(?<foreign>${Object.keys(FOREIGN_MONTHS).join('|')})\\.?,?\\s+(?:de\\s+)?(?<year>\\d{4})\\b`, 'iu'),
];
/** A date on such a line is the end of a period, not the day of the call. */
const PERIOD_END = /\b(?:period|quarter|year)\s+end(?:ed|ing)?\b|\bend(?:ed|ing)\b/i;

const TIME = /\b\d{1,2}:\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)(?:\s+(?:[A-Z]{2,5}|Eastern|Pacific|Central)\b)?/;

/**
 * Words that make a line a call title: an earnings call's, a results event's with no "call" ("Interim Results
 * 2025", "Half-Year Results Presentation", "Q3 Trading Update"), and a call's in the languages this reader reads
 * ("Telefonkonferenz zum dritten Quartal", "Conférence téléphonique sur les résultats du…", "Teleconferência de
 * Resultados 3T25", "Kwartaalcijfers", "Delårsrapport", romanised Japanese "Kessan Setsumeikai"): the company a title
 * names ends where they start.
 */
const TITLE_WORDS = new RegExp(
  [
    String.raw`\b(?:earnings|conference call|results call|quarterly results|investor call|analyst call)\b`,
    String.raw`\b(?:interim|half[\s-]year|full[\s-]year|annual|preliminary|final|nine[\s-]months?|H[12]|FY\S*) results\b`,
    String.raw`\bresults (?:presentation|webcast|briefing|announcement|conference)\b`,
    String.raw`\btrading (?:update|statement)\b`,
    // A conference appearance, as terminals title it: "Tallis Freight Corp Presents at Harbor Securities Transport
    // Conference, Sep-09-2025", "… Fireside Chat", "… at the Harbor Securities Transport Conference".
    String.raw`\bpresents at\b|\bfireside chat\b|\bat (?:the )?(?:\d{4} )?(?:\p{Lu}[\p{L}&'’.-]*\s+){1,6}(?:Conference|Summit|Symposium|Forum)\b`,
    // German, French, Spanish and Portuguese, Italian, romanised Japanese.
    String.raw`\b(?:(?:Analysten|Investoren)?-?Telefonkonferenz|Analystenkonferenz|Ergebnispr(?:ä|ae)sentation|Ergebnisse? (?:des|der|zum|für das))(?![\p{L}])`,
    String.raw`\b(?:conf[ée]rence t[ée]l[ée]phonique|pr[ée]sentation des r[ée]sultats|r[ée]sultats (?:du|de|des|annuels|semestriels|trimestriels))(?![\p{L}])`,
    String.raw`\b(?:(?:tele|video)?conferencia|(?:tele|video)confer[êe]ncia|presentaci[óo]n de resultados|apresenta[çc][ãa]o (?:de|dos) resultados|resultados (?:del|de|do|da|dos))(?![\p{L}])`,
    String.raw`\b(?:conferenza telefonica|presentazione dei risultati|risultati (?:del|di|dei))(?![\p{L}])`,
    // Dutch, Swedish, Norwegian, Danish.
    String.raw`\b(?:conference ?call over|(?:kwartaal|jaar|halfjaar)(?:cijfers|resultaten)|resultaten (?:over|van)|telefonische vergadering)(?![\p{L}])`,
    String.raw`\b(?:del[åa]rsrapport|kvartalsrapport|halv[åa]rsrapport|bokslutskommunik[ée]|[åa]rsrapport|kvartalspresentasjon|resultatpresentasjon|kvartalsmeddelelse|delårsrapport|telefonkonferens|telefonkonferanse|telefonkonference)(?![\p{L}])`,
    String.raw`\b(?:kessan (?:setsumeikai|happy[oō]u?)|setsumeikai)\b`,
  ].join('|'),
  'iu',
);

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** The quarter a line names, with where the match starts. */
function findQuarter(text: string): { fiscalQuarter: number; fiscalYear: number; index: number; length: number } | null {
  for (const pattern of QUARTER_PATTERNS) {
    const m = pattern.exec(text);
    if (!m?.groups) continue;
    const q = m.groups.q ? Number(m.groups.q) : ORDINALS[(m.groups.ord ?? '').toLowerCase()];
    if (q === undefined || !m.groups.y) continue;
    return { fiscalQuarter: q, fiscalYear: fullYear(m.groups.y), index: m.index, length: m[0].length };
  }
  return null;
}

/** ISO date of a calendar date, or throws on an impossible one ("February 30"). */
function isoDate(year: number, month: number, day: number, line: Line, written: string): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) {
    throw new TranscriptFormatError(line.number, `expected a real call date like "February 5, 2026", found "${written}"`, { lineText: line.text });
  }
  return date.toISOString().slice(0, 10);
}

function findDate(line: Line): string | null {
  if (PERIOD_END.test(line.text)) return null;
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(line.text);
    if (!m?.groups) continue;
    const month = m.groups.mm ? Number(m.groups.mm) : m.groups.foreign ? (FOREIGN_MONTHS[m.groups.foreign.toLowerCase()] ?? 0) : MONTHS.indexOf((m.groups.month ?? '').slice(0, 3).toLowerCase()) + 1;
    return isoDate(Number(m.groups.year), month, Number(m.groups.day), line, m[0]);
  }
  // "04/24/2025" (US) or "24/04/2025", "23-10-2025": read only when the order is plain (one number over 12), never guessed;
  // "23.10.2025" (German, and Europe's way with dots) is day first; "2025.10.23" / "2025/10/23" year first.
  const slashed = SLASHED_DATE.exec(line.text);
  if (slashed?.groups) {
    const a = Number(slashed.groups.a);
    const b = Number(slashed.groups.b);
    if (slashed.groups.sep === '.' && b <= 12) return isoDate(Number(slashed.groups.year), b, a, line, slashed[0]);
    if (a > 12 && b <= 12) return isoDate(Number(slashed.groups.year), b, a, line, slashed[0]);
    if (b > 12 && a <= 12) return isoDate(Number(slashed.groups.year), a, b, line, slashed[0]);
  }
  const yearFirst = YEAR_FIRST_DATE.exec(line.text);
  if (yearFirst?.groups) return isoDate(Number(yearFirst.groups.year), Number(yearFirst.groups.mm), Number(yearFirst.groups.day), line, yearFirst[0]);
  return null;
}

const SLASHED_DATE = /(?<![\d.])(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<year>\d{4})\b/;
/** A line that is only a date in figures ("06.08.2025", "08/06/2025", "2025.08.06"), as a PDF's cover writes it under the title. */
const NUMERIC_DATE_LINE = /^(?:\d{1,2}([/.-])\d{1,2}\1\d{4}|\d{4}([/.])\d{1,2}\2\d{1,2})$/;
const YEAR_FIRST_DATE = /(?<![\d.])(?<year>(?:19|20)\d{2})(?<sep>[/.])(?<mm>\d{1,2})\k<sep>(?<day>\d{1,2})(?![\d.])/;

/** "Corrected Transcript", "Final Transcript": what kind of transcript it is (terminal exports write it under the title). */
const TRANSCRIPT_KIND = /^(?:(?:corrected|final|raw|edited|unedited|preliminary|full)\s+)?transcript$/i;

/** A ticker, or a Reuters instrument code ("KHLG.OQ"), and a dash before a title's period, as StreetEvents writes it. */
const LEADING_TICKER = /^(?<ticker>[A-Z][A-Z0-9]{0,6}(?:\.[A-Z]{1,3})?)\s+[-\u2013\u2014]\s+/;

/** "Edited Transcript of …", "Transcript of …" before what a title names. */
const TRANSCRIPT_OF = /^(?:(?:corrected|final|raw|edited|unedited|preliminary|full)\s+)?transcript\s+of\s+(?:the\s+)?/i;
/** An instrument code ("KHLG.OQ", "TLFT") right before the title's words, as StreetEvents' "Edited Transcript of …" writes it. */
const TICKER_BEFORE_TITLE = /^(?<ticker>[A-Z][A-Z0-9]{0,6}(?:\.[A-Z]{1,3})?)\s+(?=(?:[Ee]arnings|[Cc]onference [Cc]all|[Rr]esults)\b)/;

/** "Pinecrest Outdoor Co. NasdaqGS:PNCR", as S&P Capital IQ writes the company and its listing, without parentheses. */
const COMPANY_LISTING = /^(?<company>\S.*?)\s+(?<exchange>(?:Nasdaq|NYSE|AMEX|TSX|LSE|ASX|OTC|BATS|Euronext|XTRA|SEHK|TSE)[A-Za-z]{0,4})\s*:\s*(?<ticker>[A-Z][A-Z0-9]{0,6}(?:\.[A-Z0-9]{1,4})?)$/;

/** Whether a header line says something this module reads: a title, a date or time, a "Key: value". */
export function isHeaderMetaLine(text: string): boolean {
  if (!headerSized(text)) return false;
  return isTitleLike(text) || isKeyValueMeta(text) || TIME.test(text) || DATE_PATTERNS.some((p) => p.test(text)) || NUMERIC_DATE_LINE.test(text.trim()) || TRANSCRIPT_KIND.test(text.trim());
}

/** Words someone speaking says and a title does not: a person, a greeting, thanks (case kept: "US" is no "us"). */
const SPOKEN_WORDS = /\b(?:[Ww]e|[Ww]e're|[Ww]e've|[Ww]e'll|[Oo]ur|us|[Yy]ou|[Yy]our|[Mm]y|I|I'm|I'd|I'll|[Tt]hank you|[Tt]hanks|[Ww]elcome|[Gg]ood (?:morning|afternoon|evening|day)|[Hh]ello|[Ll]adies and gentlemen)\b/;
/** Most words a title has that says "we" or "welcome" without ending as a sentence does. */
const MAX_SPOKEN_TITLE_WORDS = 15;

/**
 * A line someone says ("Good morning and welcome to the Fenwick Tools first quarter 2025 earnings
 * call. I would now like to…"), not a title, though it has a title's words: spoken words, ending
 * as a sentence does or running longer than a title.
 */
export function readsAsSpeech(text: string): boolean {
  const t = text.trim();
  if (!SPOKEN_WORDS.test(t)) return false;
  return /\p{Ll}[.!?]["\u201d\u2019)]?$/u.test(t) || t.split(/\s+/).length > MAX_SPOKEN_TITLE_WORDS;
}

/** Whether a line reads like a call title (company with ticker, a quarter, "Earnings Call"). */
export function isTitleLike(text: string): boolean {
  // "Conference Call Coordinator" has a title's words but is the operator's name line.
  if (!headerSized(text) || isOperatorName(text) || readsAsSpeech(text)) return false;
  return companyTicker(text) !== null || COMPANY_LISTING.test(text.trim()) || findQuarter(text) !== null || TITLE_WORDS.test(text);
}

/** A possessive after a legal form or organisational word ("Tallis Freight Corp's Q3 2025…"): the title's, not the name's ("Lowe's" keeps it). */
const POSSESSIVE_AFTER_FORM = new RegExp(String.raw`\b(?:${alternation([...LEGAL_FORMS, ...ORGANISATION_WORDS])})\.?(?<s>['\u2019]s?)$`, 'i');

/**
 * Period words between a title's company and its title words ("Tallis Freight plc Half Year 2025
 * Results Call", "… H1 2025 …", "… FY 2025 …", "… 9M 2025 …", "… Full-Year 2025 …"), as European
 * companies name their results: the period's, never the company's. The first word always stays ("3M").
 */
const TRAILING_PERIOD =
  /(?:\s+(?:first|second|third|fourth|full|half|nine|six|three|twelve|fiscal|financial|interim|preliminary|annual|year|years|months?|half[\s-]year|full[\s-]year|year[\s-]end|quarter|Q[1-4]|H[12]|[1-4][QH]|FY\S*|\d{1,2}M|(?:19|20)\d{2}(?:\/\d{2,4})?|dai\s+[1-4]\s+shihanki|and|&|-|\u2013|\u2014))+\s*$/iu;

/** Whether a title's words before its title words are a period's only ("H1 2025 ", "Q3 2025 ", nothing). */
function onlyPeriod(text: string): boolean {
  return text.trim() === '' || ` ${text}`.replace(TRAILING_PERIOD, '').trim() === '';
}

/** A separator after a title's words, before the company ("… Results Presentation - Tallis Freight Group plc", "… | Kestrel …"). */
const SEPARATOR_BEFORE_COMPANY = /\s[-\u2013\u2014|]\s+(?=\p{Lu})/gu;
/** Words after a title's separator that say what the document is, not whose ("Final Transcript", "Webcast Replay", "Slides"). */
const NOT_A_COMPANY = /^(?:(?:corrected|final|raw|edited|unedited|preliminary|full|draft|updated)\s*)?(?:transcript|version|draft|replay|webcast(?: replay)?|audio|slides|presentation|q&a|final)?\.?$/i;
/** Most words a company after a title's separator has. */
const MAX_COMPANY_AFTER_TITLE = 8;

/** The company written after the title's words and a separator, or null when none is (a quarter or title words there are no company). */
function companyAfterTitle(text: string): string | null {
  const separators = [...text.matchAll(SEPARATOR_BEFORE_COMPANY)];
  // "Earnings Call - Tallis Freight Corp - Q3 2025": the part between separators that is a name.
  for (let k = 0; k < separators.length; k++) {
    const at = separators[k] as RegExpExecArray;
    const next = separators[k + 1];
    const part = text.slice(at.index + at[0].length, next === undefined ? undefined : next.index).trim();
    if (part === '' || part.split(/\s+/).length > MAX_COMPANY_AFTER_TITLE || TITLE_WORDS.test(part) || findQuarter(part) !== null || DATE_PATTERNS.some((p) => p.test(part))) continue;
    // "… - Final Transcript", "… | Webcast Replay": what the document is, no company.
    if (NOT_A_COMPANY.test(part) || onlyPeriod(part)) continue;
    return cleanCompany(part);
  }
  return null;
}

/** A period's code left where the company would be ("H1 2025 Results Presentation | Webcast Replay" → "H1"): no company. */
function periodCode(company: string | null): string | null {
  return company !== null && /^(?:H[12]|Q[1-4]|[1-4][QH]|FY\S*)$/i.test(company) ? null : company;
}

function withoutTrailingPeriod(text: string): string {
  const m = TRAILING_PERIOD.exec(text);
  return m && m.index > 0 ? text.slice(0, m.index) : text;
}

function cleanCompany(text: string): string | null {
  let company = text.replace(/[\s\-\u2013\u2014,:|]+$/u, '').replace(/^[\s\-\u2013\u2014,:|]+/u, '').trim();
  const possessive = POSSESSIVE_AFTER_FORM.exec(company);
  if (possessive?.groups) company = company.slice(0, company.length - (possessive.groups.s as string).length);
  return company === '' ? null : company;
}

function setQuarter(meta: HeaderMeta, found: { fiscalQuarter: number; fiscalYear: number }): void {
  meta.fiscalQuarter = found.fiscalQuarter;
  meta.fiscalYear = found.fiscalYear;
  meta.quarter = `Q${found.fiscalQuarter} ${found.fiscalYear}`;
}

/**
 * Key: value metadata ("Company: Acme Corp", "Ticker: ACME", "Quarter: Q3 2024", "Date: 2024-07-30",
 * "Event Date: 04/24/2025"); a vendor's own keys ("Source:", "Event Type:", "Language:") are read past.
 */
const KEY_VALUE =
  /^(?<key>company|company name|company ticker|ticker|symbol|quarter|fiscal quarter|period|date|call date|event date|date of (?:the )?call|time|call time|event time|sector|industry|title|event|event type|source|document type|transcript type|language|duration|location)\s*[:=]\s*(?<value>.+)$/i;

/** Whether a line is a "Key: value" metadata line this module reads. */
export function isKeyValueMeta(text: string): boolean {
  return headerSized(text) && KEY_VALUE.test(text);
}

/** Applies one "Key: value" line; returns false when the line is not one. */
export function applyKeyValue(meta: HeaderMeta, line: Line): boolean {
  if (!headerSized(line.text)) return false;
  const m = KEY_VALUE.exec(line.text);
  if (!m?.groups) return false;
  const key = (m.groups.key ?? '').toLowerCase();
  const value = (m.groups.value ?? '').trim();
  if (key === 'company' || key === 'company name') meta.company = value;
  // "NASDAQ: ACME", or Bloomberg's "ACME US Equity".
  else if (key === 'ticker' || key === 'symbol' || key === 'company ticker') meta.ticker = value.replace(/^[A-Za-z ]{2,15}:\s*/, '').replace(/\s+[A-Z]{2}\s+Equity$/i, '').toUpperCase();
  else if (key === 'quarter' || key === 'fiscal quarter' || key === 'period') {
    const found = findQuarter(value);
    if (found) setQuarter(meta, found);
  } else if (key === 'date' || key === 'call date' || key === 'event date' || key.startsWith('date of')) meta.date = findDate({ ...line, text: value }) ?? meta.date;
  else if (key === 'time' || key === 'call time' || key === 'event time') meta.time = TIME.exec(value)?.[0] ?? value;
  else if (key === 'sector' || key === 'industry') meta.sector = value;
  else if (key === 'title' || key === 'event') {
    meta.title = value;
    applyTitleLine(meta, { ...line, text: value });
  }
  return true;
}

/**
 * Reads one header line into `meta`, filling only what is still unknown. The first title-like
 * line becomes the title; a following line that completes it ("Q4 2025 Earnings Call" under
 * "Amazon.com (AMZN)") is appended.
 */
export function applyTitleLine(meta: HeaderMeta, line: Line): void {
  // "Earnings call transcript: Acme Q3 2025 beats…" (a news site's headline): the label is no part of the company;
  // nor is "Edited Transcript of" (StreetEvents: "Edited Transcript of KHLG.OQ earnings conference call or presentation 23-Oct-25").
  let text = line.text.replace(/\s+/g, ' ').replace(/^(?:earnings call )?transcript\s*:\s*/i, '');
  if (!headerSized(text) || text === '') return;
  const written = text;
  const of = TRANSCRIPT_OF.exec(text);
  if (of) {
    text = text.slice(of[0].length);
    // "KHLG.OQ earnings conference call…": an instrument code where the company would be is the ticker.
    const code = TICKER_BEFORE_TITLE.exec(text);
    if (code?.groups) {
      meta.ticker ??= code.groups.ticker as string;
      text = text.slice(code[0].length);
    }
  }
  // "AAPL.OQ - Q4 2019 Apple Inc Earnings Call" (StreetEvents), "TLFT - Tallis Freight Corp - Q3 2025 Earnings Call":
  // the ticker before the period, or before the company and a dash and the period, is no company.
  const leading = LEADING_TICKER.exec(text);
  const period = leading ? findQuarter(text) : null;
  const dashBefore = (at: number): boolean => /\s[-\u2013\u2014]\s*$/u.test(text.slice(0, at));
  if (leading?.groups && period && (period.index === leading[0].length || (period.index > leading[0].length && dashBefore(period.index)))) {
    meta.ticker ??= leading.groups.ticker as string;
    text = text.slice(leading[0].length);
  }
  const tickerMatch = companyTicker(text) ?? COMPANY_LISTING.exec(text.trim());
  const quarter = findQuarter(text);
  const titleLike = tickerMatch !== null || quarter !== null || TITLE_WORDS.test(text);

  if (tickerMatch?.groups && meta.ticker === null) {
    meta.ticker = (tickerMatch.groups.ticker ?? '').toUpperCase();
    meta.company ??= cleanCompany(tickerMatch.groups.company ?? '');
  }
  if (quarter && meta.quarter === null) setQuarter(meta, quarter);
  if (meta.company === null && titleLike && !tickerMatch) {
    // "Tallis Freight Corp Quarterly Results Call Q3 2025": the company ends at the title's words when they come first.
    const words = text.search(TITLE_WORDS);
    const cut = quarter !== null && words >= 0 ? Math.min(quarter.index, words) : (quarter?.index ?? words);
    // "H1 2025 Results Presentation - Tallis Freight Group plc", "Interim Results 2025 | Kestrel Harbour Logistics plc": only
    // the period before the title's words, the company after them and a separator (it was "H1", or none).
    const afterTitle = words >= 0 && onlyPeriod(text.slice(0, words)) ? companyAfterTitle(text.slice(words)) : null;
    if (afterTitle !== null) meta.company = afterTitle;
    else if (cut > 0) meta.company = periodCode(cleanCompany(withoutTrailingPeriod(text.slice(0, cut))));
    else if (quarter && cut === 0) {
      // "Q4 2025 Amazon.com Inc Earnings Call": the company sits between the quarter and the title words.
      const after = text.slice(quarter.index + quarter.length).trimStart();
      const end = after.search(TITLE_WORDS);
      if (end > 0) meta.company = cleanCompany(after.slice(0, end));
    }
  }
  meta.date ??= findDate({ ...line, text });
  meta.time ??= TIME.exec(text)?.[0]?.trim() ?? null;
  if (titleLike) {
    if (meta.title === null) meta.title = written;
    else if (!TITLE_WORDS.test(meta.title) && TITLE_WORDS.test(text)) meta.title = `${meta.title} ${written}`;
  }
}

/** A character of a name in a welcome: not a sentence's end, but the period of "Dr. Reddy's", "St. Joe" or "Acme Co." may be one. */
const NAME_CHAR = /(?:[^.!?\n]|\.(?=\w)|(?<=\b(?:Dr|St|Mt|Ft|Co|Cos|Inc|Corp|Ltd|Bros|Intl|Natl))\.(?=\s))/.source;
/** The operator's welcome, which names the call when no header does ("Welcome to the Orchid Labs first quarter 2025 earnings call"). */
const WELCOME = new RegExp(
  `\\bwelcome\\s+(?:everyone\\s+|you\\s+all\\s+)?to\\s+(?:the\\s+|today['’]s\\s+|this\\s+)?(?<title>${NAME_CHAR}{3,120}?\\b(?:earnings|results?|conference|investor|video|quarter(?:\\s+(?:19|20)\\d{2})?|(?:19|20)\\d{2})\\s+(?:release\\s+)?(?:conference\\s+call|call|presentation|conference|webcast))`,
  'i',
);

/** A welcome that thanks for joining instead ("Thank you for joining us to review Marrow Bio's 2024 fourth quarter results"). */
const JOINING = new RegExp(
  String.raw`\b(?:for\s+joining|join(?:ing)?\s+us)\s+(?:us\s+)?(?:today\s+)?(?:(?:to\s+(?:review|discuss)|for|on)\s+)?(?:the\s+|today['’]s\s+)?(?<title>${NAME_CHAR}{3,120}?\b(?:results?|earnings)\b(?:\s+(?:conference\s+call|call|presentation|conference|webcast))?)`,
  'i',
);

/**
 * A welcome whose call is not "…call" but results or a report ("welcome to TESSEL BANK'S 2024
 * FULL YEAR RESULTS AUDIO WEBCAST", "this presentation of the Halden Steel year-end report"): the name is
 * what comes before the period and report words (spokenCompanyName).
 */
const WELCOME_RESULTS = new RegExp(
  String.raw`\bwelcome\s+(?:you\s+)?to\s+(?:the\s+|this\s+|today['’]s\s+)?(?:(?:live\s+)?(?:webcast\s+|audio\s+)?(?:presentation|conference\s+call|call|webcast)\s+(?:of|on|for)\s+(?:the\s+)?)?(?<title>${NAME_CHAR}{2,120}?\b(?:results?|earnings|report)\b)`,
  'i',
);

/** "Welcome to the conference call of Kestrel Systems AG", "welcome to the earnings call for Halden Wind": the company after the call. */
const WELCOME_OF = /\bwelcome\s+(?:you\s+)?to\s+(?:the\s+|this\s+|today['’]s\s+)?(?:(?:earnings|results|quarterly|investor)\s+)?(?:conference\s+call|call|webcast|presentation)\s+(?:of|for|from)\s+/i;
/** The capitalised words that name it (case matters here, so apart from WELCOME_OF). */
export const COMPANY_WORDS = /^\p{Lu}(?:[\p{L}\p{N}&'’-]|\.(?=\p{L}))*(?:\s+\p{Lu}(?:[\p{L}\p{N}&'’-]|\.(?=\p{L}))*){0,4}/u;

/**
 * What an operator's welcome says of the call (company, quarter), for sources with no header
 * (captions, diarized JSON, bare speaker labels); null when the text has no such welcome.
 */
export function metaFromWelcome(text: string, opts: NameOptions = {}): HeaderMeta | null {
  for (const m of [WELCOME.exec(text), JOINING.exec(text), WELCOME_RESULTS.exec(text)]) {
    if (!m?.groups?.title) continue;
    const meta = emptyHeaderMeta();
    applyTitleLine(meta, { number: 0, start: 0, end: m.groups.title.length, text: m.groups.title });
    // A title the header reader takes for none ("Halden Wind investor presentation") still starts with the name.
    meta.company = spokenCompanyName(meta.company ?? m.groups.title, opts) ?? nameInsideTitle(m.groups.title, opts);
    if (meta.company !== null) return meta;
  }
  // "Welcome to the conference call of Kestrel Systems AG": the call first, then whose.
  const lead = WELCOME_OF.exec(text);
  const of = lead ? COMPANY_WORDS.exec(text.slice(lead.index + lead[0].length))?.[0] : undefined;
  const company = of ? spokenCompanyName(of, opts) : null;
  return company ? { ...emptyHeaderMeta(), company } : null;
}

/** Turns at the start of a call in which an operator's welcome is looked for. */
const WELCOME_TURNS = 3;

/** What the operator's welcome in a call's first turns says of it, or null. */
export function welcomeMeta(turns: readonly { paragraphs: readonly { text: string }[] }[]): HeaderMeta | null {
  for (const t of turns.slice(0, WELCOME_TURNS)) {
    const found = metaFromWelcome(t.paragraphs[0]?.text ?? '');
    if (found) return found;
  }
  return null;
}

/** Where what a welcome says of the call stops naming the company ("Corvane 2024 full year results", "Tessel's First Half of 2024"). */
const AFTER_SPOKEN_NAME =
  /(?:['’]s?(?=\s|$)|\s*[–(,]|\s+-\s|-(?=(?:Q[1-4]|\d|January|February|March|April|May|June|July|August|September|October|November|December)\b)|(?:^|\s+)(?:first|second|third|fourth|full|half|nine|fiscal|financial|preliminary|annual|quarterly|interim|trading|operating|operational|year|results?|earnings|conference|investor|video|IFRS|H[12]|Q[1-4]|[1-4][QH]|FY\S*|\d{1,2}M|\d{4}|January|February|March|April|May|June|July|August|September|October|November|December)\b)/i;

/** A legal form, which closes a company's name. */
const LEGAL_END = new RegExp(String.raw`\b(?:${alternation(LEGAL_FORMS)})\b\.?`, 'i');

export interface NameOptions {
  /**
   * A speech-recognition gap inside the name ("Coca-Cola [inaudible]") ends it at the gap instead
   * of refusing it: the words before are how the call spoke of the company, enough to find it by,
   * though not its whole name (so never the call's recorded company).
   */
  cutAtGap?: boolean;
}

/**
 * The company as a welcome speaks it, or null when what is left is no name: the possessive and
 * the period or report words after it go ("Lisbon Power's" → "Lisbon Power", "Corvane 2024 full year results"
 * → "Corvane"), as do "our"/"the" before it; it must start with a capital and hold no
 * speech-recognition gap ("[unk]") unless `cutAtGap`.
 */
export function spokenCompanyName(said: string, opts: NameOptions = {}): string | null {
  let name = said.replace(/^(?:our|the|this|today['’]s)\s+/i, '').trim();
  if (opts.cutAtGap && name.includes('[')) name = name.slice(0, name.indexOf('[')).trim();
  // A company named for a person keeps the possessive: "Dr. Reddy's", "Mr. Cooper's" is the name itself.
  const eponym = /^(?:Dr|Mr|Mrs|Ms|St)\.?\s+\p{Lu}[\p{L}-]*['’]s(?=\s|$)/u.exec(name);
  const cut = eponym ? { index: eponym[0].length } : AFTER_SPOKEN_NAME.exec(name);
  if (cut) name = name.slice(0, cut.index).trim();
  // A legal form ends the name ("QUORVO QUANTUM INC debut fiscal year-end…").
  const legal = LEGAL_END.exec(name);
  if (legal) name = name.slice(0, legal.index + legal[0].length).trim();
  name = name.replace(/[\s,.;:]+$/, '');
  if (!/^\p{Lu}/u.test(name) || /[[\]]/.test(name) || name.split(/\s+/).length > 5 || /^(?:Q[1-4]|H[12]|FY\S*)$/i.test(name)) return null;
  return name;
}

/** Period words a welcome may put before the name ("the nine-month 2023 Halden results call", "2021 third quarter Halden earnings call"). */
const LEADING_PERIOD = /^(?:(?:the|first|second|third|fourth|full|half|nine|six|three|twelve|fiscal|financial|year|months?|quarter|Q[1-4]|H[12]|[1-4][QH]|FY\S*|9M|\d{2}|\d{4}|and|-)\s+)+/i;
/** The last "for"/"of" of a title, after which its company comes ("a call for shareholders and analysts of Halden's 2022 first quarter results"). */
const LAST_FOR = /^.*\b(?:for|of)\s+(?:the\s+)?(?=\p{Lu})/su;

/** The company a welcome's title names after period words or after whom the call is for, when it does not start with it. */
function nameInsideTitle(title: string, opts: NameOptions): string | null {
  const afterPeriod = title.replace(LEADING_PERIOD, '');
  if (afterPeriod !== title) return spokenCompanyName(afterPeriod, opts);
  const lastFor = LAST_FOR.exec(title);
  return lastFor ? spokenCompanyName(title.slice(lastFor[0].length), opts) : null;
}

/** Most words a company's name has on a line of its own. */
const MAX_COMPANY_WORDS = 8;
/** A dot a company's name may end with: its legal form's ("Fenwick Tools Inc."). */
const LEGAL_FORM_DOT = /\b(?:Inc|Corp|Co|Cos|Ltd|S\.A|N\.V|S\.p\.A|plc|L\.P|LLC|AG|SE)\.$/i;

/**
 * The company, when an IR site's PDF opens with its name alone on a line over the call's title
 * ("Fenwick Tools Inc." over "First Quarter 2025 Earnings Conference Call") and that title names
 * no company of its own; null otherwise.
 */
export function companyOverTitle(first: string, second: string): string | null {
  const company = first.trim().replace(/\s+/g, ' ');
  if (!headerSized(company) || /\d/.test(company) || company.split(' ').length > MAX_COMPANY_WORDS || !/^\p{Lu}/u.test(company)) return null;
  if (isTitleLike(company) || isKeyValueMeta(company) || isOperatorName(company) || readsAsSpeech(company)) return null;
  if (/[.?!:;,]$/.test(company) && !LEGAL_FORM_DOT.test(company)) return null;
  if (!isTitleLike(second)) return null;
  const meta = emptyHeaderMeta();
  applyTitleLine(meta, { number: 0, start: 0, end: second.length, text: second });
  return meta.company === null && meta.ticker === null ? cleanCompany(company) : null;
}

/** Reads a block of header lines (title lines and Key: value lines). */
export function readHeaderMeta(lines: readonly Line[]): HeaderMeta {
  const meta = emptyHeaderMeta();
  const written = lines.filter((l) => l.text !== '');
  meta.company = written.length >= 2 ? companyOverTitle((written[0] as Line).text, (written[1] as Line).text) : null;
  for (const line of written) {
    if (!applyKeyValue(meta, line)) applyTitleLine(meta, line);
  }
  return meta;
}
