/**
 * Which calls a question is about: companies and periods named in it ("Amazon's CFO", "GE in Q1
 * 2020", "last quarter", "a year ago") or given as request filters (company, quarter, year, call).
 * Filters win over the question; "any" lifts what the question implies. A period the question
 * names that no call in scope has is dropped and reported, never a silent empty page; a request
 * filter that names nothing known is an error (the caller answers 400).
 */
import type { CallMeta } from '../../transcript/types.js';
import type { Company, CompanyDirectory, CompanyMention } from './companies.js';
import type { SpeakerMention } from './speaker-directory.js';
import { bareYearMention, yearAfterCompany, fiscalQuarterMention, listed, parseQuarter, periodLabel, periodMentions, quarterBefore, type Period, type PeriodMention } from './periods.js';
import { namedAlone, refersToSomeone, speaksAfter } from './person-reference.js';
import { ANY, type ConstraintSource, type Filters } from './query-plan.js';

/** A request filter that names nothing in the library; `known` lists what it could have been (bounded). */
export class UnknownScopeError extends Error {
  constructor(
    readonly field: 'company' | 'quarter' | 'call',
    readonly value: string,
    readonly known: string[],
    readonly total: number,
  ) {
    const more = total > known.length ? `, … (${total} in all)` : '';
    const detail =
      field === 'quarter' && known.length === 0
        ? 'quarter must look like "Q4 2025" or "2025Q4"'
        : // Company names hold commas ("Amazon.com, Inc."): a semicolon tells one from the next.
          `known: ${known.join(field === 'company' ? '; ' : ', ')}${more}`;
    super(`no ${field} matches "${value}" (${detail})`);
    this.name = 'UnknownScopeError';
  }
}

/** How many known values an UnknownScopeError lists. */
const KNOWN_LISTED = 20;

export interface CallScope {
  /** Companies the question or the request named (empty: every company). */
  companies: { company: Company; matched: string }[];
  /** The period named, as understood; null when none (or when it was dropped: see `droppedPeriod`). */
  period: { period: Period; matched: string; label: string } | null;
  /** Calls in scope; null = every call of the library. */
  callIds: Set<string> | null;
  /** What the question said that named companies and periods (removed from the topic). */
  spans: { start: number; end: number }[];
  sources: { company: ConstraintSource; period: ConstraintSource; call: ConstraintSource };
  /** A period the question named that no call in scope has: searched without it, or (of several named) with the others in `period`. */
  droppedPeriod: string | null;
  /** The question makes a company the speaker ("What did Monro say…", "How is GE doing…"): its management answers. */
  companySpeaks: boolean;
  /**
   * Companies whose name is the very words read as a person ("What did Culp say": GE's Larry Culp,
   * and Culp Inc.): not in scope, but where to look next if that person never discussed the topic.
   */
  shadowed: Company[];
}

function bounded(values: string[]): { known: string[]; total: number } {
  const unique = [...new Set(values)];
  return { known: unique.slice(0, KNOWN_LISTED), total: unique.length };
}

/** A company as an error lists it: its name with its ticker ("Amazon.com, Inc. (AMZN)"), the name alone when that is the ticker or there is none. */
function companyWithTicker(c: Pick<Company, 'name' | 'ticker'>): string {
  return c.ticker && c.ticker.toLowerCase() !== c.name.toLowerCase() ? `${c.name} (${c.ticker})` : c.name;
}

/**
 * The error for a company filter the library does not know: the known companies, one entry each as
 * name with ticker, bounded (search and call listing alike). A list of names and bare tickers side
 * by side read as twice the companies, with no telling which ticker was whose.
 */
export function unknownCompany(directory: CompanyDirectory, asked: string): UnknownScopeError {
  const { known, total } = bounded(directory.companies.map(companyWithTicker));
  return new UnknownScopeError('company', asked, known, total);
}

