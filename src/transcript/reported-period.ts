import { QUARTER_ORDINALS, QUARTER_ORDINAL_WORDS } from './quarter-ordinals.js';

/**
 * The period a call reports, as its opening words say it when no header does: "welcome to the
 * Turkcell third quarter 2021 financial results call", "EDP's first half 2020 results", "the 2019
 * annual results call", "Kestrel Hydro 3Q and 9M IFRS results". A half, nine months or a full year
 * is given as the fiscal quarter that closes it (first half → Q2, nine months → Q3, full year → Q4):
 * the call a company holds at the end of that quarter, which is what a question about the period
 * means. Only periods said with a year and beside a results word count ("compared with the third
 * quarter of 2020" is not the call's own period).
 */

export interface ReportedPeriod {
  fiscalQuarter: number;
  fiscalYear: number;
  /** The words that said it, as written. */
  said: string;
}

/** How many characters of the call's opening are read: the welcome and the host's introduction. */
export const OPENING_CHARS = 2500;

const ORD = `(?<ord>${QUARTER_ORDINAL_WORDS})`;
/** A four-digit year, or two digits right before a word ("third quarter 21 earnings call"). */
const YEAR = "(?:(?<y>(?:19|20)\\d{2})(?!\\d)|['’]?(?<yy>\\d{2})(?=\\s+\\p{L}))";
/** Words that may sit between a period and its year: "third quarter and nine months of 2024", "first half of the year 2024". */
const BETWEEN = '(?:\\s+(?:of|the|fiscal|year|and|nine|9|months?|9m|full|financial|ended|ending|for))*\\s+';
const OF = '(?:\\s+of)?(?:\\s+(?:the\\s+)?(?:fiscal\\s+)?year)?(?:\\s+of)?\\s+';

/** Each form of a period, and the quarter that closes it (`null`: read from the ordinal). */
const FORMS: ReadonlyArray<[RegExp, number | null]> = [
  // "third quarter 2021", "fourth quarter and full year 2021", "Q3 2021", "2021 Q1", "3Q21", "3Q and 9M 2021", "FY21 second quarter"
  [new RegExp(`\\b${ORD}[\\s-]+(?:fiscal\\s+)?quarter${BETWEEN}${YEAR}`, 'iu'), null],
  [new RegExp(`\\bQ(?<q>[1-4])${OF}(?:FY\\s*)?${YEAR}`, 'iu'), null],
  [new RegExp(`\\b(?<y>(?:19|20)\\d{2})\\s+(?:Q(?<q>[1-4])|${ORD}\\s+quarter)\\b`, 'iu'), null],
  [new RegExp(`\\b(?<q>[1-4])Q(?:\\s+and\\s+(?:9M|6M|12M|H[12]))?\\s*${YEAR}`, 'iu'), null],
  [new RegExp(`\\bFY\\s*['’]?(?<yy>\\d{2}|(?:19|20)\\d{2})\\s+${ORD}\\s+quarter\\b`, 'iu'), null],
  // "first half 2020", "H1 2021", "1H21", "half-year 2021", "2021 first half"; the second half closes the year
  [new RegExp(`\\b(?:(?:first|1st)\\s+half${OF}|H1\\s*|1H\\s*|half[\\s-]+year${OF})${YEAR}`, 'iu'), 2],
  [new RegExp(`\\b(?<y>(?:19|20)\\d{2})\\s+(?:first\\s+half|half[\\s-]+year|H1|1H|interim)\\b`, 'iu'), 2],
  [new RegExp(`\\b(?:(?:second|2nd)\\s+half${OF}|H2\\s*|2H\\s*)${YEAR}`, 'iu'), 4],
  // "nine months 2021", "first nine months of 2021", "9M 2021", "2021 nine months"
  [new RegExp(`\\b(?:(?:first\\s+)?(?:nine|9)[\\s-]+months?${OF}|9M\\s*)${YEAR}`, 'iu'), 3],
  [new RegExp(`\\b(?<y>(?:19|20)\\d{2})\\s+(?:nine[\\s-]+months?|9M)\\b`, 'iu'), 3],
  // "full year 2019", "full-year of 2020", "FY 2021", "2019 annual results", "year ended 31st March 2024", "year end of 30 June, 2021"
  [new RegExp(`\\b(?:full[\\s-]+year${OF}|FY\\s*)${YEAR}`, 'iu'), 4],
  [new RegExp(`\\b(?<y>(?:19|20)\\d{2})\\s+(?:full[\\s-]+year|annual|year[\\s-]+end)\\b`, 'iu'), 4],
  [new RegExp(`\\byear[\\s-]+end(?:ed|ing)?\\s+(?:of\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?\\p{L}+,?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?(?<y>(?:19|20)\\d{2})\\b`, 'iu'), 4],
];

/** A results word in the same sentence makes a period the call's own ("results", "earnings call", "trading update"). */
const RESULTS_WORD = /\b(?:results?|earnings|trading\s+update|conference\s+call|call|presentation|webcast|release)\b/i;

/** The sentences of the opening, each with where it starts. */
function sentences(text: string): string[] {
  return text.slice(0, OPENING_CHARS).split(/(?<=[.!?])\s+/);
}

/** The period the opening says the call reports, or null when it names none beside a results word. */
export function reportedPeriod(opening: string): ReportedPeriod | null {
  for (const sentence of sentences(opening)) {
    if (!RESULTS_WORD.test(sentence)) continue;
    let best: (ReportedPeriod & { at: number }) | null = null;
    for (const [re, closes] of FORMS) {
      const m = re.exec(sentence);
      if (!m?.groups || (best && m.index >= best.at)) continue;
      const g = m.groups;
      const quarter = closes ?? (g.q ? Number(g.q) : QUARTER_ORDINALS[(g.ord ?? '').toLowerCase()]);
      const year = g.y ? Number(g.y) : g.yy ? 2000 + Number(g.yy) : NaN;
      if (quarter === undefined || !(year >= 1990 && year <= 2099)) continue;
      best = { fiscalQuarter: quarter, fiscalYear: year, said: m[0].trim(), at: m.index };
    }
    if (best) return { fiscalQuarter: best.fiscalQuarter, fiscalYear: best.fiscalYear, said: best.said };
  }
  return null;
}

/** Turns whose words make up the opening: the operator's welcome and the host's introduction. */
const OPENING_TURNS = 6;

/** The opening of a call's turns, as reportedPeriod reads it. */
export function openingText(turns: readonly { paragraphs: readonly { text: string }[] }[]): string {
  let text = '';
  for (const t of turns.slice(0, OPENING_TURNS)) {
    for (const p of t.paragraphs) {
      text += `${p.text} `;
      if (text.length >= OPENING_CHARS) return text;
    }
  }
  return text;
}

/** The call's quarter fields for a reported period ("Q2 2021" for a first half of 2021). */
export function quarterFields(p: ReportedPeriod): { quarter: string; fiscalQuarter: number; fiscalYear: number } {
  return { quarter: `Q${p.fiscalQuarter} ${p.fiscalYear}`, fiscalQuarter: p.fiscalQuarter, fiscalYear: p.fiscalYear };
}
