import type { ConstraintName, RelevanceLabel } from '../../api/schemas.js';
import type { Passage } from '../../passages/types.js';
import { passageWords } from '../../passages/word-count.js';
import { asksAboutQuestions, type QueryPlan } from '../interpret/query-plan.js';
import type { Retrieval } from '../retrieve/retrieve.js';
import type { Candidate } from '../retrieve/retriever.js';
import type { Relaxable } from '../retrieve/scope.js';
import type { SentenceFactsCache } from '../sentences/sentence-facts.js';
import type { SentenceScorer } from '../sentences/sentence-scores.js';
import { AnswerScorer } from './answer-score.js';
import { answerSentence, type AnswerSpan } from './answer-sentence.js';
import { isBackchannel, type Exchanges } from '../retrieve/exchanges.js';
import { answersFirst, matchedExchangeAnswers, withExchangeAnswers, withReplies } from './exchange-answers.js';
import { keyPoints, type KeyPointPick } from './key-points.js';
import { groupedByCompany, likeliestPerson, type ChosenPerson } from './people.js';
import { fromPreferredCalls } from '../retrieve/brand.js';
import { CLOSEST_CUT, relevanceFeatures, relevanceLabel, relevanceScore, STRONG_CUT, WEAK_CUT, type RelevanceFeatures } from './relevance.js';
import { leadingRun, learnedOrder, orderFeatures, type OrderFeatures } from './result-order.js';
import { chooseTopAnswer } from './top-answer.js';
import { companyGroups, takingTurns } from '../fuse.js';
import { topicDiscussed } from './topic-check.js';
import { turnCards } from './turn-cards.js';
import { typedTerms } from './typed-terms.js';

/** What the answer stage concluded about the results it returns (respond.ts words it). */
export type Outcome =
  | { kind: 'answered' }
  /** The speakers the query named never discussed the topic; the results are what others said. */
  | { kind: 'speaker_silent'; speakers: string[] }
  /** The speakers the request named never discussed the topic; the results are their closest passages. */
  | { kind: 'filter_silent'; speakers: string[] }
  /** The named speakers never discussed it, and nobody else did either. */
  | { kind: 'nobody_discussed' }
  /** Nothing retrieved is about the topic. */
  | { kind: 'off_topic' }
  /** Nothing retrieved plainly answers; the closest passages are loosely related (see CLOSEST_CUT). */
  | { kind: 'loosely_related' }
  /** The request's own filters together allow no passage. */
  | { kind: 'no_passage'; filters: ConstraintName[] }
  /** The question named only what the library does not know ("What did Zorblax say?"): nothing is left to search for. */
  | { kind: 'nothing_to_search' };

export interface AnsweredResult {
  candidate: Candidate;
  answer: AnswerSpan;
  relevance: { score: number; label: RelevanceLabel };
  /** What `relevance` was computed from (the order model weighs them too). */
  features: RelevanceFeatures;
  /** Below the calibrated cut: listed after the answers, never highlighted as one. */
  weak: boolean;
  /** The consecutive passages of one turn the card spans (turn-cards.ts), `candidate.index` (whose answer it shows) among them; absent: that passage alone. */
  through?: { first: number; last: number };
}

export interface Answered {
  /** In the order shown: answers first, weaker matches after. */
  results: AnsweredResult[];
  /** Which result's answer sentence is the top answer; null when no result can answer. */
  topAnswer: number | null;
  keyPoints: KeyPointPick[];
  /** False when nothing retrieved is about the topic: the closest passages are listed, but no answer is claimed. */
  onTopic: boolean;
  outcome: Outcome;
  /** Constraints the query implied that the results do not meet (dropped because nothing met them). */
  relaxed: ConstraintName[];
  /** A name matched people of several companies: the one the results come from. */
  chosen: ChosenPerson | null;
}

/** The fused rankings of the retrieval's pools. */
export interface Ranked {
  inScope: Candidate[];
  broader: Candidate[] | null;
  /** The in-scope ranking with the named speakers' replies fused in, and the question each replies to; null without replies. */
  replies: { ranked: Candidate[]; question: ReadonlyMap<number, number> } | null;
}

export interface AnswerContext {
  passages: readonly Passage[];
  scorer: SentenceScorer;
  exchanges: Exchanges;
  facts: SentenceFactsCache;
  /** Results shown: the answer is chosen among at least ANSWER_POOL ranked passages, then the list is cut to k with it kept. */
  k: number;
  /** Sees the leading results the order model ranks, with their features (scripts/fit-result-order.ts fits the model on them). */
  onOrder?: (leading: { passageIndex: number; features: OrderFeatures }[]) => void;
}

/**
 * Ranked passages the answer, key points and relevance are chosen among, however few results are
 * shown: asked for one result, the caller still gets the passage that states the fact, not merely
 * the best-ranked one.
 */
