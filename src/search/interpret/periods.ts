import { QUARTER_ORDINALS } from '../../transcript/quarter-ordinals.js';

/**
 * Periods named in a question or a filter: a fiscal quarter with its year ("Q3 2020", "3Q20",
 * "2020 Q3", "third quarter of 2020"), a half or nine months as the quarter closing it ("H1 2021",
 * "first half of 2021" → Q2 2021), a fiscal year ("FY2020", "fiscal 2020", "full year 2020", "2020 annual
 * results"), the latest call
 * ("last quarter", "the most recent call") and the call a year before it ("a year ago", "the
 * year-ago quarter"). A bare year is a period only where it says when something was said ("say in
 * 2025", bareYearMention), not as a topic ("2026 capex guidance"); a quarter without a year only as
 * "in Q3" of a named company ("Q3 guidance" is a topic).
 */

export type Period =
  | { kind: 'quarter'; quarter: number; year: number }
  /** "in Q3", "during the third quarter", of a named company: its calls of that fiscal quarter, any year. */
  | { kind: 'fiscal_quarter'; quarter: number }
  | { kind: 'year'; year: number }
  | { kind: 'latest' }
  | { kind: 'year_ago' }
  /** Two or more periods named together ("Telkom Q4 2019 and Q4 2020"): the calls of each. */
  | { kind: 'several'; periods: readonly Period[] };

export interface PeriodMention {
  period: Period;
  matched: string;
  start: number;
  end: number;
  /** A half or nine months: it names the call, and also which figure ("operating loss over the nine months"), so its words stay in the topic. */
  cumulative?: true;
  /** The period an outlook is for ("revenue guidance for Q4 2020", "Q1 2026 outlook"): given on an earlier call. */
  forecast?: true;
}

/** Words before a period that make it what an outlook is for ("guidance for", "expected for", "outlook into the"); "in" names when it was said. */
const FORECAST_BEFORE = /\b(?:guidance|guide|guided|guiding|outlook|forecast|forecasts|expect|expects|expected|expecting|expectations?|projections?|targets?)\s+(?:\w+\s+){0,2}?(?:for|into)\s+(?:the\s+)?$/i;
/** …or after it ("Q1 2026 guidance"). */
const FORECAST_AFTER = /^\s*(?:guidance|outlook|forecast|expectations?|projections?)\b/i;


