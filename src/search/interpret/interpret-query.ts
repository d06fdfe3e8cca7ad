import { englishWords } from '../../transcript/english-words.js';
import type { Section, Side } from '../../transcript/types.js';
import { factQuestionOf } from './fact-question.js';
import { timingQuestionOf } from './timing-question.js';
import { yesNoVerb } from './yes-no-question.js';
import { figureTermsOf } from './figure-question.js';
import { expandAbbreviations, expandFinanceTerms } from './finance-terms.js';
import { interpretCallScope } from './call-scope.js';
import type { Company } from './companies.js';
import { ANY, comparedCompanies, UnknownSpeakerError, type ConstraintSource, type Filters, type Intent, type NamedPerson, type QueryPlan } from './query-plan.js';
import { dropFiller, readsAsPastedQuestion } from './pasted-question.js';
import { refersToSomeone } from './person-reference.js';
import { sideOf, type Person, type SpeakerDirectory, type SpeakerMention } from './speaker-directory.js';
import type { Spelling } from './spelling.js';
import { ASKED, ASKER, correctFrameWords, describedFrame, firmBesideAnalyst, ON_THE_CALL, PREPARED_WORDS, QA_WORDS, subjectFrame, WHO_ASKED } from './question-frames.js';
import { cleanEdges, removeSpans, stripScaffold } from './topic-text.js';

