import { lexicalTokens } from '../../index/lexical-tokens.js';
import { otherForms } from './finance-terms.js';

/**
 * What a factual question ("what was operating income", "capex guidance for 2026", "how much did
 * revenue grow") asks for: which metric, as what kind of quantity, for the whole company or one
 * part of it, for which period, and whether it asks about the past or the outlook. Answer
 * selection uses it to prefer the sentence that states that fact (sentences/sentence-facts.ts
 * reads the same things off a sentence). All vocabulary here is generic earnings-call language.
 */

/** The kind of number that answers: an amount of money, a percentage, a count, or a multiple ("2.5x", "three times"). */
export type Quantity = 'money' | 'percent' | 'count' | 'multiple';

export interface FactQuestion {
  /** The metric's possible wordings, each a sequence of lexical stems ("operating income" → [oper, incom]); empty when none was recognised. */
  metric: string[][];
  quantity: Quantity | null;
  /**
   * Words narrowing the metric to a part of the business (a segment, product, region): "AWS",
   * "North America", "advertising". Each is a list of alternative stems (advertising ↔ ads).
   */
  qualifiers: string[][];
  /** Asks for the company-wide figure: says total/worldwide/overall, or names no part. */
  wantsTotal: boolean;
  /** Says so in words ("total", "worldwide"). */
  saysTotal: boolean;
  /** Asked period, when named: quarter 1–4 and/or year. */
  period: { quarter: number | null; year: number | null } | null;
  /** Asks about the outlook (guidance, expect, forecast) rather than reported results. */
  forward: boolean;
  /** A qualifier was typed as a name (a segment or product: "Solar revenue", "AWS"), not a common word. */
  namesPart: boolean;
  /** Asks what was reported ("what was", "how much did… grow"), not the outlook. */
  past: boolean;
  /** The comparison asked for: over the previous quarter ("sequentially") or over a year before ("year over year"). */
  basis: ComparisonBasis | null;
  /** Asks how the metric moved ("by how much did the margin fall"), not what it was: a change in points answers. */
  change: boolean;
}

export type ComparisonBasis = 'sequential' | 'annual';

/**
 * Comparison wording, in questions and in sentences alike (sentence-facts.ts reads a sentence with
 * these): growth over the previous quarter, or over the same period a year before. Generic
 * earnings-call language; each company says one or the other.
 */
export const SEQUENTIAL_WORDS =
  /\b(?:sequential(?:ly)?|quarter[-\s]over[-\s]quarter|q\/?o\/?q|(?:from|versus|vs\.?|over|compared\s+(?:to|with))\s+(?:the\s+)?(?:prior|previous|last|preceding)\s+quarter)\b/i;
export const ANNUAL_WORDS =
  /\b(?:year[-\s]over[-\s]year|y\/?o\/?y|(?:from|versus|vs\.?|over|compared\s+(?:to|with))\s+(?:the\s+)?(?:prior|previous|last)[-\s]year|prior[-\s]year\s+(?:quarter|period)|same\s+(?:quarter|period)\s+(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier))\b/i;

/** The comparison a text speaks of, if exactly one. */
export function comparisonBasis(text: string): ComparisonBasis | null {
  const sequential = SEQUENTIAL_WORDS.test(text);
  const annual = ANNUAL_WORDS.test(text);
  return sequential === annual ? null : sequential ? 'sequential' : 'annual';
}

/**
 * Metrics, with the kind of number that states them. Generic finance vocabulary: each entry is a
 * metric companies report under that name. Longer wordings are listed before the words they
 * contain, so "operating margin" wins over "margin".
 */
