import { hasTerm } from '../../index/lexical-tokens.js';
import type { Passage } from '../../passages/types.js';
import type { FactQuestion } from '../interpret/fact-question.js';
import type { TimingQuestion } from '../interpret/timing-question.js';
import { mentionsMetric, namesSegment, partOfMetric, qualifiedByAnotherPart, shareOfStems, statesMarginAsShare, statesMetric, type SentenceFacts, type SentenceFactsCache } from '../sentences/sentence-facts.js';
import type { SentenceScorer } from '../sentences/sentence-scores.js';
import { coversTerm, pairsAmong, pairsSaid, type TypedTerms } from './typed-terms.js';

/**
 * How well one sentence answers the question: its cosine with the query, the share of the typed
 * words it holds, and priors that hold across calls — specifics over vague talk, whole sentences
 * over fragments, and for factual questions the sentence that states the asked fact (the metric,
 * as the asked kind of number, for the asked scope and period, said by the company) over one that
 * restates, narrows or asks it. Scores are on the cosine scale (related sentences sit at 0.3–0.7).
 */

/** How much sharing the query's content words adds (all of them: +0.2). */
const TERM_OVERLAP_WEIGHT = 0.2;
/**
 * Saying the words typed next to each other together ("35% by year end" for "by year end", where a
 * neighbour says "by the end of next year"): all pairs +0.2. Measured over dev sets 1–15 (1,650
 * questions, 150 calls): answer@1 303 → 308 of 448, R@1 +1, R@5 ±0, the bundled call's sets unchanged (0.1: +2 answers; 0.3: +6, R@5 −1).
 */
const TOGETHER_WEIGHT = 0.2;
/** A sentence stating the figure a quantity question asks for is preferred over its neighbours. */
const FIGURE_ANSWER_BONUS = 0.1;
/** Specifics make an answer: a sentence with a figure edges out a vaguer one ("a lot of interest"). */
const SPECIFICS_BONUS = 0.04;
/** Each content word beyond the query's adds a little, up to INFORMATION_CAP: "1.4 million Trainium2 chips landed" over "there is a lot of interest in Trainium". */
const INFORMATION_WEIGHT = 0.01;
const INFORMATION_CAP = 0.06;
/**
 * A sentence that says little beyond the query words ("So there is a lot of interest in Trainium at
 * this point.", "And then robotics, as you mentioned, is another big one for us.") scores a high
 * cosine because it is mostly the topic word; it is not an answer. Specifics: a figure counts 2,
 * a name (a capitalised word mid-sentence, or a word carrying digits like "Trainium4") 1, any
 * other content word 0.5; below VAGUE_BELOW the sentence is vague.
 */
const VAGUE_BELOW = 2;
const VAGUE_PENALTY = 0.1;

/** Sentences shorter than this rarely answer anything alone ("Thanks, Dave."): a small penalty, and they are extended with the next one. */
export const MIN_ANSWER_WORDS = 8;
const SHORT_PENALTY = 0.05;
/** Handing the floor to someone ("I'd like to invite the head of our lighting unit to say a few words") names the topic but says nothing about it. */
const HANDOVER_PENALTY = 0.15;
/** Announcing the next topic ("Please let me start with Marine Lighting first.") names it but says nothing. */
const SIGNPOST_PENALTY = 0.15;
/** A sentence that breaks off ("…we keep a close eye on the order book and.") is a fragment, whatever its words. */
const UNFINISHED_PENALTY = 0.2;
/** What an analyst asked is best shown by the sentence that asks it. */
const ASKING_BONUS = 0.2;
/** A question is not an answer (unless the person asked who asked). */
const QUESTION_PENALTY = 0.15;

