import { lexicalTokens } from '../../index/lexical-tokens.js';

/**
 * Abbreviations analysts type and the long forms executives say (and back).
 * Generic earnings-call vocabulary, not tied to any one call: "capex" must find
 * "capital expenditures" and "free cash flow" must find "FCF".
 */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  // Spending and cash lines every company reports; analysts type the short form, CFOs say the long one.
  ['capex', 'capital expenditures'],
  ['opex', 'operating expenses'],
  ['fcf', 'free cash flow'],
  ['roic', 'return on invested capital'],
  ['eps', 'earnings per share'],
  ['r&d', 'research and development'],
  ['sg&a', 'general and administrative'],
  ['g&a', 'general and administrative'],
  // Comparison periods and currency: "yoy" must meet "year-over-year" in any call.
  ['yoy', 'year-over-year'],
  ['qoq', 'quarter-over-quarter'],
  // Growth "sequentially" is growth over the previous quarter, whichever way the call says it.
  ['sequentially', 'quarter-over-quarter'],
  ['sequential', 'quarter-over-quarter'],
  ['fx', 'foreign exchange'],
  // Marketplace retailers report gross merchandise value and split first- from third-party sales.
  ['gmv', 'gross merchandise'],
  ['3p', 'third-party sellers'],
  ['1p', 'first-party'],
  // ARR is annual recurring revenue across software and subscription companies.
  ['arr', 'annual recurring revenue'],
  // AI vocabulary that every technology call now uses in both forms.
  ['genai', 'generative AI'],
  ['llm', 'large language model'],
  ['llms', 'large language models'],
  // "Guide" is analyst shorthand for the company's guidance.
  ['guide', 'guidance'],
  // Companies give an "outlook" or "guidance" for the same forecast; analysts ask in either word.
  ['outlook', 'guidance'],
  // Power capacity (data centres, utilities, energy) is quoted in gigawatts and typed as GW.
  ['gw', 'gigawatts'],
  // "Ads" is how companies name their advertising business.
  ['ads', 'advertising'],
  // Deals: an analyst asks about "acquisitions", the CEO answers about "M&A" (and back).
  ['m&a', 'acquisitions'],
];

/**
 * Line items written as initials joined by "&" ("G&A", "R&D", "M&A"): words of the question's topic,
 * never a company's initials ("G&A" is not Gol Airlines or Grupo Aval).
 */
export const JOINED_LINE_ITEMS: ReadonlySet<string> = new Set(['g&a', 'sg&a', 'r&d', 'm&a', 'p&l', 'd&a', 'e&p', 'o&g', 't&e', 'a&p', 'p&c', 'a&d']);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, (c) => (c === '-' ? '[-\\s]' : `\\${c}`));
const SHORT_RULES = PAIRS.map(([short, long]) => ({ re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(short)}(?![\\p{L}\\p{N}])`, 'iu'), add: long }));
const LONG_RULES = PAIRS.map(([short, long]) => ({ re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(long)}(?![\\p{L}\\p{N}])`, 'iu'), add: short }));
const RULES = [...SHORT_RULES, ...LONG_RULES];

/** The query plus the long form of every abbreviation it uses (for the embedding model). */
export function expandAbbreviations(text: string): string {
  const extra = SHORT_RULES.filter((r) => r.re.test(text)).map((r) => r.add);
  return extra.length > 0 ? `${text} ${extra.join(' ')}` : text;
}

/** The query plus the other form of every abbreviation it uses, for lexical matching. */
export function expandFinanceTerms(text: string): string {
  const extra = RULES.filter((r) => r.re.test(text)).map((r) => r.add);
  return extra.length > 0 ? `${text} ${extra.join(' ')}` : text;
}

/** Single-word stems standing for the same thing as `stem` (the other form of a one-word pair: "advertis" → "ad"). */
export function otherForms(stem: string): string[] {
  return STEM_PAIRS.get(stem) ?? [];
}
const STEM_PAIRS = new Map<string, string[]>();
for (const [short, long] of PAIRS) {
  const a = lexicalTokens(short);
  const b = lexicalTokens(long);
  if (a.length !== 1 || b.length !== 1) continue;
  STEM_PAIRS.set(a[0]!, [...(STEM_PAIRS.get(a[0]!) ?? []), b[0]!]);
  STEM_PAIRS.set(b[0]!, [...(STEM_PAIRS.get(b[0]!) ?? []), a[0]!]);
}

/**
 * For each stem of `text`, the stems of the other forms of the abbreviations it belongs to
 * ("capex" → [["capit", "expenditur"]]): a passage saying the long form matched the word typed.
 */
export function termAlternatives(text: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  const stems = new Set(lexicalTokens(text));
  for (const { typed, other } of STEMMED_PAIRS) {
    if (stems.has(typed)) out.set(typed, [...(out.get(typed) ?? []), other]);
  }
  return out;
}
/** Each pair both ways, as stems, for the single-word side: computed once. */
const STEMMED_PAIRS = PAIRS.flatMap(([short, long]) =>
  [
    [short, long],
    [long, short],
  ].flatMap(([typed, other]) => {
    const t = lexicalTokens(typed!);
    return t.length === 1 ? [{ typed: t[0]!, other: lexicalTokens(other!) }] : [];
  }),
);