function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** Each pattern with how it reads into a Period (and whether it is cumulative); tried in order, first match of a span wins. */
const PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => Period, true?]> = [
  [/\bQ([1-4])\s*[-/]?\s*(?:FY|fiscal\s+(?:year\s+)?)?\s*'?(\d{4}|\d{2})\b/gi, (m) => ({ kind: 'quarter', quarter: Number(m[1]), year: fullYear(m[2]!) })],
  [/\b(?:FY\s*)?(\d{4})\s*[-/]?\s*Q([1-4])\b/gi, (m) => ({ kind: 'quarter', quarter: Number(m[2]), year: Number(m[1]) })],
  [/\b([1-4])Q\s*'?(\d{4}|\d{2})\b/gi, (m) => ({ kind: 'quarter', quarter: Number(m[1]), year: fullYear(m[2]!) })],
  [
    /\b(?:fiscal\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+quarter(?:\s+of)?(?:\s+fiscal)?(?:\s+year)?\s+(?:FY\s*)?(\d{4})\b/gi,
    (m) => ({ kind: 'quarter', quarter: QUARTER_ORDINALS[m[1]!.toLowerCase()]!, year: Number(m[2]) }),
  ],
  // A half or nine months: the call at the end of it (first half → Q2, nine months → Q3, second half → Q4), as calls are labelled (transcript/reported-period.ts).
  [/\b(?:(?:first|1st)\s+half(?:\s+of)?(?:\s+fiscal)?(?:\s+year)?\s+|H1\s*'?|1H\s*'?)(\d{4}|\d{2})\b/gi, (m) => ({ kind: 'quarter', quarter: 2, year: fullYear(m[1]!) }), true],
  [/\b(?:(?:second|2nd)\s+half(?:\s+of)?(?:\s+fiscal)?(?:\s+year)?\s+|H2\s*'?|2H\s*'?)(\d{4}|\d{2})\b/gi, (m) => ({ kind: 'quarter', quarter: 4, year: fullYear(m[1]!) }), true],
  [/\b(?:(?:first\s+)?nine\s+months(?:\s+of)?(?:\s+fiscal)?\s+|9M\s*'?)(\d{4}|\d{2})\b/gi, (m) => ({ kind: 'quarter', quarter: 3, year: fullYear(m[1]!) }), true],
  [/\b(?:FY\s*'?(\d{4}|\d{2})|fiscal\s+(?:year\s+)?(\d{4}))\b/gi, (m) => ({ kind: 'year', year: fullYear((m[1] ?? m[2])!) })],
  // A full year or its results ("full year 2018", "the 2019 full-year results", "annual results 2020", "its 2018 results"): that fiscal
  // year's calls. Its words say which figure too (the year's, not the quarter's), so they stay in the topic.
  [/\b(?:full[-\s]year|annual\s+results?)\s+(?:of\s+|for\s+)?(?:fiscal\s+)?((?:19|20)\d{2})\b/gi, (m) => ({ kind: 'year', year: Number(m[1]) }), true],
  [/\b((?:19|20)\d{2})\s+(?:full[-\s]year|annual\s+results?|results)\b/gi, (m) => ({ kind: 'year', year: Number(m[1]) }), true],
  [/\b(?:a\s+year\s+ago|(?:the\s+)?year[-\s]ago\s+(?:quarter|call|period)|(?:the\s+)?same\s+quarter\s+(?:of\s+)?last\s+year|this\s+time\s+last\s+year)\b/gi, () => ({ kind: 'year_ago' })],
  [/\b(?:(?:last|latest|most\s+recent|recent)\s+(?:quarter|call|earnings\s+call|quarterly\s+call)|(?:on|in)\s+the\s+latest\s+call)\b/gi, () => ({ kind: 'latest' })],
];

/** Periods named in free text, left to right, non-overlapping. */
export function periodMentions(text: string): PeriodMention[] {
  const found: PeriodMention[] = [];
  for (const [re, read, cumulative] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const forecast = FORECAST_BEFORE.test(text.slice(Math.max(0, start - 60), start)) || FORECAST_AFTER.test(text.slice(end, end + 20));
      found.push({ period: read(m), matched: m[0], start, end, ...(cumulative ? { cumulative } : {}), ...(forecast ? { forecast } : {}) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A quarter named without a year where it says when something was said ("What did YETI say in Q3
 * about…", "during the second quarter"): read only for a company the question names (call-scope.ts),
 * and only when that company has such a call. "Q3 guidance" stays a topic.
 */
export function fiscalQuarterMention(text: string): PeriodMention | null {
  const m = /\b(?:in|during|on|for)\s+(?:the\s+|its\s+|their\s+)?(?:(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter|Q([1-4]))\b(?!\s*(?:of\s+)?(?:fiscal\s+|FY\s*)?'?\d)(?:\s+(?:call|earnings\s+call))?/i.exec(text);
  if (!m) return null;
  const quarter = m[2] ? Number(m[2]) : QUARTER_ORDINALS[m[1]!.toLowerCase()]!;
  return { period: { kind: 'fiscal_quarter', quarter }, matched: m[0], start: m.index, end: m.index + m[0].length };
}

/** Words of a question about what is to come: a year in it is what the outlook is for, not when it was said. */
const AHEAD = /\b(?:will|would|expect(?:s|ed|ing|ations?)?|going\s+to|guid(?:e|ed|es|ing|ance)|outlook|forecasts?|anticipat\w*)\b/i;

/** A verb of speaking: a year in such a question says when it was said. */
const SPOKEN = /\b(?:say|says|said|talk|talks|talked|comment|comments|commented|mention|mentions|mentioned|discuss|discusses|discussed|tell|told|note|noted|speak|spoke|ask|asks|asked)\b/i;

/**
 * A year named alone as when ("What did Amazon say in 2025 about AWS", "What was operating cash
 * flow in 2025?"): read only when a call in scope is of that fiscal year (call-scope.ts), and never
 * in a question about what is to come ("what will capex be in 2026", "2026 capex guidance").
 * In a question of what was said, the year leaves the topic as "Q4 2025" does; in one asking for a
 * figure it also says which figure (the year's, not a quarter's), so its words stay (`cumulative`).
 */
export function bareYearMention(text: string): PeriodMention | null {
  if (AHEAD.test(text)) return null;
  const m = /\b(?:in|during)\s+((?:19|20)\d{2})\b(?![-/–]\d|\s*Q[1-4]\b)/i.exec(text);
  if (!m) return null;
  const year = m.index + m[0].indexOf(m[1]!);
  return { period: { kind: 'year', year: Number(m[1]) }, matched: m[1]!, start: m.index, end: year + m[1]!.length, ...(SPOKEN.test(text) ? {} : { cumulative: true as const }) };
}

/**
 * A year right after a company's name ("MTN Ghana 2020 reported EBITDA margin", "LVMH's 2021
 * currency effect"): that company's year, read only when the company has a call of that fiscal year
 * (call-scope.ts), and never in a question about what is to come. Its words say which figure too,
 * so they stay in the topic (`cumulative`).
 */
export function yearAfterCompany(text: string, companyEnds: readonly number[]): PeriodMention | null {
  if (AHEAD.test(text)) return null;
  for (const end of companyEnds) {
    const m = /^(?:['’]s)?\s+((?:19|20)\d{2})\b(?![-/–]\d|\s*Q[1-4]\b)/i.exec(text.slice(end));
    if (!m) continue;
    const start = end + m[0].indexOf(m[1]!);
    return { period: { kind: 'year', year: Number(m[1]) }, matched: m[1]!, start, end: start + m[1]!.length, cumulative: true };
  }
  return null;
}

/** A quarter filter value: "Q4 2025", "2025Q4", "4Q25", "Q4 FY2025"; null when it is not one. */
export function parseQuarter(text: string): { quarter: number; year: number } | null {
  const mentions = periodMentions(text.trim());
  const only = mentions.length === 1 ? mentions[0]! : null;
  if (!only || only.period.kind !== 'quarter' || only.matched.length < text.trim().length - 1) return null;
  return { quarter: only.period.quarter, year: only.period.year };
}

/** The quarter before a quarter: where an outlook for it is given. */
export function quarterBefore(p: { quarter: number; year: number }): Period {
  return p.quarter === 1 ? { kind: 'quarter', quarter: 4, year: p.year - 1 } : { kind: 'quarter', quarter: p.quarter - 1, year: p.year };
}

export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'quarter':
      return `Q${p.quarter} ${p.year}`;
    case 'fiscal_quarter':
      return `Q${p.quarter}`;
    case 'year':
      return `fiscal ${p.year}`;
    case 'latest':
      return 'the latest call';
    case 'year_ago':
      return 'the call a year before the latest';
    case 'several':
      return listed(p.periods.map(periodLabel));
  }
}

/** "A", "A and B", "A, B and C". */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
