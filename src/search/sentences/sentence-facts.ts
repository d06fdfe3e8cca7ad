import { BoundedCache } from '../../index/bounded-cache.js';
import { normalizeToken } from '../../index/lexical-tokens.js';
import { ANNUAL_WORDS, SEQUENTIAL_WORDS, type Quantity } from '../interpret/fact-question.js';
import { QUARTER_ORDINALS } from '../../transcript/quarter-ordinals.js';

/**
 * What a sentence states, read the way interpret/fact-question.ts reads a question: its figures
 * and their kind (money, percentage, count), the periods it names, whether it speaks of the
 * outlook, of the whole company or of one segment, and whether it is itself a question. Computed
 * per query for the few sentences of the top results only, so nothing here grows with the corpus.
 */

export interface FactToken {
  /** Lexical stem (lexical-tokens.ts), or null for a stopword. */
  stem: string | null;
  lower: string;
  /** Set on numbers: what kind of figure it is. */
  figure: Quantity | null;
  /** Looks like a name: capitalised after the first word, or a word carrying digits ("Trainium4"). */
  name: boolean;
}

export interface SentenceFacts {
  tokens: FactToken[];
  /** The content words (stopwords have no stem) with their positions in `tokens`: what metrics are matched against. */
  content: readonly { s: string; i: number }[];
  figures: Quantity[];
  quarters: Set<number>;
  years: Set<number>;
  /** Speaks of the outlook: "we expect", "guidance", "will be". */
  forward: boolean;
  /** Speaks only of the outlook, reporting nothing done ("at the midpoint, this would put sales at about $61 million"). */
  outlookOnly: boolean;
  /** Names the whole company's figure: "worldwide", "total", "overall", "consolidated". */
  total: boolean;
  /** Names a segment or division: the figure is for a part of the company. */
  segment: boolean;
  /** Asks rather than states ("…?", "could you…"). */
  question: boolean;
  /** Compares with the previous quarter ("quarter-over-quarter", "sequentially"). */
  sequential: boolean;
  /** Compares with a year before ("year-over-year", "versus the prior year"). */
  annual: boolean;
  /** Only announces what comes next ("Please let me start with Marine Lighting first.", "Turning now to AWS."): names a topic, says nothing of it. */
  signpost: boolean;
  /** Breaks off unfinished ("…we keep a close eye on the order book and.", "it mostly comes down to-"): speech cut off or mis-punctuated by speech recognition. */
  unfinished: boolean;
  /** Hands the floor to someone ("I'd like to invite our head of research to say a few words", "I'll turn it over to Sam"). */
  handover: boolean;
  /** The outlook it states is someone else's ("the USDA expects production to grow 0.9%", "consensus forecasts"), not the company's own. */
  othersOutlook: boolean;
  /** Reports something done ("revenue was", "we opened it in March"). */
  past: boolean;
  /** Speaks of what is to come in any words ("will fund", "going to", "on track to"): wider than `forward`, which marks an outlook for figures. */
  future: boolean;
  /** Names a point or span of time ("into the first half of 2022", "by year-end", "within 18 months", "next spring"). */
  time: boolean;
  /** Names how long something takes or lasts: a duration ("a one week delay", "for 18 months") or how far it runs ("into the first half of 2022"). */
  span: boolean;
}