// Factual questions: what makes a sentence state the asked fact. Sized against the cosine gaps
// seen between a restated or narrower figure and the stated one (typically 0.05–0.2).
const STATES_METRIC_BONUS = 0.3;
/** The metric is there with a figure of the asked kind, but the figure belongs to a longer compound ("revenue run rate", "incremental revenue"): another metric. */
const OTHER_METRIC_PENALTY = 0.1;
const RIGHT_KIND_OF_FIGURE_BONUS = 0.05;
const NO_FIGURE_PENALTY = 0.15;
const TOTAL_BONUS = 0.1;
/** A segment's figure when the whole company's was asked: worse when the question said "total" or "worldwide". */
const SEGMENT_PENALTY = 0.25;
const SEGMENT_PENALTY_EXPLICIT_TOTAL = 0.4;
/** A sentence naming a segment that is not the one asked about. */
const OTHER_SEGMENT_PENALTY = 0.15;
/** A sentence in a passage about one segment ("Moving next to our AWS segment. Revenue was…") speaks for that segment. */
const SEGMENT_PASSAGE_PENALTY = 0.15;
const QUALIFIER_BONUS = 0.12;
/** A figure whose sentence and passage never name the part asked about (the mirror of SEGMENT_PENALTY). */
const MISSING_QUALIFIER_PENALTY = 0.25;
const PERIOD_BONUS = 0.05;
const OTHER_PERIOD_PENALTY = 0.1;
const OUTLOOK_BONUS = 0.1;
/** The comparison asked for ("sequentially") stated, or only the other one ("year-over-year"). */
const BASIS_BONUS = 0.08;
const OTHER_BASIS_PENALTY = 0.1;
const TENSE_MISMATCH_PENALTY = 0.1;
/** Asked what the company expects, an outside party's forecast it quotes ("the USDA expects…") is not its answer. */
const OTHERS_OUTLOOK_PENALTY = 0.15;
/** Lexical terms that name a period (weighed by the period check of a factual question, not as topic words). */
const PERIOD_TERM = /^(?:quarter|quarterli|year|annual|half|first|second|third|fourth|fiscal|full|q[1-4]|[1-4]q|fy\d*|(?:19|20)\d{2})$/;
const NO_ALTERNATIVES: ReadonlyMap<string, string[][]> = new Map();
const NO_PAIRS: TypedTerms['pairs'] = new Map();

// Timing questions ("when will…", "how long will the cash last"): the sentence that names a time in
// the tense asked answers; one reporting a past quarter names a date too, but not the one asked.
const STATES_TIME_BONUS = 0.2;
const NO_TIME_PENALTY = 0.1;

/** A yes/no question ("did they buy back stock?") is answered by a sentence that says its verb ("we're not buying stock"). */
const SAYS_VERB_BONUS = 0.1;

/** An analyst restating a figure is not the company stating it. */
const ANALYST_FACT_PENALTY = 0.3;

export interface AnswerQuery {
  /** Lexical terms of the words the person typed. */
  terms: ReadonlySet<string>;
  /** Terms typed next to each other (typed-terms.ts); absent: none. */
  pairs?: TypedTerms['pairs'];
  /** Other forms that count for a typed term ("acquisitions" → [["m&a"]]); see typed-terms.ts. */
  alternatives?: ReadonlyMap<string, string[][]>;
  /** Set for factual questions (interpret/fact-question.ts). */
  fact: FactQuestion | null;
  /** Set for questions that ask when or how long (interpret/timing-question.ts). */
  timing?: TimingQuestion | null;
  /** A yes/no question's verb as a lexical term (interpret/yes-no-question.ts). */
  verb?: string | null;
  /** Questions are fair answers ("who asked about…", "what did X ask"). */
  questionsAnswer: boolean;
}

/** Per-query sentence scores for answer selection, each computed once; sentence facts come from the index-wide cache. */
export class AnswerScorer {
  private readonly scores = new Map<number, number>();
  /** Per query, not per sentence (hundreds are scored per search): the terms the overlap counts, and those a longer word may extend. */
  private readonly counted: readonly string[];
  /** The typed pairs among the counted terms (a factual question's period and qualifiers are weighed by the fact score). */
  private readonly together: Pick<TypedTerms, 'pairs' | 'pairCount'>;
  private readonly prefixTerms: readonly string[];
  private readonly typed: { alternatives: ReadonlyMap<string, string[][]> };

  constructor(
    readonly sentences: SentenceScorer,
    readonly query: AnswerQuery,
    private readonly facts: SentenceFactsCache,
  ) {
    const { terms, fact } = query;
    // A factual question's qualifiers are weighed by the fact score (in the sentence or its passage), not twice.
    // Its period likewise ("fourth quarter" names when, not what: a segment's "fourth quarter revenue" must not outscore the asked one's "Revenue was…").
    this.counted = fact ? [...terms].filter((t) => !fact.qualifiers.some((q) => q.includes(t)) && !(fact.period && PERIOD_TERM.test(t))) : [...terms];
    const counted = new Set(this.counted);
    this.together = pairsAmong({ pairs: query.pairs ?? NO_PAIRS }, (t) => counted.has(t));
    this.prefixTerms = [...terms].filter((q) => q.length >= 4);
    this.typed = { alternatives: query.alternatives ?? NO_ALTERNATIVES };
  }

