import type { RelevanceLabel } from '../../api/schemas.js';
import { lexicalTokens } from '../../index/lexical-tokens.js';
import type { Passage } from '../../passages/types.js';
import { termAlternatives } from '../interpret/finance-terms.js';
import type { QueryPlan } from '../interpret/query-plan.js';
import type { Retrieval } from '../retrieve/retrieve.js';
import type { Candidate } from '../retrieve/retriever.js';
import type { SentenceScorer } from '../sentences/sentence-scores.js';
import { AnswerScorer } from './answer-score.js';
import { answerSentence, type AnswerSpan } from './answer-sentence.js';
import { keyPoints, type KeyPointPick } from './key-points.js';
import { relevanceFeatures, relevanceLabel, relevanceScore } from './relevance.js';
import { chooseTopAnswer } from './top-answer.js';
import { topicDiscussed } from './topic-check.js';

/** What the answer stage concluded about the results it returns (respond.ts words it). */
export type Outcome =
  | { kind: 'answered' }
  /** The named speakers never discussed the topic; the results are what others said. */
  | { kind: 'speaker_silent'; speakers: string[] }
  /** The named speakers never discussed it, and nobody else did either. */
  | { kind: 'nobody_discussed' }
  /** Nothing retrieved is about the topic. */
  | { kind: 'off_topic' }
  /** The constraints together allow no passage. */
  | { kind: 'no_passage' };

export interface AnsweredResult {
  candidate: Candidate;
  answer: AnswerSpan;
  relevance: { score: number; label: RelevanceLabel };
  /** Below the calibrated cut: listed after the answers, never highlighted as one. */
  weak: boolean;
}

export interface Answered {
  /** In the order shown; the result holding the top answer first. */
  results: AnsweredResult[];
  /** Which result's answer sentence is the top answer; null when no result can answer. */
  topAnswer: number | null;
  keyPoints: KeyPointPick[];
  /** False when nothing retrieved is about the topic: the closest passages are listed, but no answer is claimed. */
  onTopic: boolean;
  outcome: Outcome;
}

/** The fused rankings of the retrieval's pools. */
export interface Ranked {
  inScope: Candidate[];
  broader: Candidate[] | null;
}

/**
 * Decide what to show and what it answers: the in-scope ranking, or — when the named speaker never
 * discussed the topic — the broader one retrieved alongside it; whether anything shown is about the
 * topic at all; and each result's answering sentence.
 */
export function answerQuery(plan: QueryPlan, retrieval: Retrieval, ranked: Ranked, passages: readonly Passage[], scorer: SentenceScorer): Answered {
  // The topic check weighs the words the person used, not the abbreviation expansions.
  const typed = new Set(lexicalTokens(plan.matchText));
  const discussed = (cands: Candidate[]) => retrieval.lexical !== null && topicDiscussed(cands, typed, retrieval.lexical, scorer);

  let shown = ranked.inScope;
  let onTopic = true;
  let outcome: Outcome = { kind: 'answered' };
  if (plan.topic && retrieval.lexical) {
    if (ranked.broader && !discussed(shown)) {
      shown = ranked.broader;
      onTopic = discussed(shown);
      outcome = onTopic ? { kind: 'speaker_silent', speakers: [...new Set(plan.speakers.map((s) => s.ref.participant.name))] } : { kind: 'nobody_discussed' };
    } else if (!discussed(shown)) {
      onTopic = false;
      outcome = { kind: 'off_topic' };
    }
  }
  if (shown.length === 0) {
    onTopic = false;
    outcome = { kind: 'no_passage' };
  }
  const typedTerms = { terms: typed, alternatives: termAlternatives(plan.matchText) };
  const answerScorer = new AnswerScorer(scorer, {
    terms: typed,
    fact: plan.fact,
    questionsAnswer: plan.questionsOnly || plan.intent === 'who_asked' || plan.intent === 'speaker_question',
  });
  const results: AnsweredResult[] = shown.map((candidate) => {
    const answer = answerSentence(passages[candidate.index]!, candidate.index, answerScorer);
    const score = onTopic ? relevanceScore(relevanceFeatures(candidate.index, answer.score, scorer, retrieval.lexical, typedTerms)) : 0;
    const label = onTopic ? relevanceLabel(score) : 'weak';
    return { candidate, answer, relevance: { score: Number(score.toFixed(3)), label }, weak: label === 'weak' };
  });
  const contenders = (rs: AnsweredResult[]) => rs.map((r) => ({ passage: passages[r.candidate.index]!, passageIndex: r.candidate.index, answer: r.answer }));
  const strong = results.filter((r) => !r.weak);
  let top = onTopic ? chooseTopAnswer(contenders(strong.length ? strong : results), answerScorer) : null;
  const holder = top === null ? null : (strong.length ? strong : results)[top]!;
  if (holder && holder.weak) {
    // The result that answers is never a "weaker match".
    holder.weak = false;
    holder.relevance.label = 'related';
  }
  // Answers first, weaker matches after; for a factual question the passage stating the fact leads,
  // so the answer and the first card agree.
  const ordered = [...results.filter((r) => !r.weak), ...results.filter((r) => r.weak)];
  if (holder && plan.fact) ordered.unshift(...ordered.splice(ordered.indexOf(holder), 1));
  top = holder ? ordered.indexOf(holder) : null;
  const first = holder ? { passageIndex: holder.candidate.index, span: holder.answer } : null;
  const points = onTopic ? keyPoints(contenders(ordered.filter((r) => !r.weak)).map((c) => ({ passage: c.passage, passageIndex: c.passageIndex })), answerScorer, first) : [];
  return { results: ordered, topAnswer: top, keyPoints: points, onTopic, outcome };
}