/** Words before a company mention that make it the subject of a question about people ("Amazon's CFO", "at Danaher"), used only to break a tie with a person's name. */
function readsAsCompany(q: string, m: CompanyMention): boolean {
  // "…ask Illumina", "…asked Monro's CEO": the company addressed is where the answer is.
  return /^['’](?:s\b|(?=\s))/.test(q.slice(m.end)) || /\b(at|from|of|for|ask|asks|asked|asking)\s+$/i.test(q.slice(0, m.start));
}

/** Calls of `companies` (all when empty) that the period names. */
function callsOf(period: Period, companies: readonly Company[]): CallMeta[] {
  if (period.kind === 'several') return [...new Set(period.periods.flatMap((p) => callsOf(p, companies)))];
  const out: CallMeta[] = [];
  for (const c of companies) {
    const known = c.calls.filter((m) => m.fiscalYear !== null);
    const latest = known.at(-1);
    switch (period.kind) {
      case 'quarter':
        out.push(...c.calls.filter((m) => m.fiscalQuarter === period.quarter && m.fiscalYear === period.year));
        break;
      case 'fiscal_quarter':
        out.push(...c.calls.filter((m) => m.fiscalQuarter === period.quarter));
        break;
      case 'year':
        out.push(...c.calls.filter((m) => m.fiscalYear === period.year));
        break;
      case 'latest':
        if (latest ?? c.calls.at(-1)) out.push((latest ?? c.calls.at(-1))!);
        break;
      case 'year_ago':
        if (latest) out.push(...known.filter((m) => m.fiscalYear === latest.fiscalYear! - 1 && m.fiscalQuarter === latest.fiscalQuarter));
        break;
    }
  }
  return out;
}

/** The period the question's mentions name together: the one, or each of several ("Q4 2019 and Q4 2020"), listed in `matched` and `label`. */
function namedTogether(mentions: readonly PeriodMention[]): NonNullable<CallScope['period']> {
  const p: Period = mentions.length === 1 ? mentions[0]!.period : { kind: 'several', periods: mentions.map((m) => m.period) };
  return { period: p, matched: listed(mentions.map((m) => m.matched)), label: periodLabel(p) };
}

export interface ScopeInput {
  /** The question, filler already dropped. */
  q: string;
  filters: Filters;
  /** A pasted question's words never become hard constraints. */
  pasted: boolean;
  /** People the question names (before any company scope): a word naming both a person and a company is the person there. */
  people: () => readonly SpeakerMention[];
  /** Whether the company's own calls say `phrase` ("Amazon Now", "Spire STL"): a name going on past the company's is one of its names. Absent: every capitalised word going on is. */
  saysName?: (company: Company, phrase: string) => boolean;
  /**
   * Whether a request filter gives way the companies the question named, as `company=any` would
   * lift them: a speaker filter naming someone of another company ("What did Amazon say about
   * pricing?" with speaker=Michele Buck). Asked once, of the question's companies.
   */
  liftsCompanies?: (companies: ReadonlySet<Company>) => boolean;
}

/** Words after a company's name that make it the scope, not part of the topic ("Amazon's", "Amazon CFO", "GE management"). */
const SCOPE_AFTER = /^\s*(?:['’](?:s\b|(?=\s))|(?:CEO|CFO|COO|CTO|IR|management|executives?|leadership|analysts?|call|earnings\s+call)\b)/iu;
/** Another party's possessive just before a company's name ("the mattress maker's Amazon business", "its Walmart sales"): the company is what that party deals with. */
const OWNED_BY_ANOTHER = /(?:\b(?!(?:what|that|it|there|here|who|how|where|when|why|let|he|she)['’])[\p{L}\p{N}]+['’]s?|\b(?:its|their))\s+$/iu;
/** Bought just before a company's name ("the newly bought Northwind Biopharma", "acquisition of Northwind"): the company is what another one acquired, not where to look. */
const ACQUIRED = /\b(?:bought|acquired|acquiring|purchased|buying|(?:acquisition|purchase|takeover|buyout)\s+of)\s+(?:the\s+|its\s+|their\s+)?$/iu;

/** The say-verb and preposition that open the subject of "what did X say about Y". */
const SAID_ABOUT = /\b(?:say|said|says|talk|talked|comment|commented|mention|mentioned|discuss|discussed|think|thinks|tell|told|note|noted)\s+(?:about|on|regarding|re)\b/i;
/** A capitalised word after it makes it part of a name ("Amazon Now", "Amazon Web Services"); one with digits is a period ("Q3", "H1"). */
const NAME_GOES_ON = /^\s+\p{Lu}(?![\p{L}]*\d)/u;
/** What a company's name is with or against when it stays in the topic ("partnership with Amazon", "share gains versus Walmart"). */
const PARTNER_BEFORE = /\b(?:with|and|versus|vs|against|than|like|or)\s+$/i;
/** The word after a company's name, past a colon or dash ("Argos: Haiti volumes", "KGHM - Sierra Gorda"). */
const NEXT_WORD = /^\s*[:–—-]?\s+([\p{L}\p{N}][\p{L}\p{N}'’&-]*)/u;

/** Whether the capitalised word after a mention continues one of the mentioned companies' names (see ScopeInput.saysName). */
function namesGoOn(m: CompanyMention, next: string, saysName: ScopeInput['saysName']): boolean {
  return !saysName || m.companies.some((c) => saysName(c, `${m.matched} ${next}`));
}

export function interpretCallScope(input: ScopeInput, directory: CompanyDirectory): CallScope {
  const { q, filters, pasted } = input;
  const sources: CallScope['sources'] = { company: 'none', period: 'none', call: 'none' };
  const spans: CallScope['spans'] = [];
  let companySpeaks = false;
  const shadowed: Company[] = [];
  /** The company mentions the question scopes to, where they stand ("MTN Ghana| 2020 EBITDA margin" ends before the year). */
  const inScope: { start: number; end: number }[] = [];

  // Companies: the request's, else the question's.
  let companies: CallScope['companies'] = [];
  if (filters.company && filters.company !== ANY) {
    const found = directory.resolve(filters.company);
    if (found.length === 0) throw unknownCompany(directory, filters.company);
    companies = found.map((company) => ({ company, matched: filters.company! }));
    sources.company = 'request';
  } else if (!pasted) {
    const mentions = directory.mentions(q);
    // People named in the question, except words that are part of a longer company name ("Keller" in "Keller Tools").
    const people = input.people().filter((p) => !mentions.some((m) => m.start <= p.start && m.end >= p.end && m.end - m.start > p.end - p.start));
    // Where the subject starts in "what did X say about Y": a company named there is what was talked about.
    const subjectStart = SAID_ABOUT.exec(q);
    for (const m of mentions) {
      // "Culp" is both GE's CEO and Culp Inc: in a speech frame ("what did Culp say") it is the person.
      // The longer match wins: "Brian Keller" is the person, "Keller Tools" the company.
      if (people.some((p) => p.start <= m.start && p.end >= m.end && p.end - p.start > m.end - m.start)) continue;
      // An analyst firm named like the company ("Santander") hides it only as "the Santander analyst":
      // otherwise the company's calls are what the library is.
      const firmAnalyst = /^\s+analysts?\b/i.test(q.slice(m.end));
      const sameWords = people.some((p) => p.start === m.start && p.end === m.end && (p.via !== 'firm' || firmAnalyst));
      // "Does Culp have a plan…": a name that is also one of its own people's ("Iv Culp" at Culp Inc)
      // is the company unless a speech frame follows it; the company's calls hold that person's words too.
      const ownPerson = people.some((p) => p.start === m.start && p.end === m.end && p.people.some((x) => m.companies.includes(x.company)));
      const companyActs = ownPerson && !speaksAfter(q, m.end) && !namedAlone(q, m.start, m.end);
      if (sameWords && !companyActs && refersToSomeone(q, m.start, m.end) && !readsAsCompany(q, m)) {
        shadowed.push(...m.companies);
        continue;
      }
      // "What did Paul say about yeti.com versus Amazon": a person named who is not at that company makes it a topic, not a scope.
      // Roles and firms name groups spread over companies ("the Morgan Stanley analyst"), not one person elsewhere.
      const elsewhere = people.some((p) => p.via !== 'role' && p.via !== 'firm' && !(p.start < m.end && p.end > m.start) && p.people.every((x) => !m.companies.includes(x.company)));
      if (elsewhere && !readsAsCompany(q, m)) continue;
      // "Why did the fabric maker's Amazon business get hurt?": Amazon is whom the maker sells to, not a call to search.
      if (OWNED_BY_ANOTHER.test(q.slice(0, m.start))) continue;
      // "Which life sciences group will run the newly bought GE Biopharma business?": another company bought it.
      if (ACQUIRED.test(q.slice(0, m.start))) continue;
      // "What did Amazon say about Yeti?": Yeti is what Amazon talked about, not a call to search, once a company before it speaks.
      if (subjectStart && m.start >= subjectStart.index + subjectStart[0].length && inScope.some((x) => x.end <= subjectStart.index)) continue;
      inScope.push(m);
      companies.push(...m.companies.map((company) => ({ company, matched: m.matched })));
      // The company's name leaves the topic where it names who speaks or where to look ("What did
      // Monro say", "Amazon's CFO", "growth at Nexstar", "adtran gross margin outlook", "when might
      // Telkom list its data centres"). It stays where it is part of the subject of "what did X say
      // about …" ("rebranding Monro stores"), what the subject is with or against ("partnership with
      // Amazon"), or where a name goes on that the company's calls say
      // ("Amazon Now", "Spire STL pipeline"; "Argos Haiti volumes" is Argos's Haiti).
      const before = q.slice(0, m.start);
      const after = q.slice(m.end);
      const speaks = !NAME_GOES_ON.test(after) && refersToSomeone(q, m.start, m.end);
      // "the Mosaic call": the word "call" goes with the name.
      const callWords = /^\s+(?:earnings\s+|conference\s+)?call\b/i.exec(after)?.[0].length ?? 0;
      const next = NEXT_WORD.exec(after);
      const inSubject = subjectStart !== null && m.start >= subjectStart.index + subjectStart[0].length;
      const partner = PARTNER_BEFORE.test(before);
      const nameGoesOn = next !== null && NAME_GOES_ON.test(after) && namesGoOn(m, next[1]!, input.saysName);
      const whereToLook = !inSubject && !partner && !nameGoesOn;
      if (SCOPE_AFTER.test(after) || readsAsCompany(q, m) || speaks || whereToLook) spans.push({ start: m.start, end: m.end + callWords });
      if (speaks) companySpeaks = true;
    }
    if (companies.length > 0) sources.company = 'query';
    if (filters.company === ANY || (companies.length > 0 && input.liftsCompanies?.(new Set(companies.map((c) => c.company))))) {
      companies = [];
      companySpeaks = false;
      sources.company = 'request';
    }
  } else if (filters.company === ANY) sources.company = 'request';

  // The companies whose calls a period picks among: those named, else those of the people named by
  // name ("What did Larry Culp say in 2020…" is GE's 2020, as without a period it is GE's calls),
  // else the whole library's. A role or a firm names people of many companies: no narrowing.
  const peopleCompanies = companies.length > 0 ? [] : namedPeoplesCompanies(input.people());
  const companiesInScope = companies.length > 0 ? [...new Set(companies.map((c) => c.company))] : peopleCompanies.length > 0 ? peopleCompanies : directory.companies;

  // Period: the request's quarter/year, else the question's.
  // Where the question's period words start in `spans`: they go back into the topic if no call has the period.
  const periodSpansFrom = spans.length;
  let period: CallScope['period'] = null;
  /** The periods the question named, each once, when it named any (not an outlook's). */
  let named: PeriodMention[] = [];
  /** The request's own filters name no call together: nothing is searched, and the notice names them. */
  let filtersContradict = false;
  if (filters.quarter && filters.quarter !== ANY) {
    const parsed = parseQuarter(filters.quarter);
    if (!parsed) throw new UnknownScopeError('quarter', filters.quarter, [], 0);
    const p: Period = { kind: 'quarter', ...parsed };
    period = { period: p, matched: filters.quarter, label: periodLabel(p) };
    sources.period = 'request';
    // "quarter=Q3 2020&year=2025": two filters no call meets together (the year was ignored).
    if (typeof filters.year === 'number' && filters.year !== parsed.year) filtersContradict = true;
  } else if (filters.year !== undefined && filters.year !== ANY) {
    const p: Period = { kind: 'year', year: filters.year };
    period = { period: p, matched: String(filters.year), label: periodLabel(p) };
    sources.period = 'request';
  } else if (!pasted && filters.quarter !== ANY && filters.year !== ANY) {
    const mentions: PeriodMention[] = periodMentions(q);
    const first = mentions[0];
    const said = mentions.filter((m) => !m.forecast);
    if (first?.forecast && (said.length === 0 || first.period.kind === 'quarter')) {
      // "revenue guidance for Q4 2020": the call before that quarter gave it, if the library has it;
      // else whichever call did. The period stays in the topic: it says which figure is asked for.
      if (first.period.kind === 'quarter') {
        const before = quarterBefore(first.period);
        if (callsOf(before, companiesInScope).length > 0) {
          period = { period: before, matched: first.matched, label: `${periodLabel(before)}, the outlook for ${periodLabel(first.period)}` };
          sources.period = 'query';
        }
      }
    } else if (said.length > 0) {
      // Every period named, not only the first ("Telkom Q4 2019 and Q4 2020": the calls of both);
      // one an outlook is for ("…and guidance for Q1 2021", "capex guided for 2019 with the 2018
      // results") says which figure, and stays in the topic.
      named = said.filter((m, i) => said.findIndex((o) => periodLabel(o.period) === periodLabel(m.period)) === i);
      period = namedTogether(named);
      sources.period = 'query';
      for (const m of named) if (!m.cumulative) spans.push({ start: m.start, end: m.end });
    } else {
      // "What did YETI say in Q3": that company's calls of the quarter, when it has any.
      // "What did Amazon say in 2025 about AWS": the calls of that fiscal year, when any is in scope.
      // "MTN Ghana 2020 EBITDA margin": a year right after the company's name is that company's year.
      const bare = (companies.length > 0 ? fiscalQuarterMention(q) : null) ?? bareYearMention(q) ?? (companies.length > 0 ? yearAfterCompany(q, inScope.map((m) => m.end)) : null);
      if (bare && callsOf(bare.period, companiesInScope).length > 0) {
        period = { period: bare.period, matched: bare.matched.trim(), label: periodLabel(bare.period) };
        sources.period = 'query';
        if (!bare.cumulative) spans.push({ start: bare.start, end: bare.end });
      }
    }
  } else sources.period = 'request';

  // Calls: an explicit call wins; otherwise the companies and the period narrow the library.
  let callIds: Set<string> | null = null;
  let droppedPeriod: string | null = null;
  if (filters.call && filters.call !== ANY) {
    const all = directory.companies.flatMap((c) => c.calls);
    if (!all.some((m) => m.id === filters.call)) {
      const { known, total } = bounded(all.map((m) => m.id));
      throw new UnknownScopeError('call', filters.call, known, total);
    }
    // The call is one company's call of one period. A company or period the question implied that
    // it is not gives way to it, as an implied constraint gives way to any filter; one the request
    // gave contradicts it: nothing meets both. (Both used to stay in `interpreted` while the call's
    // passages were shown: "Hershey" in scope, Amazon's call searched.)
    const owner = directory.companyOf(filters.call);
    const companyFits = companies.length === 0 || companies.some((c) => c.company === owner);
    const periodFits = !period || (owner !== undefined && callsOf(period.period, [owner]).some((m) => m.id === filters.call));
    if (!companyFits && sources.company === 'query') {
      companies = [];
      companySpeaks = false;
      sources.company = 'none';
    }
    if (!periodFits && sources.period === 'query') {
      period = null;
      sources.period = 'none';
      spans.splice(periodSpansFrom);
    }
    if ((!companyFits && sources.company === 'request') || (!periodFits && sources.period === 'request')) filtersContradict = true;
    callIds = new Set(filtersContradict ? [] : [filters.call]);
    sources.call = 'request';
  } else if (filtersContradict) {
    if (filters.call === ANY) sources.call = 'request';
    callIds = new Set();
  } else {
    if (filters.call === ANY) sources.call = 'request';
    // Of several periods named, those no call in scope has are dropped and reported, the others
    // searched. Named beside one that is searched, they said when too: their words stay out of the topic.
    const held = named.filter((m) => callsOf(m.period, companiesInScope).length > 0);
    if (held.length > 0 && held.length < named.length) {
      droppedPeriod = listed(named.filter((m) => !held.includes(m)).map((m) => m.matched));
      period = namedTogether(held);
    }
    if (period) {
      const calls = callsOf(period.period, companiesInScope);
      if (calls.length > 0 || sources.period === 'request') callIds = new Set(calls.map((m) => m.id));
      else {
        // The question named a period no call in scope has: search without it, and say so.
        droppedPeriod = period.matched;
        period = null;
        sources.period = 'none';
        // Then it was most likely what they asked about ("guidance for Q1 2026", "second-half outlook"): keep it in the topic.
        spans.splice(periodSpansFrom);
      }
    }
    if (!callIds && companies.length > 0) callIds = new Set(companiesInScope.flatMap((c) => c.calls.map((m) => m.id)));
  }
  return { companies, period, callIds, spans, sources, droppedPeriod, companySpeaks, shadowed };
}

/** The companies of the people a question names by name (not by role or firm), each once. */
function namedPeoplesCompanies(mentions: readonly SpeakerMention[]): Company[] {
  return [...new Set(mentions.filter((m) => m.via !== 'role' && m.via !== 'firm').flatMap((m) => m.people.map((p) => p.company)))];
}