  factsOf(row: number, text: string): SentenceFacts {
    return this.facts.get(row, text);
  }

  /** Is this sentence a question (or part of an analyst's question)? */
  isQuestion(passage: Passage, row: number, text: string): boolean {
    return passage.role === 'question' || this.factsOf(row, text).question;
  }

  /** Score of sentence `i` of `passage` (at `passageIndex` in the index). */
  score(passage: Passage, passageIndex: number, i: number): number {
    const row = this.sentences.rows(passageIndex)[0] + i;
    let score = this.scores.get(row);
    if (score === undefined) {
      score = this.compute(passage, passageIndex, i, row);
      this.scores.set(row, score);
    }
    return score;
  }

  private compute(passage: Passage, passageIndex: number, i: number, row: number): number {
    const sentence = passage.sentences[i]!;
    const info = this.sentences.info(row);
    const { terms, fact, questionsAnswer } = this.query;
    let score = this.sentences.cosine(row);
    if (this.sentences.answersFigure(row)) score += FIGURE_ANSWER_BONUS;
    else if (info.hasFigure) score += SPECIFICS_BONUS;
    if (info.words < MIN_ANSWER_WORDS) score -= SHORT_PENALTY;
    const { counted } = this;
    if (counted.length > 0) {
      let overlap = 0;
      const has = (term: string) => hasTerm(info.terms, term);
      for (const t of counted) if (coversTerm(t, this.typed, has)) overlap++;
      score += (TERM_OVERLAP_WEIGHT * overlap) / counted.length;
    }
    if (terms.size > 0) {
      // The sentence's terms that are not the query's: its count less those it shares (the query has fewer terms to visit).
      let shared = 0;
      for (const t of terms) if (info.terms.has(t)) shared++;
      score += Math.min(INFORMATION_CAP, INFORMATION_WEIGHT * (info.terms.size - shared));
    }
    const facts = this.factsOf(row, sentence.text);
    if (this.together.pairCount > 0) score += TOGETHER_WEIGHT * pairsSaid(this.together, facts.content);
    if (specifics(facts, terms, this.prefixTerms) < VAGUE_BELOW) score -= VAGUE_PENALTY;
    if (facts.handover) score -= HANDOVER_PENALTY;
    if (facts.unfinished) score -= UNFINISHED_PENALTY;
    if (facts.signpost) score -= SIGNPOST_PENALTY;
    const asks = passage.role === 'question' || facts.question;
    if (asks && !questionsAnswer) score -= QUESTION_PENALTY;
    // Asked what someone asked: the sentence that asks it, not the preamble around it ("let me throw this to you").
    else if (questionsAnswer && facts.question) score += ASKING_BONUS;
    if (fact) score += this.factScore(passage, passageIndex, facts, fact);
    const { timing } = this.query;
    if (timing) score += statesTime(facts, timing) ? STATES_TIME_BONUS : -NO_TIME_PENALTY;
    if (this.query.verb && hasTerm(info.terms, this.query.verb)) score += SAYS_VERB_BONUS;
    return score;
  }

  private readonly segmentPassages = new Map<Passage, boolean>();
  private passageNamesSegment(passage: Passage): boolean {
    let named = this.segmentPassages.get(passage);
    if (named === undefined) {
      named = namesSegment(passage.text);
      this.segmentPassages.set(passage, named);
    }
    return named;
  }

  /** Share of `stems` found anywhere in the passage (from the per-sentence terms computed at load). */
  private passageShare(passageIndex: number, groups: readonly string[][]): number {
    const [from, to] = this.sentences.rows(passageIndex);
    const found = groups.filter((alternatives) => {
      for (let r = from; r < to; r++) if (alternatives.some((t) => hasTerm(this.sentences.info(r).terms, t))) return true;
      return false;
    });
    return found.length / groups.length;
  }