export const ANSWER_POOL = 10;

const RELAXED_AS: Record<Relaxable, ConstraintName | null> = { section: 'section', side: 'side', speaker: 'speaker', questions: null };

/**
 * Decide what to show and what it answers: the in-scope ranking, or — when a speaker the query named
 * never discussed the topic — the broader one retrieved alongside it; whether anything shown is about
 * the topic at all; how relevant each result is; the top answer and the key points.
 */
export function answerQuery(plan: QueryPlan, retrieval: Retrieval, ranked: Ranked, ctx: AnswerContext): Answered {
  const { passages, scorer } = ctx;
  // The topic check weighs the words the person used (spelling corrected), not abbreviation expansions.
  const typed = typedTerms(plan.matchText);
  const discussed = (cands: Candidate[]) => retrieval.lexical !== null && topicDiscussed(cands, typed, retrieval.lexical, scorer);
  const relaxed = retrieval.relaxed.map((r) => RELAXED_AS[r]).filter((r): r is ConstraintName => r !== null);
  let shown = ranked.inScope;
  /** The scope `shown` was retrieved in. */
  let shownScope = retrieval.inScope;
  let onTopic = true;
  let outcome: Outcome = { kind: 'answered' };
  if (retrieval.unmet) {
    const filters = (['speaker', 'side', 'section', 'company', 'period', 'call'] as const).filter((c) => plan.sources[c] === 'request');
    // Nothing is shown: no constraint was dropped to show anything (the notice must not say one was).
    return { results: [], topAnswer: null, keyPoints: [], onTopic: false, outcome: { kind: 'no_passage', filters }, relaxed: [], chosen: null };
  }
  // Without the name nothing matched, no topic, person or call is left: any passage shown would be arbitrary.
  if (!plan.topic && plan.unmatched.length > 0 && plan.speakers.length === 0 && plan.callIds === null) {
    return { results: [], topAnswer: null, keyPoints: [], onTopic: false, outcome: { kind: 'nothing_to_search' }, relaxed, chosen: null };
  }
  // A period dropped with none left in force (of several named, the others still scope the search).
  if (plan.droppedPeriod && !plan.period) relaxed.push('period');
  // "Brian", with Brians at several companies: the one the rest of the question fits best.
  const likeliest = likeliestPerson(plan, shown, passages);
  if (likeliest) shown = likeliest.ranked;
  // Said of the one chosen, when a name matched several people.
  const speakerNames = likeliest ? [likeliest.chosen.person.name] : [...new Set(plan.speakers.map((s) => s.person.name))];
  let replyAnswers: number[] = [];
  if (plan.topic && retrieval.lexical) {
    // The named speaker's words never name the topic, but they answered a question on it: their
    // answers, ranked with the question's match (an answer rarely repeats the question's words).
    // A fragment that repeats the topic's words ("Oh, the buoy backlog-") is not having discussed it.
    const ownWords = discussed(shown.filter((c) => !isBackchannel(passages[c.index]!)));
    const replies = ranked.replies && !ownWords ? [...ranked.replies.question].filter(([, q]) => discussed([{ index: q, score: 0 }])).map(([a]) => a) : [];
    if (replies.length > 0) {
      shown = ranked.replies!.ranked;
      replyAnswers = replies;
    } else if (ranked.broader && !ownWords) {
      shown = ranked.broader;
      shownScope = retrieval.broader ?? shownScope;
      onTopic = discussed(shown);
      outcome = onTopic ? { kind: 'speaker_silent', speakers: speakerNames } : { kind: 'nobody_discussed' };
      // The results are others' passages: the speaker constraint is not met, and must not show as applied.
      relaxed.push('speaker');
    } else if (!ownWords) {
      onTopic = false;
      outcome = plan.sources.speaker === 'request' && plan.speakers.length > 0 ? { kind: 'filter_silent', speakers: speakerNames } : { kind: 'off_topic' };
    }
  }

  // A pasted analyst question: the answers of the exchange it matches are shown (and lead, below).
  // Likewise the named speaker's answers to questions on the topic.
  const exchangeAnswers = new Set(plan.pasted ? matchedExchangeAnswers(shown, ctx.exchanges, (q) => scorer.bestInPassage(q) + scorer.passageCosine(q), (i) => passages[i]!.callId) : replyAnswers);
  if (exchangeAnswers.size > 0) {
    shown = withExchangeAnswers(shown, exchangeAnswers);
  }

  // Asked about a topic, an analyst's question on it restates the topic; the reply to it is what was
  // asked for. A question among the results brings its reply (when the scope allows it) just ahead
  // of it, relevant as the question is: the reply rarely repeats the question's words.
  const repliedTo = new Map<number, number>();
  if (plan.topic && !plan.pasted && !plan.literal && !asksAboutQuestions(plan) && exchangeAnswers.size === 0) {
    shown = withReplies(shown, passages, ctx.exchanges, shownScope.allows ?? (() => true), repliedTo, ANSWER_POOL);
  }

  const answerScorer = new AnswerScorer(scorer, {
    terms: typed.terms,
    pairs: typed.pairs,
    alternatives: typed.alternatives,
    fact: plan.fact,
    timing: plan.timing,
    verb: plan.verb,
    questionsAnswer: asksAboutQuestions(plan),
  }, ctx.facts);
  const results: AnsweredResult[] = shown.map((candidate) => {
    const answer = answerSentence(passages[candidate.index]!, candidate.index, answerScorer);
    // A reply to a question on the topic is as relevant as that question, though it uses other words.
    const question = replyAnswers.includes(candidate.index) ? ranked.replies!.question.get(candidate.index) : repliedTo.get(candidate.index);
    const features = relevanceFeatures(question ?? candidate.index, answer.score, scorer, retrieval.lexical, typed);
    const score = relevanceScore(features);
    // A fragment of a few words ("Oh, the competition-…") can match a topic's words but never answers it.
    return { candidate, answer, relevance: { score: Number(score.toFixed(3)), label: relevanceLabel(score) }, features, weak: score < WEAK_CUT || isBackchannel(passages[candidate.index]!) };
  });
  // A reply brought in for a question shown is as relevant as that question (its own words rarely match).
  for (const r of results) {
    const q = repliedTo.get(r.candidate.index);
    const question = q === undefined ? undefined : results.find((x) => x.candidate.index === q);
    if (question) {
      r.relevance = { ...question.relevance };
      r.weak = question.weak;
    }
  }
  // No topic ("what did the Goldman Sachs analyst ask?"): the speaker's own words in call order are
  // what was asked for; relevance to a topic does not apply, so none is a weaker match.
  if (!plan.topic) {
    for (const r of results) {
      r.weak = false;
      r.relevance.label = 'related';
    }
  }
  // Nothing clears the calibrated cut. The closest passages that still clear CLOSEST_CUT are related
  // (a paraphrased question matches its answer's words and vector only loosely), but none is
  // claimed as the answer; below it, the topic is not discussed and the closest passages are listed as such.
  let looseOnly = false;
  if (plan.topic && onTopic && results.length > 0 && results.every((r) => r.weak && !exchangeAnswers.has(r.candidate.index))) {
    const closest = results.filter((r) => r.relevance.score >= CLOSEST_CUT && !isBackchannel(passages[r.candidate.index]!));
    looseOnly = closest.length > 0;
    if (looseOnly) {
      if (outcome.kind === 'answered') outcome = { kind: 'loosely_related' };
      for (const r of closest) {
        r.weak = false;
        r.relevance.label = 'related';
      }
    } else {
      onTopic = false;
      if (outcome.kind === 'answered') outcome = { kind: 'off_topic' };
      else if (outcome.kind === 'speaker_silent') outcome = { kind: 'nobody_discussed' };
    }
  }
  for (const r of results) {
    // Off the topic, everything is a weaker match; the answers of the matched exchange never are.
    if (!onTopic) r.weak = true;
    else if (exchangeAnswers.has(r.candidate.index) && r.weak && !isBackchannel(passages[r.candidate.index]!)) r.weak = false;
    r.relevance.label = r.weak ? 'weak' : r.relevance.label === 'weak' ? 'related' : r.relevance.label;
  }

  const contenders = (rs: readonly AnsweredResult[]) => rs.map((r) => ({ passage: passages[r.candidate.index]!, passageIndex: r.candidate.index, answer: r.answer }));
  // Answers first, weaker matches after; a pasted question's matched exchange answers lead.
  // Unless the question is about what was asked, an analyst's question restates a topic and does
  // not answer it: among the answers, management's statements come before analysts' questions.
  const questionsWanted = asksAboutQuestions(plan) || plan.pasted;
  const isQuestion = (r: AnsweredResult) => !questionsWanted && passages[r.candidate.index]!.role === 'question';
  // Strong matches before related ones, so the order shown never contradicts the labels shown.
  const strongFirst = [...results.filter((r) => !r.weak && r.relevance.label === 'strong'), ...results.filter((r) => !r.weak && r.relevance.label !== 'strong')];
  let ordered = plan.literal
    ? [...results]
    : [...strongFirst.filter((r) => !isQuestion(r)), ...strongFirst.filter(isQuestion), ...results.filter((r) => r.weak)];
  if (exchangeAnswers.size > 0) {
    const keyed = ordered.map((r) => {
      const p = passages[r.candidate.index]!;
      return { r, index: r.candidate.index, weak: r.relevance.score < WEAK_CUT, words: passageWords(p), turn: p.turn };
    });
    ordered = answersFirst(keyed, [...exchangeAnswers]).map((x) => x.r);
  }
  // A role across companies ("the CFO"): each company's results together, strong before weak.
  if (plan.groupByCompany) {
    const byCompany = companyKeyOf(plan);
    ordered = [...groupedByCompany(ordered.filter((r) => !r.weak), (r) => byCompany(passages[r.candidate.index]!)), ...groupedByCompany(ordered.filter((r) => r.weak), (r) => byCompany(passages[r.candidate.index]!))];
  } else if (plan.compared && exchangeAnswers.size === 0) {
    // Companies compared ("how do Amex and Hershey see…"): each one's answers in turn, its best first,
    // whatever their labels say (as a role's are grouped): asked of both, one must not crowd out the other.
    const companyOf = companyGroups(plan.compared, (i) => passages[i]!.callId);
    ordered = [...takingTurns(ordered.filter((r) => !r.weak), (r) => companyOf(r.candidate)), ...ordered.filter((r) => r.weak)];
  }
  const strong = ordered.filter((r) => !r.weak);
  // A brand named instead of its company (retrieve/brand.ts): the answer is that company's when one of its results can give it.
  const answerable = fromPreferredCalls(exchangeAnswers.size > 0 ? strong.filter((r) => exchangeAnswers.has(r.candidate.index)) : strong, retrieval.preferred?.calls, (r) => passages[r.candidate.index]!.callId);
  const top = onTopic && !looseOnly ? chooseTopAnswer(contenders(answerable), answerScorer) : null;
  const holder = top === null ? null : answerable[top]!;
  // For a factual or timing question the passage stating the fact or the time leads, so the answer and the first card agree.
  if (holder && (plan.fact || plan.timing) && exchangeAnswers.size === 0 && !plan.literal) {
    ordered.unshift(...ordered.splice(ordered.indexOf(holder), 1));
    // It states the asked fact, however loosely its passage matches the words: a strong match, so the label agrees with its place.
    if (holder.relevance.label !== 'strong') holder.relevance = { score: Math.max(holder.relevance.score, STRONG_CUT), label: 'strong' };
  } else if (plan.topic && !plan.literal && !questionsWanted && exchangeAnswers.size === 0 && !plan.groupByCompany && !plan.compared) {
    // Otherwise the leading results are ordered by the ranking model (result-order.ts), within their label.
    const featuresAt = orderFeatures(passages, shownScope);
    const features = (r: AnsweredResult, position: number) => featuresAt(r.candidate.index, r.features, position);
    const sameLabel = (a: AnsweredResult, b: AnsweredResult) => a.weak === b.weak && a.relevance.label === b.relevance.label;
    ctx.onOrder?.(ordered.slice(0, leadingRun(ordered, sameLabel)).map((r, position) => ({ passageIndex: r.candidate.index, features: features(r, position) })));
    ordered = learnedOrder(ordered, features, sameLabel);
    // A reply brought in for a question stays just ahead of it (withReplies), wherever the model put the question.
    for (const [reply, question] of repliedTo) {
      const at = (i: number) => ordered.findIndex((r) => r.candidate.index === i);
      if (at(question) >= 0 && at(reply) > at(question)) ordered.splice(at(question), 0, ...ordered.splice(at(reply), 1));
    }
  }
  const first = holder ? { passageIndex: holder.candidate.index, span: holder.answer } : null;
  const points = onTopic && !looseOnly ? keyPoints(contenders(ordered.filter((r) => !r.weak)), answerScorer, first) : [];
  // Neighbouring chunks of one turn near the top are one card (turn-cards.ts), which keeps the top answer's sentence.
  if (!plan.literal) ordered = turnCards(ordered, passages, (_lead, joined) => joined === holder);
  const holderCard = holder ? (ordered.find((r) => r.candidate.index === holder.candidate.index) ?? null) : null;
  // Cut to the results asked for, keeping the one that holds the answer.
  const shownResults = ordered.slice(0, ctx.k);
  if (holderCard && ctx.k > 0 && !shownResults.includes(holderCard)) shownResults[ctx.k - 1] = holderCard;
  return { results: shownResults, topAnswer: holderCard ? shownResults.indexOf(holderCard) : null, keyPoints: points, onTopic, outcome, relaxed: [...new Set(relaxed)], chosen: likeliest?.chosen ?? null };
}

/** A passage's company, from the people the plan names (their appearances carry it). */
function companyKeyOf(plan: QueryPlan): (p: Passage) => string {
  const byCall = new Map<string, string>();
  for (const s of plan.speakers) for (const r of s.person.refs) byCall.set(r.callId, s.person.company.key);
  return (p) => byCall.get(p.callId) ?? p.callId;
}
