import type { Section, Side } from '../../transcript/types.js';
import type { Company } from './companies.js';
import type { FactQuestion } from './fact-question.js';
import type { TimingQuestion } from './timing-question.js';
import type { Period } from './periods.js';
import type { Correction } from './spelling.js';
import type { Person } from './speaker-directory.js';

/** The query-understanding stage's output: everything later stages need to know about the question. */

export type Intent = 'speaker_topic' | 'who_asked' | 'speaker_question' | 'topic';

/** Explicit request filters; "any" lifts a constraint the query implies. */
export const ANY = 'any';
export interface Filters {
  speaker?: string;
  side?: Side | typeof ANY;
  section?: Section | typeof ANY;
  /** A company's name, short name, ticker or key. */
  company?: string;
  /** A fiscal quarter: "Q4 2025", "2025Q4". */
  quarter?: string;
  /** A fiscal year. */
  year?: number | typeof ANY;
  /** A call id. */
  call?: string;
}

/** Who the question names, and by which words. */
export interface NamedPerson {
  person: Person;
  matched: string;
}

export type ConstraintSource = 'query' | 'request' | 'none';

/** The question as understood: what to match, and which passages may answer. */
export interface QueryPlan {
  intent: Intent;
  /** The subject once speaker and question scaffolding are removed ('' when nothing is left). */
  topic: string;
  /** Text to embed: the topic, or the whole query when no speaker words were removed. */
  matchText: string;
  /** Text to match lexically: matchText plus the other form of finance abbreviations it uses. */
  lexicalText: string;
  /**
   * Text to embed: matchText, with the long form of any abbreviation it uses appended (the model
   * knows "capital expenditures" far better than "capex").
   */
  embedText: string;
  speakers: NamedPerson[];
  /** speakerKey()s the answer must come from (the named people's appearances on the calls in scope); null = anyone. */
  speakerKeys: Set<string> | null;
  /**
   * A name matched people of several companies and nothing scoped it ("Brian"): the answer comes from
   * whichever of them the rest of the question fits best, and the response says so.
   */
  choosePerson: boolean;
  /** A role named without a company ("the CFO"): every company's, results grouped by company. */
  groupByCompany: boolean;
  /** Companies in scope (named in the question or the request); empty = every company. */
  companies: { company: Company; matched: string }[];
  /** The companies the question compares, one group of calls per name it says (`comparedCompanies`); null unless two or more. */
  compared: { key: string; callIds: ReadonlySet<string> }[] | null;
  /** The period in scope, as understood. */
  period: { period: Period; matched: string; label: string } | null;
  /** Calls the answer must come from; null = every call. */
  callIds: ReadonlySet<string> | null;
  /** A period the question named that no call in scope has: searched without it. */
  droppedPeriod: string | null;
  /** Names in the question that match no company, person, firm or role in scope: left out of the topic, searched without. */
  unmatched: string[];
  side: Side | null;
  section: Section | null;
  /** Only analysts' question passages (who asked / what did X ask). */
  questionsOnly: boolean;
  source: ConstraintSource;
  /** Where each constraint came from, so a UI can show what was inferred and offer to clear it. */
  sources: {
    speaker: ConstraintSource;
    side: ConstraintSource;
    section: ConstraintSource;
    company: ConstraintSource;
    period: ConstraintSource;
    call: ConstraintSource;
  };
  /** Asks for a figure ("how many…", "what was revenue…"): what is counted; null otherwise. */
  figureTerms: string[] | null;
  /** Asks for a fact (a metric's value): what to look for in the answer sentence; null for opinions and summaries. */
  fact: FactQuestion | null;
  /** Asks when, or for how long ("when will the plant be profitable", "how long will the cash last"); null otherwise. */
  timing: TimingQuestion | null;
  /** A yes/no question's verb as a lexical term ("did X buy back…" → the stem of "buy"; yes-no-question.ts); null otherwise. */
  verb: string | null;
  /** The topic as typed, before spelling correction (equal to `topic` when nothing was corrected). */
  typedTopic: string;
  /** Misspelt words corrected in the topic. */
  corrections: Correction[];
  /** The query reads as a pasted analyst question (filler dropped, names only favour passages). */
  pasted: boolean;
  /** People named inside a pasted question: their passages are favoured, not required. */
  boosted: NamedPerson[];
  boostKeys: Set<string> | null;
  /** A company described rather than named ("which steelmaker said…"): the description; null otherwise. */
  described: string | null;
  /** Taken literally (the eval's plain baselines): results stay in retrieval order, nothing is moved up or down. */
  literal: boolean;
}

export class UnknownSpeakerError extends Error {
  constructor(
    readonly phrase: string,
    message = `no participant matches speaker "${phrase}"`,
  ) {
    super(message);
    this.name = 'UnknownSpeakerError';
  }
}

/** The query taken literally: no speakers, intents, filters or expansions (the eval's plain baselines). */
export function literalPlan(query: string): QueryPlan {
  return {
    intent: 'topic',
    topic: query,
    matchText: query,
    lexicalText: query,
    embedText: query,
    speakers: [],
    speakerKeys: null,
    choosePerson: false,
    groupByCompany: false,
    companies: [],
    compared: null,
    period: null,
    callIds: null,
    droppedPeriod: null,
    unmatched: [],
    side: null,
    section: null,
    questionsOnly: false,
    source: 'none',
    sources: { speaker: 'none', side: 'none', section: 'none', company: 'none', period: 'none', call: 'none' },
    figureTerms: null,
    fact: null,
    timing: null,
    verb: null,
    typedTopic: query,
    corrections: [],
    pasted: false,
    boosted: [],
    boostKeys: null,
    described: null,
    literal: true,
  };
}

/** The question is about what analysts asked ("who asked about…", "what did X ask"), not what was answered. */
export function asksAboutQuestions(plan: Pick<QueryPlan, 'questionsOnly' | 'intent'>): boolean {
  return plan.questionsOnly || plan.intent === 'who_asked' || plan.intent === 'speaker_question';
}

/**
 * The companies a question compares ("how do Amex and Hershey see…"): one group per name it says,
 * holding the calls of every company that name matched ("Argos" is one name, though the library
 * files its calls under two companies); null unless two or more names are said.
 */
export function comparedCompanies(plan: Pick<QueryPlan, 'companies'>): { key: string; callIds: ReadonlySet<string> }[] | null {
  const byName = new Map<string, Set<string>>();
  for (const { company, matched } of plan.companies) {
    const key = matched.toLowerCase();
    const calls = byName.get(key) ?? new Set<string>();
    for (const id of company.callIds) calls.add(id);
    byName.set(key, calls);
  }
  return byName.size > 1 ? [...byName].map(([key, callIds]) => ({ key, callIds })) : null;
}