const WORD = /\$?\d[\d,]*(?:\.\d+)?%?|[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*|%/gu;
const MONEY_AFTER = new Set(['dollars', 'dollar', 'cents', 'cent', 'euros', 'pounds', 'yen']);
const PERCENT_AFTER = new Set(['%', 'percent', 'percentage', 'bps', 'basis', 'points', 'pts']);
/** A multiple: "2.5x", "2.5 times", "three turns" (of leverage). */
const MULTIPLE_AFTER = new Set(['x', 'times', 'turns']);
/** A percentage said in words, as calls give growth and margins: "mid-single-digit", "double-digit", "high-teens". */
const WORDED_PERCENT = /^(?:(?:low|mid|high)-)?(?:single|double)-digits?$|^(?:low|mid|high)-teens$/;
/** Numbers said in words, up to a hundred, as speech-recognition transcripts write them: one list for the figures and the durations read here. */
const UNIT_NAMES = 'one|two|three|four|five|six|seven|eight|nine';
const NUMBER_NAMES = `${UNIT_NAMES}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred`;
/** One token that is a number in words ("seven", "twenty-four"). */
const NUMBER_WORD = new RegExp(`^(?:${NUMBER_NAMES})(?:-(?:${UNIT_NAMES}))?$`);
const SCALE_WORDS = new Set(['thousand', 'million', 'billion', 'trillion']);
const RANGE_LINK = new Set(['and', 'to', 'or']);
/** A share said as a fraction ("two thirds of our customers", "one fifth"). */
const FRACTION_AFTER = /^(?:thirds?|fifths?|tenths?)$/;
/**
 * The kind of figure a number said in words states, from the words after it: "eight million dollars"
 * is money, "twelve percent" and "two thirds" a percentage, "two million customers" a count. A number
 * word alone ("one of our", "two reasons") is no figure.
 */
function wordedFigure(lower: string, next: string, after: string, then: string): Quantity | null {
  // "half a million customers": the scale two words on.
  if (lower === 'half' && next === 'a' && SCALE_WORDS.has(after)) return MONEY_AFTER.has(then) ? 'money' : 'count';
  if (!NUMBER_WORD.test(lower) && !(lower === 'a' && FRACTION_AFTER.test(next))) return null;
  if (PERCENT_AFTER.has(next) || FRACTION_AFTER.test(next)) return 'percent';
  if (MULTIPLE_AFTER.has(next) && next !== 'x') return 'multiple';
  if (MONEY_AFTER.has(next)) return 'money';
  if (SCALE_WORDS.has(next)) return MONEY_AFTER.has(after) ? 'money' : PERCENT_AFTER.has(after) ? null : 'count';
  return null;
}

const FORWARD = /\b(expect|expects|expected|expecting|anticipate|anticipates|anticipated|guidance|outlook|forecast|we'll|will\s+be|plan\s+to|intend\s+to|going\s+to\s+be|should\s+be)\b/i;
/** An outside party's expectation: an agency's initials, the consensus, analysts, the industry or market. */
const OTHERS_OUTLOOK =
  /(?:\b[A-Z]{2,6}|\b(?:[Cc]onsensus|[Aa]nalysts?|[Ee]conomists?|[Tt]he\s+[Ii]ndustry|[Tt]he\s+[Mm]arket|[Tt]he\s+[Gg]overnment|[Tt]he\s+[Ss]treet))\s+(?:\w+\s+)?(?:expects?|forecasts?|projects?|estimates?|predicts?|anticipates?)\b/;
/** The company's own expectation: "we expect", "our guidance", "I anticipate". */
const OWN_OUTLOOK = /\b(?:we|we're|we've|we'll|i|i'm|our)\b(?:\s+\S+){0,3}?\s+(?:expect|expecting|anticipate|anticipating|forecast|guid\w*|project|plan|target|see)\b|\bour\s+(?:guidance|outlook|forecast)\b/i;
/** Something done, beyond the reporting verbs: a subject and a past-tense verb ("we opened", "it launched"). */
const PAST_EVENT = /\b(?:we|they|it|he|she|which)\s+(?:\w+ly\s+)?\w+ed\b/i;
/** Any future tense or intention, for timing questions ("this cash will fund operations into 2026"). */
const FUTURE = /\b(?:will|won't|shall|going\s+to|gonna|on\s+track\s+to|aim\s+to|target(?:ing)?)\b/i;
/** Guidance wording FORWARD misses: "at the midpoint", "would put revenue at". */
const PROJECTION = /\b(midpoint|would\s+put|would\s+imply|implies)\b/i;
/** A result reported: past-tense verbs of reporting ("revenue was", "grew", "came in at"). */
const REPORTED = /\b(was|were|grew|rose|increased|decreased|declined|fell|reported|delivered|generated|came\s+in|ended|totaled|totalled|reached|posted|achieved)\b/i;
const HANDOVER = /\b(?:turn(?:ing)? (?:it|the call|things)(?: back)? over to|hand(?:ing)? (?:it |the call )?over to|pass (?:it )?(?:over |back )?to|invite \S+(?: \S+){0,4} to (?:say|share|speak|talk|give)|(?:over|back) to you,? \p{Lu})/u;
/** "of total revenues" is a share's denominator ("87% of total revenues"), not the total's figure. */
const TOTAL = /(?<!\bof\s+)\b(worldwide|total|overall|consolidated|company[-\s]?wide|in\s+aggregate)\b/i;
const SEGMENT = /\b(segment|segments|division|divisional)\b/i;
/** A sentence that opens on a part of the business speaks for that part ("Moving to our retail business, sales decreased 44%"). */
const PART_OPENING =
  /^\s*(?:(?:and|so|now|next|finally),?\s+)?(?:(?:moving|turning|shifting|switching|coming|going)\s+(?:now\s+|next\s+|over\s+|on\s+)?to|in|for|within|across)\s+(?:our|the)\s+(?:[\p{L}&'’-]+\s+){1,3}(?:business|businesses|segment|segments|division|divisions|unit|units|channel|channels)\s*,/iu;
/** Openings that announce the next topic rather than say anything about it. */
const SIGNPOST =
  /^\s*(?:(?:and|so|ok(?:ay)?|now|next|finally|lastly|first(?:ly)?),?\s+)*(?:(?:please\s+)?let\s+me\s+(?:(?:now|just|quickly|briefly|first|also)\s+)*(?:start|begin|turn|move|talk|go|spend|touch|switch|shift|come|address|cover|discuss|review|comment)\b|(?:here\s+)?(?:on|in)\s+(?:slide|page)\s+\w+,?\s+(?:we|you)\s+(?:can\s+)?(?:see|show|present|have)\b|let's\s+(?:now\s+)?(?:start|begin|turn|move|talk|go)\b|(?:turning|moving|switching|shifting|coming)\s+(?:now\s+|next\s+)?(?:on\s+|over\s+|back\s+)?to\b|i(?:'ll|\s+will|\s+would\s+like\s+to|\s+want\s+to|'d\s+like\s+to)\s+(?:now\s+|first\s+|quickly\s+)?(?:start|begin|turn|move|talk|touch|switch)\b)/i;
/** Nouns whose number points into the deck or the filing ("slide 9"), not a figure. */
const REFERENCE_NOUNS = new Set(['slide', 'slides', 'page', 'pages', 'chart', 'exhibit', 'appendix', 'table']);
/** Signposts are short: a longer sentence that opens with one ("Turning to AWS, revenue was $35.6 billion") says something. */
const SIGNPOST_MAX_WORDS = 15;
/** Words no finished sentence ends on, or a break-off dash, before the final punctuation. */
const UNFINISHED = /(?:\b(?:and|or|but|the|a|an|of|our|their|its|my|your|uh|um|because|which|than)|[-\u2013\u2014])\s*[.?!…]*\s*$/i;
/** Words an analyst opens a request with ("So could you…", "And maybe also talk about…"). */
const REQUEST_LEAD = '^\\s*(?:(?:so|and|but|then|ok(?:ay)?|maybe|also|just|great|well|um|uh|now|lastly|finally)[,]?\\s+)*';
const QUESTION = new RegExp(
  `\\?\\s*$|${REQUEST_LEAD}(?:could|can|would|will)\\s+you\\b|${REQUEST_LEAD}(?:talk|help|walk|give|tell|update|remind|explain|describe)\\s+(?:us|me|about|through)\\b|\\b(?:i\\s+(?:wanted|want)\\s+to\\s+ask|my\\s+question\\s+is|wondering\\s+(?:if|whether))\\b`,
  'i',
);

/** A duration ("18 months", "a couple of years"); `hyphened` also as a modifier ("a one-week delay", "a 10-year term"), which names no point in time. */
const durationPattern = (hyphened: boolean) =>
  new RegExp(String.raw`\b(?:\d+|(?:${NUMBER_NAMES})(?:[-\s](?:${UNIT_NAMES}))?|several|a\s+few|a\s+couple(?:\s+of)?)${hyphened ? '[-\\s]+' : '\\s+'}(?:more\s+)?(?:years?|months?|quarters?|weeks?|days?)\b`, 'i');
const DURATION = durationPattern(false);
const SPAN_DURATION = durationPattern(true);
/** How long something runs, by where it ends ("into the first half of 2022", "through 2025", "until the end of next year"). */
const RUNS_UNTIL = /\b(?:into|through|until|till|beyond)\s+(?:at\s+least\s+)?(?:the\s+)?(?:(?:first|second|third|fourth|back|front)\s+(?:half|quarter)\s+of\s+|(?:end|middle|start)\s+of\s+)?(?:(?:19|20)\d{2}|next\s+year|(?:the\s+)?(?:next|following)\s+(?:year|decade))\b/i;

/**
 * A point or span of time, as calls state them: a year, a quarter or half, a month, a season or
 * period counted from now ("next year", "the coming months"), an end of period, a duration
 * ("18 months", "a couple of years"). "May" is left out: it is far more often the verb.
 */
const TIME = new RegExp(
  [
    /\b(?:19|20)\d{2}\b/,
    /\b(?:q[1-4]|[1-4]q|h[12]|[12]h|fy\s?'?\d{2,4})\b/,
    /\b(?:first|second|third|fourth|back|front)\s+(?:half|quarter)\b/,
    /\b(?:next|this|coming|following)\s+(?:few\s+|couple\s+(?:of\s+)?|several\s+)?(?:years?|quarters?|months?|weeks?|fall|spring|summer|winter|decade)\b/,
    /\b(?:year|quarter|month)[-\s]end\b|\b(?:end|beginning|start|middle)\s+of\s+(?:the\s+|this\s+|next\s+)?(?:year|quarter|month|decade)\b/,
    DURATION,
    /\b(?:january|february|march|april|june|july|august|september|october|november|december)\b/,
  ]
    .map((r) => r.source)
    .join('|'),
  'i',
);

/** Does the text name a segment or division (cheap: no tokenising)? */
export function namesSegment(text: string): boolean {
  return SEGMENT.test(text);
}

export function sentenceFacts(text: string): SentenceFacts {
  const raw = [...text.matchAll(WORD)].map((m) => m[0]);
  const tokens: FactToken[] = raw.map((r, i) => {
    const lower = r.toLowerCase();
    const next = (raw[i + 1] ?? '').toLowerCase();
    const prev = (raw[i - 1] ?? '').toLowerCase();
    let figure: Quantity | null = null;
    if (/^\$?\d/.test(r)) {
      const year = /^(19|20)\d{2}$/.test(r);
      if (r.endsWith('%') || PERCENT_AFTER.has(next)) figure = 'percent';
      else if (MULTIPLE_AFTER.has(next)) figure = 'multiple';
      else if (r.startsWith('$') || MONEY_AFTER.has(next) || MONEY_AFTER.has((raw[i + 2] ?? '').toLowerCase())) figure = 'money';
      // A bare four-digit year is a period, and "Q4"-style tokens never reach here.
      // "slide 9", "page 4": where to look, not a count.
      else if (!year && prev !== 'q' && prev !== 'fiscal' && !REFERENCE_NOUNS.has(prev)) figure = 'count';
    } else if (WORDED_PERCENT.test(lower) || (/^digits?$/.test(next) && /(?:^|-)(?:single|double)$/.test(lower)) || (next === 'teens' && /^(?:low|mid|high)$/.test(lower))) {
      // Said in two words ("mid-single digit", "high teens"), the first carries it, where a figure would stand.
      figure = 'percent';
    } else {
      figure = wordedFigure(lower, next, (raw[i + 2] ?? '').toLowerCase(), (raw[i + 3] ?? '').toLowerCase());
    }
    const number = /^\$?\d/.test(r);
    return { stem: number ? null : normalizeToken(r), lower, figure, name: !number && (/\d/.test(r) || (i > 0 && r !== 'I' && /^\p{Lu}/u.test(r))) };
  });
  // A range said in words shares its scale: "between five and eight million dollars" — five is money too.
  for (let i = tokens.length - 3; i >= 0; i--) {
    const t = tokens[i]!;
    if (!t.figure && NUMBER_WORD.test(t.lower) && RANGE_LINK.has(tokens[i + 1]!.lower) && tokens[i + 2]!.figure && NUMBER_WORD.test(tokens[i + 2]!.lower)) t.figure = tokens[i + 2]!.figure;
  }
  const quarters = new Set<number>();
  const years = new Set<number>();
  raw.forEach((r, i) => {
    const lower = r.toLowerCase();
    const q = /^q([1-4])$/.exec(lower) ?? /^([1-4])q$/.exec(lower);
    if (q) quarters.add(Number(q[1]));
    if (QUARTER_ORDINALS[lower] && (raw[i + 1] ?? '').toLowerCase() === 'quarter') quarters.add(QUARTER_ORDINALS[lower]!);
    if (/^(19|20)\d{2}$/.test(r)) years.add(Number(r));
  });
  const words = text.split(/\s+/).filter(Boolean);
  // Each tense test once: the outlook, a report, and the wider future and past built on them.
  const forward = FORWARD.test(text) || PROJECTION.test(text);
  const reported = REPORTED.test(text);
  const figures = tokens.flatMap((t) => (t.figure ? [t.figure] : []));
  return {
    tokens,
    content: tokens.flatMap((t, i) => (t.stem ? [{ s: t.stem, i }] : [])),
    figures,
    quarters,
    years,
    forward,
    outlookOnly: forward && !reported,
    total: TOTAL.test(text),
    segment: SEGMENT.test(text) || PART_OPENING.test(text),
    question: QUESTION.test(text),
    unfinished: UNFINISHED.test(text),
    signpost: figures.length === 0 && words.length <= SIGNPOST_MAX_WORDS && SIGNPOST.test(text),
    sequential: SEQUENTIAL_WORDS.test(text),
    annual: ANNUAL_WORDS.test(text),
    handover: HANDOVER.test(text),
    othersOutlook: OTHERS_OUTLOOK.test(text) && !OWN_OUTLOOK.test(text),
    past: reported || PAST_EVENT.test(text),
    future: forward || FUTURE.test(text),
    time: TIME.test(text),
    span: SPAN_DURATION.test(text) || RUNS_UNTIL.test(text),
  };
}

/**
 * Words that may stand between a metric and its figure in a plain statement of it ("revenue was
 * $35.6 billion", "$21.3 billion of revenue", "operating income is expected to be between…").
 * Anything else in between ("revenue run rate of $142 billion", "$12 billion of incremental
 * revenue") means the figure measures something narrower or different.
 */
const LINK_WORDS = new Set(
  (
    'was were is are be been being of at to in reached totaled totalled totaling came come approximately about roughly nearly almost ' +
    'around over more than expected expect between grew increased rose up down declined decreased fell by a an the we our reported ' +
    'generated generating delivered ended finished billion million thousand trillion and an increase decrease of year-over-year'
  ).split(' '),
);
/** A period between the metric and its figure is still a plain statement ("revenue for the third quarter was $48.2 million"). */
const PERIOD_LINK = /^(?:for|this|quarter|quarters|year|half|full|fiscal|first|second|third|fourth|q[1-4]|[1-4]q|fy\d*|(?:19|20)\d{2})$/;
/** The end of a period spelt out between a metric and its figure ("sales for the second quarter ended March 28th were…"): not counted in the gap. */
const PERIOD_END_WORD = /^(?:ended|ending|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d{1,2}(?:st|nd|rd|th)?|st|nd|rd|th)$/;
const linkWord = (lower: string) => LINK_WORDS.has(lower) || PERIOD_LINK.test(lower);
/** Largest gap, in words, between a metric and the figure that states it. */
const MAX_STATEMENT_GAP = 7;
/** After a percent figure: a change in points ("140 basis points", "2 percentage points", "50 bps"). */
const POINTS_AFTER = /^(?:basis|bps|pts|percentage|points?)$/;
/** Words that may stand between a figure and the metric it modifies ("7% organic sales growth"). */
const MAX_MODIFIERS = 2;
/** …but never these, which end one phrase and begin another ("7% while growth…"). */
const NOT_MODIFIERS = new Set(['and', 'or', 'but', 'while', 'with', 'despite', 'as', 'for', 'from', 'so', 'because', 'than', 'that', 'which', 'in', 'on', 'of', 'to', 'by', 'at', 'the', 'a', 'an', 'our', 'its', 'their', 'we', 'it']);

/** Positions where one of `forms` (stem sequences) occurs, matched against the content words only (computed once per sentence, with its facts). */
function occurrences(facts: SentenceFacts, forms: readonly string[][]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  const { content } = facts;
  for (const form of forms) {
    for (let c = 0; c + form.length <= content.length; c++) {
      if (form.every((f, j) => content[c + j]!.s === f || (f.length >= 4 && content[c + j]!.s.startsWith(f)))) {
        out.push({ from: content[c]!.i, to: content[c + form.length - 1]!.i });
      }
    }
  }
  return out;
}

/**
 * Does the sentence plainly state the metric's value, as the kind of number asked for? A figure of
 * that kind with only link words between it and the metric, on either side.
 */
export function statesMetric(facts: SentenceFacts, forms: readonly string[][], quantity: Quantity | null, level = false): boolean {
  const { tokens } = facts;
  // Asked what a rate was, "140 basis points" or "2 percentage points" is by how much it moved.
  const wanted = (i: number): boolean => {
    const t = tokens[i]!;
    if (quantity && t.figure !== quantity) return false;
    return !(level && t.figure === 'percent' && POINTS_AFTER.test(tokens[i + 1]?.lower ?? '') && !/%$/.test(t.lower));
  };
  for (const m of occurrences(facts, forms)) {
    // Metric, then the figure: "operating income was $25 billion".
    // The period between them is not counted ("revenues for the third quarter of 2019 were…").
    let gap = 0;
    for (let i = m.to + 1; i < tokens.length && gap < MAX_STATEMENT_GAP; i++) {
      const t = tokens[i]!;
      const word = t.lower.replace(/[,.]$/, '');
      if (PERIOD_END_WORD.test(word) || (!t.figure && PERIOD_LINK.test(word))) continue;
      gap++;
      if (t.figure) {
        // "reduced sales by $3.5 million": by how much it changed, not what it was (unless a change is asked).
        const change = quantity !== 'percent' && tokens[i - 1]?.lower === 'by';
        if (wanted(i) && !change) return true;
        continue;
      }
      if (!linkWord(t.lower)) break;
    }
    // Figure, then the metric it modifies with a word or two between: "a 3% to 7% organic sales growth".
    for (let i = m.from - 1; i >= 0 && m.from - i <= 1 + MAX_MODIFIERS; i--) {
      const t = tokens[i]!;
      if (t.figure) {
        if (wanted(i) && i < m.from - 1) return true;
        break;
      }
      if (t.name || !/^\p{Ll}[\p{Ll}-]*$/u.test(t.lower) || NOT_MODIFIERS.has(t.lower)) break;
    }
    // Figure, then the metric: "$21.3 billion of revenue" — but "$3 million of orders that slipped into April"
    // is the part of the metric a clause picks out, not the metric.
    const picked = /^(?:that|which)$/.test(tokens[m.to + 1]?.lower ?? '');
    for (let i = m.from - 1; i >= 0 && m.from - i <= MAX_STATEMENT_GAP; i--) {
      const t = tokens[i]!;
      if (t.figure) {
        // "25% of revenues" is something else's share of the metric ("capex at 25% of revenues"), not the metric's own percentage.
        const share = t.figure === 'percent' && tokens[i + 1]?.lower === 'of';
        if (wanted(i) && !share && !picked) return true;
        break;
      }
      if (!linkWord(t.lower)) break;
    }
  }
  return false;
}

/** What a margin is a share of: "…or 67.1% of revenue", "41% of net sales". */
const SALES_STEMS = new Set(['revenu', 'sale']);
/** The profit lines a margin is made of ("gross margin" → gross profit, gross income). */
const PROFIT_STEMS = new Set(['profit', 'incom']);

/**
 * Does the sentence state a margin as its profit's share of revenue ("Gross profit in the quarter
 * was $3.1 billion or 67.1% of revenue" for the gross margin)? `forms`: the margin's wordings; the
 * words before "margin" name the profit line ("gross", "operating"; none: any profit).
 */
/** "as a percentage of net sales", "as a percent of total revenues": the words after a profit line that make it a margin. */
const AS_SHARE_OF = /^as a (?:percentage|percent) of (?:(?:net|total|our) )?(?:sales|revenue|revenues)\b/;

export function statesMarginAsShare(facts: SentenceFacts, forms: readonly string[][]): boolean {
  const bases = forms.filter((f) => f.at(-1) === 'margin').map((f) => f.slice(0, -1));
  if (bases.length === 0) return false;
  const { tokens } = facts;
  const lines = bases.flatMap((b) => [...PROFIT_STEMS].map((p) => [...b, p]));
  for (const m of occurrences(facts, lines)) {
    // "gross profit as a percentage of revenue fell to 41%": the share named first, then its figure.
    const named = AS_SHARE_OF.exec(tokens.slice(m.to + 1, m.to + 8).map((t) => t.lower).join(' '));
    const namedShare = named !== null && tokens.slice(m.to + 1, m.to + 8).some((t) => t.stem !== null && SALES_STEMS.has(t.stem));
    let gap = 0;
    for (let i = m.to + 1 + (namedShare ? named[0].split(' ').length : 0); i < tokens.length && gap < MAX_STATEMENT_GAP + 4; i++, gap++) {
      const t = tokens[i]!;
      if (t.figure === 'percent') {
        if (namedShare) return true;
        // "…% of [total/net] revenue"
        const after = tokens.slice(i + 1, i + 4).map((x) => x.stem);
        return tokens[i + 1]?.lower === 'of' && after.some((x) => x !== null && SALES_STEMS.has(x));
      }
      if (!t.figure && !linkWord(t.lower) && t.lower !== 'or' && !PERIOD_END_WORD.test(t.lower)) break;
    }
  }
  return false;
}

/**
 * Words before a metric that leave it the whole company's ("third quarter revenue", "total net
 * sales", "record revenue", "ADTRAN's revenue"): periods, totals, measures and changes — not a part.
 */
const WHOLE_MODIFIERS = new Set(
  (
    'total net consolid overal report gross adjust organ worldwid global compani group combin quarter quarterli annual annualiz year full fiscal ' +
    'first second third fourth record strong higher lower increas decreas declin grow growth flat stabl solid recur'
  ).split(' '),
);
const VERBS_BEFORE_METRIC = new Set(['saw', 'see', 'sees', 'had', 'have', 'has', 'grew', 'grow', 'drove', 'drive', 'drives', 'generate', 'generates', 'deliver', 'delivers', 'achieve', 'post', 'book', 'expect', 'expects', 'put', 'puts', 'bring', 'brings', 'take', 'takes']);
const PERIOD_WORD = /^(?:q[1-4]|fy\d{2,4}|h[12]|(?:19|20)\d\d)$/;

/**
 * Does the sentence give a part's figure ("domestic revenue", "access and aggregation revenue",
 * "AWS revenue"), a mention of the metric qualified by a part? The word right before it is a content word naming neither the whole company (its name in
 * the possessive), a period, nor a total or a change (WHOLE_MODIFIERS).
 */
export function partOfMetric(facts: SentenceFacts, forms: readonly string[][]): boolean {
  const { tokens } = facts;
  const found = occurrences(facts, forms);
  if (found.length === 0) return false;
  // "the top line, revenues": a word ending another wording of the metric qualifies nothing.
  const ends = new Set(found.map((m) => m.to));
  return found.some((m) => {
    if (ends.has(m.from - 1)) return false;
    // Only the word right before it modifies it: "invest in capital expenditures" is no part.
    const t = tokens[m.from - 1];
    if (!t || t.figure || t.stem === null) return false;
    if (/['’]s$/.test(t.lower) || PERIOD_WORD.test(t.lower)) return false;
    // A verb ("we achieved revenues of…", "generated", "saw") reports the figure; it does not qualify it.
    if (/ed$/.test(t.lower) || REPORTED.test(t.lower) || VERBS_BEFORE_METRIC.has(t.lower)) return false;
    return !WHOLE_MODIFIERS.has(t.stem!);
  });
}

/**
 * A part's figure for another part than the one asked: the metric qualified by a part, and none of
 * the asked qualifiers in the sentence ("Analog revenue grew 24%" when automotive revenue was asked).
 */
export function qualifiedByAnotherPart(facts: SentenceFacts, forms: readonly string[][], qualifiers: readonly (readonly string[])[]): boolean {
  return qualifiers.length > 0 && forms.length > 0 && shareOfStems(facts, qualifiers) === 0 && partOfMetric(facts, forms);
}

/** Does the sentence mention the metric at all? */
export function mentionsMetric(facts: SentenceFacts, forms: readonly string[][]): boolean {
  return occurrences(facts, forms).length > 0;
}

/** Share of `groups` (each a list of alternative stems) the sentence holds, exactly or as a prefix of 4+ letters as search matches. */
export function shareOfStems(facts: SentenceFacts, groups: readonly (readonly string[])[]): number {
  if (groups.length === 0) return 0;
  const have = facts.tokens.map((t) => t.stem).filter((s): s is string => s !== null);
  const found = groups.filter((alts) => alts.some((s) => have.some((h) => h === s || (s.length >= 4 && h.startsWith(s)))));
  return found.length / groups.length;
}

/** Sentence facts do not depend on the query: one bounded cache per index, shared by every search. */
export class SentenceFactsCache {
  private readonly entries: BoundedCache<number, SentenceFacts>;

  constructor(capacity = 8192) {
    this.entries = new BoundedCache(capacity, true);
  }

  /** Facts of sentence `row` (its text given for the first read). */
  get(row: number, text: string): SentenceFacts {
    return this.entries.get(row, () => sentenceFacts(text));
  }
}