const METRICS: ReadonlyArray<readonly [readonly string[], Quantity]> = [
  [['free cash flow', 'fcf'], 'money'],
  [['operating cash flow', 'cash from operations'], 'money'],
  [['cash flow'], 'money'],
  [['capital expenditures', 'capital expenditure', 'capex', 'capital spending'], 'money'],
  [['operating expenses', 'opex'], 'money'],
  [['annual recurring revenue', 'arr'], 'money'],
  [['deferred revenue'], 'money'],
  [['net sales', 'net revenue', 'net revenues'], 'money'],
  [['operating income', 'operating profit'], 'money'],
  [['pre-tax income', 'pretax income', 'income before taxes'], 'money'],
  [['net income', 'net earnings'], 'money'],
  [['gross profit'], 'money'],
  [['earnings per share', 'eps'], 'money'],
  [['ebitda margin'], 'percent'],
  [['ebit margin'], 'percent'],
  [['ebitda'], 'money'],
  // EBIT is its own line (EBITDA adds depreciation and amortisation back): asked for EBIT, an EBITDA figure does not answer.
  [['ebit'], 'money'],
  [['operating margin', 'operating margins'], 'percent'],
  [['gross margin', 'gross margins'], 'percent'],
  [['net margin'], 'percent'],
  [['combined ratio'], 'percent'],
  [['tax rate'], 'percent'],
  [['market share'], 'percent'],
  [['comparable store sales', 'comparable-store sales', 'comp store sales', 'comparable sales', 'comp sales', 'same-store sales', 'same store sales', 'like-for-like sales', 'comps'], 'percent'],
  [['growth rate', 'growth'], 'percent'],
  [['margin', 'margins'], 'percent'],
  [['return on invested capital', 'roic', 'return on equity', 'roe'], 'percent'],
  [['revenue', 'revenues', 'sales', 'top line'], 'money'],
  [['income', 'profit', 'earnings'], 'money'],
  [['backlog', 'bookings', 'orders'], 'money'],
  [['dividend', 'dividends', 'buyback', 'buybacks', 'repurchases', 'share repurchases'], 'money'],
  // Leverage is a multiple of earnings ("net debt to EBITDA of 2.5 times"); debt itself is money.
  [['net debt to ebitda', 'debt to ebitda', 'leverage ratio', 'net leverage', 'leverage'], 'multiple'],
  [['debt'], 'money'],
  [['cash', 'liquidity'], 'money'],
  [['charge', 'charges', 'impairment', 'write-down'], 'money'],
  [['cost', 'costs', 'expense', 'expenses', 'spend', 'spending', 'investment', 'investments'], 'money'],
];

const STEMMED_METRICS = METRICS.map(([forms, quantity]) => ({ forms: forms.map((f) => lexicalTokens(f)).filter((f) => f.length > 0), quantity }));