  /** Adjustments for a factual question: does this sentence state the asked fact? */
  private factScore(passage: Passage, passageIndex: number, facts: SentenceFacts, fact: FactQuestion): number {
    let s = 0;
    if (passage.speaker.side === 'analyst') s -= ANALYST_FACT_PENALTY;
    const wanted = fact.quantity;
    if (fact.metric.length > 0 && (statesMetric(facts, fact.metric, wanted, !fact.change) || (wanted === 'percent' && statesMarginAsShare(facts, fact.metric)))) s += STATES_METRIC_BONUS;
    else if (fact.metric.length > 0 && mentionsMetric(facts, fact.metric) && facts.figures.some((f) => !wanted || f === wanted)) s -= OTHER_METRIC_PENALTY;
    if (facts.figures.length === 0) s -= NO_FIGURE_PENALTY;
    else if (wanted && facts.figures.includes(wanted)) s += RIGHT_KIND_OF_FIGURE_BONUS;
    if (fact.wantsTotal && fact.qualifiers.length === 0) {
      if (facts.total) s += TOTAL_BONUS;
      // A part's figure: a segment named, or the metric qualified by a part ("domestic revenue was…").
      else if (facts.segment || (fact.metric.length > 0 && partOfMetric(facts, fact.metric))) s -= fact.saysTotal ? SEGMENT_PENALTY_EXPLICIT_TOTAL : SEGMENT_PENALTY;
      else if (this.passageNamesSegment(passage)) s -= SEGMENT_PASSAGE_PENALTY;
    }
    if (fact.qualifiers.length > 0) {
      const own = shareOfStems(facts, fact.qualifiers);
      // A segment named at the head of the passage ("Moving next to our AWS segment. Revenue was…") covers its sentences.
      const inPassage = own < 1 ? this.passageShare(passageIndex, fact.qualifiers) : own;
      s += QUALIFIER_BONUS * (0.6 * own + 0.4 * inPassage);
      // Nothing around it names the part asked about by name ("Solar revenue"): the figure is the whole company's or another part's.
      if (fact.namesPart && inPassage === 0) s -= MISSING_QUALIFIER_PENALTY;
      // "In the North America segment, revenue was…" is another segment's figure when advertising's was asked.
      if (facts.segment && own < 1) s -= OTHER_SEGMENT_PENALTY;
      else if (qualifiedByAnotherPart(facts, fact.metric, fact.qualifiers)) s -= OTHER_SEGMENT_PENALTY;
    }
    if (fact.period) {
      const { quarter, year } = fact.period;
      const namesAsked = (quarter !== null && facts.quarters.has(quarter)) || (year !== null && facts.years.has(year));
      const namesOther =
        (quarter !== null && facts.quarters.size > 0 && !facts.quarters.has(quarter)) || (year !== null && facts.years.size > 0 && !facts.years.has(year));
      if (namesAsked) s += PERIOD_BONUS;
      else if (namesOther) s -= OTHER_PERIOD_PENALTY;
    }
    // Asked for the outlook, reported results do not answer (the reverse is common: "we launched 180 satellites and expect…").
    if (fact.basis) {
      const [asked, other] = fact.basis === 'sequential' ? [facts.sequential, facts.annual] : [facts.annual, facts.sequential];
      if (asked) s += BASIS_BONUS;
      else if (other) s -= OTHER_BASIS_PENALTY;
    }
    if (fact.forward && facts.othersOutlook) s -= OTHERS_OUTLOOK_PENALTY;
    if (fact.forward && facts.forward) s += OUTLOOK_BONUS;
    else if (fact.forward) s -= TENSE_MISMATCH_PENALTY;
    // Asked what was reported, a projection alone does not answer ("at the midpoint, this would put sales at about $61 million").
    else if (fact.past && facts.outlookOnly) s -= TENSE_MISMATCH_PENALTY;
    return s;
  }
}

/**
 * Does the sentence name a time in the tense asked: for "when will…", a plan or expectation, or a
 * time said with no tense at all ("And then by the end of 2027 just the one new kiln."); for
 * "when did…", anything but a projection.
 */
function statesTime(facts: SentenceFacts, timing: TimingQuestion): boolean {
  // "How long…" is answered by a duration or by where something runs to, not by a date alone ("at the end of the third quarter").
  if (timing.kind === 'how_long' ? !facts.span : !facts.time) return false;
  return timing.future ? facts.future || !facts.past : !facts.outlookOnly;
}

/** How much a sentence states beyond the query's own words (see VAGUE_BELOW); `prefixTerms`: the query terms of 4+ letters. */
function specifics(facts: SentenceFacts, queryTerms: ReadonlySet<string>, prefixTerms: readonly string[]): number {
  let n = 0;
  for (const t of facts.tokens) {
    if (t.figure) n += 2;
    else if (t.stem === null) continue;
    else if (queryTerms.has(t.stem) || startsWithAny(t.stem, prefixTerms)) continue;
    else n += t.name ? 1 : 0.5;
  }
  return n;
}

/** Does `word` start with one of `prefixes`? (A loop: this runs for every word of every sentence scored.) */
function startsWithAny(word: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (word.startsWith(p)) return true;
  return false;
}