// Groups of speakers. Each counts only where it refers to people (person-reference.ts):
// "what did management say" sets the company side, "inventory management" does not.
/** The sell side: "analysts", "the Street". */
const GROUP_ANALYSTS = /\b(analysts?|the\s+street|sell[-\s]?side)\b/gi;
/** The company's side: "management", "executives", "leadership", "the company" (a company's name before them is skipped by the reference check). */
const GROUP_COMPANY = /\b(management|executives?|execs?|the\s+company|leadership)\b/gi;
/** The call's operator: "the operator said", not "which cable operator". */
const GROUP_OPERATOR = /\boperator\b/gi;
/** Where a group word refers to people in `q`, if anywhere. */
function groupReference(q: string, re: RegExp, companyWords: ReadonlySet<string>): { start: number; end: number } | null {
  for (const m of q.matchAll(re)) {
    if (refersToSomeone(q, m.index, m.index + m[0].length, { companyWords })) return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}

/** Mentions that can be ordinary words or parts of other names: first names, nicknames, roles, and typo matches ("loose" is a word, not a misspelt Lohse). */
const GUARDED_VIAS: ReadonlySet<SpeakerMention['via']> = new Set(['first', 'nickname', 'role', 'fuzzy']);
/** Mentions that name someone whatever the words around them: a full name, a role, a firm. */
const UNMISTAKABLE_VIAS: ReadonlySet<SpeakerMention['via']> = new Set(['full', 'role', 'firm']);

/** A speaker a call names by one word only ("Bill", "Hector") is as guarded as a first name: "infrastructure bill" names nobody. */
const oneWordName = (m: SpeakerMention): boolean => m.via === 'full' && !/\s/.test(m.matched.trim());
/** One word of a firm's name that is also an English word ("Wolf" of Wolf Research) may name something else: "Arctic Wolf funding round". */
const wordOfFirm = (m: SpeakerMention): boolean => m.via === 'firm' && /^\p{L}+$/u.test(m.matched.trim()) && englishWords().has(m.matched.trim().toLowerCase());
const guarded = (m: SpeakerMention): boolean => GUARDED_VIAS.has(m.via) || oneWordName(m) || wordOfFirm(m);
const unmistakable = (m: SpeakerMention): boolean => UNMISTAKABLE_VIAS.has(m.via) && !oneWordName(m) && !wordOfFirm(m);

export interface InterpretOptions {
  /** Corrects misspelt topic words against the calls' vocabulary. */
  spelling?: Spelling;
}

/** The named people's appearances on the calls in scope, as speakerKey()s. */
function keysOf(people: readonly NamedPerson[], callIds: ReadonlySet<string> | null): Set<string> {
  const keys = new Set<string>();
  for (const { person } of people) {
    for (const r of person.refs) if (!callIds || callIds.has(r.callId)) keys.add(r.key);
  }
  return keys;
}

const companiesOf = (people: readonly Person[]) => new Set(people.map((p) => p.company));

/**
 * Names of people who only share one company ("what did Tom say about Rainer's record", with a
 * Tom at several companies and a Rainer at one): each name means its person at the companies all
 * the names share. Names with nothing in common, or all at one company, stay as they are.
 */
function sharedCompany(mentions: SpeakerMention[]): SpeakerMention[] {
  const names = mentions.filter((m) => m.via !== 'role' && m.via !== 'firm');
  if (names.length < 2) return mentions;
  const sets = names.map((m) => companiesOf(m.people));
  const shared = [...sets[0]!].filter((c) => sets.every((s) => s.has(c)));
  if (shared.length === 0 || sets.every((s) => s.size === shared.length)) return mentions;
  return mentions.map((m) => (names.includes(m) ? { ...m, people: m.people.filter((p) => shared.includes(p.company)) } : m));
}

/**
 * Work out who the question is about and what it asks. Pure: the directory supplies
 * names, roles and firms from the indexed calls; explicit filters win over inference.
 */
export function interpretQuery(query: string, directory: SpeakerDirectory, filters: Filters = {}, opts: InterpretOptions = {}): QueryPlan {
  const typed = correctFrameWords(query.replace(/\s+/g, ' ').trim());
  const companyWords = directory.companyWords();
  // A pasted analyst question: its filler goes, and nothing in it becomes a hard constraint.
  const pasted = readsAsPastedQuestion(typed);
  const q = pasted ? dropFiller(typed) : typed;
  const referring = (m: SpeakerMention) => !guarded(m) || refersToSomeone(q, m.start, m.end, { companyWords });
  // People named anywhere in the library, looked up once: the call scope and the unmatched names both read them.
  let anywhere: SpeakerMention[] | null = null;
  const readAnywhere = (): SpeakerMention[] => (anywhere ??= directory.mentions(q));
  let named: SpeakerMention[] | null = null;
  const namedAnywhere = (): SpeakerMention[] => (named ??= readAnywhere().filter(referring));
  // "What did Amazon say about pricing?" with speaker=Michele Buck (Hershey's CEO): the filter wins
  // over the company the question implied, as any filter does; that company is lifted as by company=any.
  const speakerFilter = filters.speaker && filters.speaker !== ANY ? filters.speaker : null;
  const liftsCompanies = speakerFilter ? (named: ReadonlySet<Company>) => directory.resolve(speakerFilter, named).length === 0 && directory.resolve(speakerFilter).length > 0 : undefined;
  // Which calls: companies and periods named in the question or the request.
  const scope = interpretCallScope({ q, filters, pasted, people: namedAnywhere, saysName: directory.saysName?.bind(directory), liftsCompanies }, directory.companies);
  const scopeCompanies: ReadonlySet<Company> | undefined = scope.companies.length > 0 ? new Set(scope.companies.map((c) => c.company)) : undefined;
  const overlapsScope = (m: SpeakerMention) => scope.spans.some((s) => s.start < m.end && s.end > m.start);
  // People: only those of the companies in scope ("Amazon's CFO" is Amazon's).
  // With no company in scope that is the same read as the library-wide one.
  const mentions = sharedCompany((scopeCompanies ? directory.mentions(q, scopeCompanies) : readAnywhere()).filter((m) => referring(m) && !overlapsScope(m)));
  const whoAsked = !pasted && WHO_ASKED.test(q);

  let speakers: NamedPerson[] = mentions.flatMap((m) => m.people.map((person) => ({ person, matched: m.matched })));
  // "Who asked Jassy about X": the named person is the one answering, not the asker; keep the analyst
  // focus, on the calls that person answers on (not every company's analysts).
  const addressed = whoAsked && !pasted ? speakers.filter((s) => s.person.side !== 'analyst') : [];
  if (whoAsked) speakers = speakers.filter((s) => s.person.side === 'analyst');
  // People named inside a pasted question — the greeting included ("Hi Brett, hi Brian") — are
  // addressed, not filters: their passages are favoured only.
  const boosted: NamedPerson[] = pasted ? directory.mentions(typed).flatMap((m) => m.people.map((person) => ({ person, matched: m.matched }))) : [];
  if (pasted) speakers = [];
  // Nothing scoped the name to one company: a role means every company's ("the CFO"), a name means
  // the one person the rest of the question fits best ("Brian").
  const spread = !scopeCompanies && companiesOf(speakers.map((s) => s.person)).size > 1;
  const groupByCompany = spread && mentions.every((m) => m.via === 'role');
  const choosePerson = spread && !groupByCompany;

  let side: Side | null = null;
  let section: Section | null = null;
  const spans: { start: number; end: number }[] = pasted ? [...scope.spans] : [...scope.spans, ...mentions.map((m) => ({ start: m.start, end: m.end }))];
  if (!pasted) {
    const operator = groupReference(q, GROUP_OPERATOR, companyWords);
    const analysts = groupReference(q, GROUP_ANALYSTS, companyWords);
    const company = groupReference(q, GROUP_COMPANY, companyWords);
    if (operator) side = 'operator';
    else if (analysts && speakers.length === 0) side = 'analyst';
    // "What did management say", and "What did Monro say" (the company as the speaker): its executives.
    else if ((company || scope.companySpeaks) && speakers.length === 0) side = 'company';
    if (QA_WORDS.test(q)) section = 'qa';
    else if (PREPARED_WORDS.test(q)) section = 'prepared_remarks';
    for (const span of [operator, analysts, company]) if (span) spans.push(span);
    for (const re of [QA_WORDS, PREPARED_WORDS]) {
      const m = re.exec(q);
      if (m) spans.push({ start: m.index, end: m.index + m[0].length });
    }
    // "on the earnings call": where it was said, not what about.
    for (const m of q.matchAll(ON_THE_CALL)) spans.push({ start: m.index, end: m.index + m[0].length });
    // "a private investor asking about buybacks": who asked, by what they are, is not what about.
    const asker = whoAsked ? ASKER.exec(q) : null;
    if (asker) spans.push({ start: asker.index, end: asker.index + asker[0].length });
  }

  // "What did Sheridan ask Jassy about?": the analyst asks, the executive is only addressed.
  if (!pasted && !whoAsked && ASKED.test(q) && speakers.some((s) => s.person.side === 'analyst')) {
    speakers = speakers.filter((s) => s.person.side === 'analyst');
  }
  const speakerSide = sideOf(speakers.map((s) => s.person));
  let intent: Intent = 'topic';
  let questionsOnly = false;
  if (whoAsked) {
    intent = 'who_asked';
    side = 'analyst';
    section = 'qa';
    questionsOnly = true;
  } else if (speakers.length > 0 && speakerSide === 'analyst' && ASKED.test(q)) {
    intent = 'speaker_question';
    questionsOnly = true;
  } else if (speakers.length > 0) {
    intent = 'speaker_topic';
  } else if (!pasted && side === 'analyst' && ASKED.test(q)) {
    intent = 'who_asked';
    questionsOnly = true;
  }

  // Names the question uses that nothing in scope matches ("the Morgan Stanley analyst" on a call
  // none spoke on): out of the topic, and reported. Only unambiguous kinds: a surname or first name
  // of someone elsewhere may be an ordinary word here ("Reese's").
  const unmatched: string[] = [];
  if (!pasted && scopeCompanies) {
    for (const m of namedAnywhere()) {
      if (!unmistakable(m) || overlapsScope(m) || mentions.some((x) => x.start < m.end && x.end > m.start)) continue;
      unmatched.push(m.matched);
      spans.push({ start: m.start, end: m.end });
    }
  }
  // "The analyst from Bank of America" where no analyst's firm is that: reported, not searched as words.
  if (!pasted && side === 'analyst' && speakers.length === 0) {
    const firm = firmBesideAnalyst(q);
    if (firm && !spans.some((sp) => sp.start < firm.end && sp.end > firm.start)) {
      unmatched.push(firm.text);
      spans.push({ start: firm.start, end: firm.end });
    }
  }
  // Frames whose subject is all that is searched for: "Which company talked about X", and "What
  // did X say about Y" where X named nobody above.
  let subject: string | null = null;
  let described: string | null = null;
  if (!pasted && intent === 'topic' && spans.length === 0 && side === null) {
    const frame = subjectFrame(q);
    const describing = frame ? null : describedFrame(q);
    if (describing) {
      // "Which steelmaker said X": X is searched; the description may point to one company (retrieve/brand.ts).
      subject = describing.subject;
      described = describing.described;
    }
    if (frame) {
      subject = frame.subject;
      // A name no company, person or firm goes by, yet the calls say it ("What did LG Display say…" of
      // a call its source files under a ticker, LPL): a company described, found by its words
      // (retrieve/brand.ts), not a name that matched nothing.
      if (frame.unknownName && !frame.asks && directory.saysAnywhere?.(frame.unknownName)) described = frame.unknownName;
      else if (frame.unknownName) unmatched.push(frame.unknownName);
      // Someone asked: what the analysts asked about it, whoever they were.
      if (frame.asks) {
        intent = 'who_asked';
        side = 'analyst';
        section = 'qa';
        questionsOnly = true;
      }
    }
  }

  const framed = intent !== 'topic' || spans.length > 0 || subject !== null;
  const asTyped = subject !== null ? cleanEdges(stripScaffold(cleanEdges(subject))) : framed ? cleanEdges(stripScaffold(cleanEdges(removeSpans(q, spans)))) : cleanEdges(q);
  // Typos in the topic, corrected to the words the calls use ("robtics" → "robotics").
  const spelled = opts.spelling?.correctText(asTyped) ?? { text: asTyped, corrections: [] };
  const topic = spelled.text;
  const sources: QueryPlan['sources'] = {
    speaker: speakers.length > 0 ? 'query' : 'none',
    side: side ? 'query' : 'none',
    section: section ? 'query' : 'none',
    ...scope.sources,
  };

  // Explicit filters override inference.
  if (filters.speaker === ANY) {
    speakers = [];
    if (intent === 'speaker_topic') intent = 'topic';
    if (intent === 'speaker_question') intent = 'who_asked';
    sources.speaker = 'request';
  } else if (filters.speaker) {
    const people = directory.resolve(filters.speaker, scopeCompanies);
    if (people.length === 0) {
      const elsewhere = scopeCompanies ? directory.resolve(filters.speaker) : [];
      // Against a company filter (a company the question implied was lifted above), the two
      // contradict: say so, not that nobody goes by the name.
      if (elsewhere.length > 0) {
        const theirs = [...new Set(elsewhere.map((p) => p.company.name))].join(', ');
        throw new UnknownSpeakerError(filters.speaker, `speaker "${filters.speaker}" is not on the calls in scope (${[...scopeCompanies!].map((c) => c.name).join(', ')}): they speak on ${theirs}'s calls`);
      }
      throw new UnknownSpeakerError(filters.speaker);
    }
    speakers = people.map((person) => ({ person, matched: filters.speaker! }));
    if (intent === 'topic' || intent === 'who_asked') intent = sideOf(people) === 'analyst' && questionsOnly ? 'speaker_question' : 'speaker_topic';
    sources.speaker = 'request';
  }
  if (filters.side) {
    side = filters.side === ANY ? null : filters.side;
    // Lifting the analyst side lifts "questions only" with it.
    if (filters.side !== 'analyst') questionsOnly = false;
    if (intent === 'who_asked' && !questionsOnly) intent = 'topic';
    sources.side = 'request';
  }
  if (filters.section) {
    section = filters.section === ANY ? null : filters.section;
    sources.section = 'request';
  }
  const all = Object.values(sources);
  const source: ConstraintSource = all.includes('request') ? 'request' : all.includes('query') ? 'query' : 'none';

  const matchText = framed && topic ? topic : spelled.corrections.length > 0 ? topic : q;
  const figureTerms = figureTermsOf(q);
  const spokenNames = new Set(speakers.flatMap((s) => s.matched.toLowerCase().split(/\s+/)));
  const fact = factQuestionOf(q, { has: (w) => companyWords.has(w) || spokenNames.has(w) }, figureTerms);
  return {
    intent,
    topic,
    matchText,
    lexicalText: expandFinanceTerms(matchText),
    embedText: expandAbbreviations(matchText),
    speakers,
    speakerKeys: speakers.length > 0 ? keysOf(speakers, scope.callIds) : null,
    // Named people without a company or call: their calls are the scope, so "X did not discuss it"
    // shows what others said on those calls, not anywhere in the library.
    // The named people's calls — and those of a company their name also is ("Culp"), which only the
    // broader pool reaches: where to look when that person never discussed the topic.
    callIds:
      scope.callIds ??
      (sources.speaker === 'query' && speakers.length > 0
        ? new Set([...speakers.flatMap((s) => s.person.refs.map((r) => r.callId)), ...scope.shadowed.flatMap((c) => c.calls.map((m) => m.id))])
        : addressed.length > 0 && !filters.speaker
          ? new Set(addressed.flatMap((s) => s.person.refs.map((r) => r.callId)))
          : null),
    choosePerson: choosePerson && sources.speaker === 'query',
    groupByCompany: groupByCompany && sources.speaker === 'query',
    companies: scope.companies,
    compared: comparedCompanies(scope),
    period: scope.period,
    droppedPeriod: scope.droppedPeriod,
    unmatched,
    side,
    section,
    questionsOnly,
    source,
    sources,
    figureTerms: figureTerms ?? (fact && fact.metric.length > 0 ? [...new Set(fact.metric.flat())] : null),
    fact,
    // A pasted analyst question asks several things; its exchange's answers are shown whatever they state.
    timing: pasted ? null : timingQuestionOf(q),
    verb: pasted ? null : yesNoVerb(q, spans),
    typedTopic: asTyped,
    corrections: spelled.corrections,
    pasted,
    boosted,
    boostKeys: boosted.length > 0 ? keysOf(boosted, null) : null,
    described,
    literal: false,
  };
}