/** Words asking for the whole company rather than a part. */
const TOTAL_WORDS = /\b(total|worldwide|overall|consolidated|company[-\s]?wide|group[-\s]?wide|in\s+total|all\s+in)\b/i;
/** "not just X", "excluding X", "other than X": X is not what is asked for. */
const EXCLUSION = /\b(?:not(?:\s+just|\s+only)?|excluding|except|other\s+than|besides|rather\s+than|apart\s+from)\s+[^,.;?!]*/gi;
/** Questions about the outlook. */
const FORWARD_WORDS = /\b(guidance|guide|guiding|outlook|forecast|expect|expects|expected|expecting|anticipate|anticipates|project|projected|plan|plans|will|going\s+to|next\s+(?:quarter|year))\b/i;
/** A question about a reported result. */
const PAST_WORDS = /\b(was|were|did|grew|rose|fell|had|last\s+(?:quarter|year))\b/i;
/** Growth questions want a percentage whatever the metric ("how much did revenue grow"). */
const GROWTH_WORDS = /\b(grow|grew|growth|how\s+fast)\b/i;
/** Verbs and nouns of how a figure moved: they ask how it moved, and never name a part of the business ("how much did outfitters sales drop"). */
const MOVEMENT_WORDS = [
  'grow', 'grew', 'growth', 'change', 'changed', 'expand', 'expanded', 'expansion', 'contract', 'contracted', 'contraction',
  'improve', 'improved', 'improvement', 'decline', 'declined', 'drop', 'dropped', 'fall', 'fell', 'rise', 'rose', 'jump', 'jumped',
  'increase', 'increased', 'decrease', 'decreased', 'shrink', 'shrank', 'climb', 'climbed',
];
/** Words asking how a figure moved rather than what it was. */
const CHANGE_WORDS = new RegExp(String.raw`\b(?:${MOVEMENT_WORDS.join('|')}|up|down|by\s+how\s+much|how\s+fast)\b`, 'i');
/** A question asking for a number, not an opinion. */
const FACT_FRAME = /^\s*(what|what'?s|which|how\s+(?:much|many|big|large|fast|high|low))\b|\b(guidance|outlook|forecast)\b/i;
/** Longer than this, a query without a question's opening word is a sentence, not keywords. */
const KEYWORD_QUERY_MAX_WORDS = 8;
/** A question's opening word: what makes a query a question rather than keywords. */
const QUESTION_OPENING = /^\s*(?:who|whom|whose|what|what's|why|how|when|where|which|did|does|do|is|are|was|were|can|could|will|would|should|has|have|had|tell|give|show|explain|describe|list)\b/i;

/** Opinion frames: "what did X say about", "how does X think about" are summaries, not facts. */
const OPINION_FRAME = /\b(say|said|says|think|thinks|thought|feel|view|views|comment|commented|talk|talked|discuss|discussed|mention|mentioned|explain|explained|describe|described)\b/i;

const ORDINAL_QUARTER: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
const QUARTER_RE = /\b(?:q([1-4])|([1-4])q|(first|second|third|fourth)\s+quarter)\b/i;
const YEAR_RE = /\b(?:fy\s?|fiscal\s+(?:year\s+)?)?((?:19|20)\d{2})\b/i;

/** Stems that frame a factual question without narrowing it (never qualifiers). */
const FRAME_STEMS = new Set(
  lexicalTokens(
    'what which how big large fast high low total worldwide overall consolidated quarter year fiscal full guidance guide outlook forecast expect ' +
      'anticipate project plan report reported generate generated deliver delivered company segment business period ' +
      'number amount level figure come came help hurt impact first second third fourth half annual annually ' +
      'sequential sequentially add added adding prior previous preceding ago versus compared ' +
      // When, not what: "next quarter" is read as the outlook, "last quarter" as a result.
      'next last current coming upcoming ' +
      // How it moved, not which part.
      MOVEMENT_WORDS.join(' '),
  ),
);

function periodOf(text: string): FactQuestion['period'] {
  const q = QUARTER_RE.exec(text);
  const y = YEAR_RE.exec(text);
  const quarter = q ? Number(q[1] ?? q[2] ?? ORDINAL_QUARTER[(q[3] ?? '').toLowerCase()]) : null;
  const year = y ? Number(y[1]) : null;
  return quarter || year ? { quarter: quarter || null, year } : null;
}

/**
 * Words before a metric that make it another figure than the plain one: the underlying combined
 * ratio (catastrophes excluded) is not the combined ratio, adjusted EBITDA not EBITDA, organic
 * growth not growth. Asked with one, the metric is asked with it.
 */
const METRIC_MODIFIERS = new Set(lexicalTokens('adjusted underlying organic core recurring normalized normalised'));

/** Finds the first metric wording in the question's stems (with a modifier just before it); returns its forms and where it sits. */
function findMetric(stems: readonly string[]): { forms: string[][]; quantity: Quantity; at: number; length: number } | null {
  for (const m of STEMMED_METRICS) {
    for (const form of m.forms) {
      for (let i = 0; i + form.length <= stems.length; i++) {
        if (!form.every((s, j) => stems[i + j] === s)) continue;
        const modifier = i > 0 && METRIC_MODIFIERS.has(stems[i - 1]!) ? stems[i - 1]! : null;
        if (modifier) return { forms: m.forms.map((f) => [modifier, ...f]), quantity: m.quantity, at: i - 1, length: form.length + 1 };
        return { forms: m.forms, quantity: m.quantity, at: i, length: form.length };
      }
    }
  }
  return null;
}

/**
 * The fact a question asks for, or null when it asks for an opinion or a summary.
 * `nameWords`: lowercase words naming the company or people in the question — never qualifiers.
 */
export function factQuestionOf(question: string, nameWords: Pick<ReadonlySet<string>, 'has'> = new Set(), counted: readonly string[] | null = null): FactQuestion | null {
  // Keywords that name a metric and a period ("adtran gross margin q3 2020") ask for its figure as a question would;
  // sentences (a pasted analyst question: "Three quick ones. On provisions in Q3…") are not keywords.
  const keywords = !QUESTION_OPENING.test(question) && !/[.?!]/.test(question.replace(/\d\.\d/g, '')) && question.trim().split(/\s+/).length <= KEYWORD_QUERY_MAX_WORDS && periodOf(question) !== null;
  if (!(FACT_FRAME.test(question) || keywords) || OPINION_FRAME.test(question)) return null;
  // "worldwide revenue, not just North America": what is excluded does not narrow the question.
  const asked = question.replace(EXCLUSION, ' ');
  const stems = lexicalTokens(asked);
  const howMany = /\bhow\s+many\b/i.test(question);
  // "How many Trainium chips…": the counted noun is the metric (with its head noun alone as another wording).
  const countedForms = howMany && counted && counted.length > 0 ? [[...counted], counted.slice(-1)] : null;
  const metric = countedForms ? { forms: countedForms, quantity: 'count' as Quantity, at: -1, length: 0 } : findMetric(stems);
  if (!metric && !howMany && !/\bhow\s+much\b/i.test(question)) return null;
  // Only the question's own words are looked up, so the cost follows the question, not the library's names.
  const nameStems = new Set(lexicalTokens(asked.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter((w) => {
          // "Pilgrim's" names "Pilgrims Pride Corp" (the dataset dropped the apostrophe), "Macy's" names "Macy's".
          const bare = w.replace(/['’]s?$/, '');
          return nameWords.has(w) || nameWords.has(bare) || nameWords.has(`${bare}s`);
        }).join(' ')));
  const period = periodOf(question);
  // The counted head noun is the metric; the words before it narrow it ("new Whole Foods stores"): qualifiers.
  const countedStems = new Set(countedForms?.[0]?.slice(-1) ?? []);
  const qualifiers = stems.filter(
    (s, i) =>
      !(metric && i >= metric.at && i < metric.at + metric.length) &&
      !countedStems.has(s) &&
      !FRAME_STEMS.has(s) &&
      !nameStems.has(s) &&
      !/^\d/.test(s) &&
      !/^(q[1-4]|[1-4]q|fy\d*)$/.test(s),
  );
  // A qualifier typed as a name ("Solar revenue", "AWS") names a segment or product; a lowercase one may be any word ("spend").
  const capitalised = new Set(lexicalTokens(asked.split(/\s+/).slice(1).filter((w) => /^\p{Lu}/u.test(w)).join(' ')));
  const quantity: Quantity | null = howMany ? 'count' : GROWTH_WORDS.test(question) ? 'percent' : (metric?.quantity ?? null);
  return {
    metric: metric?.forms ?? [],
    quantity,
    qualifiers: [...new Set(qualifiers)].map((q) => [q, ...otherForms(q)]),
    namesPart: qualifiers.some((q) => capitalised.has(q)),
    wantsTotal: TOTAL_WORDS.test(question) || (!howMany && qualifiers.length === 0),
    saysTotal: TOTAL_WORDS.test(question),
    period,
    forward: FORWARD_WORDS.test(question),
    past: PAST_WORDS.test(question) && !FORWARD_WORDS.test(question),
    basis: comparisonBasis(question),
    change: CHANGE_WORDS.test(question),
  };
}
