/**
 * Companies of the library and how people name them: full name, the name without its legal form
 * ("Amazon.com, Inc." → "amazon"), a distinctive first word ("Kuehne"), initials written in capitals
 * ("GE"), the two-letter contraction of a two-word name ("AmEx"), the ticker, and a distinctive name
 * with one typo ("Nexstar" for Nextar), and the names a call gives it in its welcome ("FEMSA") or its
 * investor website's address ("ifeng"). Built once per index; looking a query up is a walk over its
 * words with map lookups (nothing scans the library).
 */
import { editDistance } from './edit-distance.js';
import { JOINED_LINE_ITEMS } from './finance-terms.js';
import type { CallMeta } from '../../transcript/types.js';
import { englishWords } from '../../transcript/english-words.js';
import { bareForm, LEGAL_FORMS, ORGANISATION_WORDS } from '../../transcript/legal-forms.js';

export interface Company {
  /** Stable key: the lowercased ticker when known, else the core of the name ("general-electric"). */
  key: string;
  /** As the latest call writes it. */
  name: string;
  ticker: string | null;
  /** This company's calls, oldest first (fiscal year and quarter, then date; unknown periods first). */
  calls: CallMeta[];
  /** The same calls' ids, for membership tests (made once, not per query). */
  callIds: ReadonlySet<string>;
}

export type CompanyVia = 'name' | 'short' | 'ticker' | 'initials' | 'fuzzy';

export interface CompanyMention {
  companies: Company[];
  /** The words of the query that named it, as written. */
  matched: string;
  start: number;
  end: number;
  via: CompanyVia;
}

interface Alias {
  company: Company;
  via: CompanyVia;
  /** Only when written with a capital (a short name that is also an English word: "Spire", "Mosaic"), or in capitals (initials, short tickers: "GE"). */
  caseRule: 'any' | 'capital' | 'upper';
}

/** Legal forms, organisational words and filler that are not the company's identity. */
const LEGAL_WORDS = new Set([...LEGAL_FORMS, ...ORGANISATION_WORDS].map(bareForm).concat(['companies', 'com', 'the']));

interface Word {
  norm: string;
  /** Another spelling the word may stand for in a name: "Pilgrim's" is "pilgrim" or "pilgrims" ("Pilgrims Pride Corp"). */
  alt?: string;
  raw: string;
  start: number;
  end: number;
}

/** Connectors a name may write as "&", "+" or "and", or leave out ("Kuehne + Nagel", "Kuehne Nagel"): never part of a key. */
const CONNECTOR = 'and';
/** Words after which a lowercase name is a company's ("what did mosaic say", "growth at nexstar"). */
const COMPANY_BEFORE = new Set(['did', 'does', 'do', 'at', 'from']);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** In a question, initials joined by "&" or "+" are one word ("IS&S", "AT&T", "K+N"). */
const QUERY_WORD = /\p{Lu}+(?:[&+]\p{Lu}+)+(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** Initials joined by "+" are joined by "&" ("K+N" as "K&N"). */
const joinedInitials = (word: string): boolean => /[&+]/.test(word);

function fold(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
}

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.replace(/&/g, ' and ').matchAll(WORD)) {
    // '&' became ' and ' (5 characters for 1): offsets are only used for text we did not rewrite.
    out.push({ norm: fold(m[0]), raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Query words with offsets into the text as given (possessive 's outside the span: "Amazon's"); connectors left out. */
function queryWords(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(QUERY_WORD)) {
    const possessive = /['’]s$/i.test(m[0]);
    const raw = possessive ? m[0].slice(0, -2) : m[0];
    const norm = fold(raw).replace(/\+/g, '&');
    // A connector, or a line item written as joined initials ("G&A expenses"), names no company.
    if (norm === CONNECTOR || (raw.includes('&') && JOINED_LINE_ITEMS.has(norm))) continue;
    // "Macy's" may be the name ("macys"); "hersheys", "reddys" a possessive typed without its apostrophe;
    // initials typed with their connector also name a company whose recorded name lost it ("K+N" for "Kuehne Nagel").
    const alt = possessive ? `${norm}s` : joinedInitials(norm) ? norm.replace(/&/g, '') : /[^s]s$/.test(norm) && norm.length >= 4 ? norm.slice(0, -1) : null;
    out.push({ norm, ...(alt ? { alt } : {}), raw, start: m.index, end: m.index + raw.length });
  }
  return out;
}

/** The keys a span of query words may match: each word as written, or its other spelling (at most a few). */
function spanKeys(span: readonly Word[]): string[] {
  let keys = [''];
  for (const w of span) {
    const forms = w.alt ? [w.norm, w.alt] : [w.norm];
    keys = keys.flatMap((k) => forms.map((f) => (k ? `${k} ${f}` : f)));
    if (keys.length > 8) keys = keys.slice(0, 8);
  }
  return keys;
}

/** A name's words as a key: connectors left out ("Bed Bath & Beyond" → "bed bath beyond"). */
const keyOf = (ws: readonly string[]): string => ws.filter((w) => w !== CONNECTOR).join(' ');

/** Words a shortened name cannot end on ("Bank of" is not a name). */
const DANGLING = new Set(['of', 'the', 'for', 'de', 'la', 'du', 'del', 'van', 'von', 'a', 'an', 'in', 'on', 'at', 'to']);

/** The words of a company name that identify it (legal form and "the" dropped; at least one kept). */
export function coreWords(name: string): string[] {
  const all = words(name).map((w) => w.norm);
  const core = all.filter((w) => !LEGAL_WORDS.has(w));
  return core.length > 0 ? core : all;
}

/** Key of a company name alone: its core words joined ("Amazon.com, Inc." → "amazon"). */
export function nameKey(name: string): string {
  return coreWords(name).join('-');
}

/** First words too generic to name a company alone, though not in the dictionary ("American", "Pacific"). */
const GENERIC_FIRST_WORDS = new Set([
  'american', 'general', 'national', 'united', 'international', 'global', 'first', 'new', 'royal', 'standard', 'china',
  'chinese', 'north', 'south', 'east', 'west', 'pacific', 'atlantic', 'southern', 'northern', 'western', 'eastern',
  'central', 'great', 'one', 'home', 'european', 'asian', 'canadian', 'british', 'japanese', 'mexican', 'texas',
  'banco', 'bank', 'banca', 'banque', 'grupo', 'compania', 'companhia', 'compagnie', 'societe',
  // An industry in another language ("Cementos Argos" is Argos, "Industrias Bachoco" is Bachoco).
  'cementos', 'cimentos', 'industrias', 'industrie', 'laboratorios', 'empresas', 'corporacion', 'inversiones',
]);

const isEnglish = (w: string): boolean => englishWords().has(w) || GENERIC_FIRST_WORDS.has(w);

/**
 * How a name must be written to count: a name of one ordinary word ("Target", "Cost") only with a
 * capital — in capitals when the name itself is written so ("COST") — since in lowercase it is the
 * word; any other name however it is written. `ordinary` says which English words are ordinary.
 */
function caseRuleOf(words: readonly string[], ordinary: (word: string) => boolean, writtenInCapitals = false): Alias['caseRule'] {
  if (words.length !== 1 || !ordinary(words[0]!)) return 'any';
  return writtenInCapitals ? 'upper' : 'capital';
}

function period(c: CallMeta): number {
  return (c.fiscalYear ?? 0) * 10 + (c.fiscalQuarter ?? 0);
}

/** Oldest first: by fiscal year and quarter, then date, then id. */
export function byPeriod(a: CallMeta, b: CallMeta): number {
  return period(a) - period(b) || (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id);
}

export class CompanyDirectory {
  readonly companies: Company[];
  private readonly byCall = new Map<string, Company>();
  private readonly byKey = new Map<string, Company>();
  private readonly aliases = new Map<string, Alias[]>();
  /** The distinctive one-word names, each under itself and its one-letter-deleted forms → those names (typo lookup, see fuzzyMention). */
  private readonly typoKeys = new Map<string, string[]>();
  /** Names of two or more words, each under itself with one word left blank ("texas *") → those names (typo lookup, see fuzzyPhrase). */
  private readonly blankKeys = new Map<string, string[]>();
  private maxWords = 1;

  /**
   * An English word that is ordinary in these calls: one they write in lowercase somewhere (or a
   * generic name word). A word in the dictionary the calls never write so ("arco", "spire") names
   * its company in any case. Without the calls' lowercase words, every English word is ordinary.
   */
  private readonly ordinary: (word: string) => boolean;

  /**
   * `spoken`: call id → the names the call itself gives its company, where it does: as its welcome
   * says it ("FEMSA" for Fomento Economico Mexicano), as its investor website spells it ("ifeng").
   * `lowercase`: the words the calls write in lowercase (LibraryDirectory reads them).
   */
  constructor(calls: readonly CallMeta[], spoken: ReadonlyMap<string, readonly string[]> = new Map(), lowercase?: ReadonlySet<string>) {
    this.ordinary = (w) => isEnglish(w) && (!lowercase || lowercase.has(w) || GENERIC_FIRST_WORDS.has(w));
    // One company per ticker, and per name: a call without a ticker joins the company with its name.
    const byKey = new Map<string, Company>();
    const byName = new Map<string, Company>();
    const idsOf = new Map<Company, Set<string>>();
    for (const meta of calls) {
      const ticker = meta.ticker?.trim() ? meta.ticker.trim().toUpperCase() : null;
      const nk = nameKey(meta.company);
      let company = (ticker && byKey.get(ticker.toLowerCase())) || byName.get(nk);
      if (!company) {
        const callIds = new Set<string>();
        company = { key: ticker ? ticker.toLowerCase() : nk, name: meta.company, ticker, calls: [], callIds };
        byKey.set(company.key, company);
        idsOf.set(company, callIds);
      }
      if (ticker && !company.ticker) company.ticker = ticker;
      byName.set(nk, company);
      company.calls.push(meta);
      idsOf.get(company)!.add(meta.id);
      this.byCall.set(meta.id, company);
    }
    this.companies = [...new Set(byKey.values())];
    for (const c of this.companies) {
      this.byKey.set(c.key, c);
      c.calls.sort(byPeriod);
      c.name = c.calls.at(-1)!.company;
      this.addAliases(c);
      this.addSpokenNames(c, spoken);
    }
    for (const [phrase, list] of this.aliases) {
      if (!list.every((a) => a.via === 'name' || a.via === 'short')) continue;
      const parts = phrase.split(' ');
      if (parts.length > 1) {
        for (let j = 0; j < parts.length; j++) if (parts[j]!.length >= PHRASE_FUZZY_MIN_LENGTH) this.add1(this.blankKeys, blanked(parts, j), phrase);
        continue;
      }
      if (phrase.length < FUZZY_MIN_LENGTH) continue;
      for (const form of [phrase, ...deletionForms(phrase)]) this.add1(this.typoKeys, form, phrase);
    }
  }

  /**
   * A capitalised word one typo away from exactly one company's distinctive one-word name
   * ("Nexstar" for "Nextar Media Group", "Illumnia" for Illumina), when it is no English word.
   * Looked up through one-letter deletions (SymSpell), so the cost does not grow with the library.
   */
  private fuzzyMention(w: Word, caselessName = false): Alias[] {
    if (w.norm.length < FUZZY_MIN_LENGTH || !(caselessName || /^\p{Lu}/u.test(w.raw)) || isEnglish(w.norm)) return [];
    const names = new Set<string>();
    for (const form of [w.norm, ...deletionForms(w.norm)]) for (const name of this.typoKeys.get(form) ?? []) names.add(name);
    const close = [...names].filter((n) => n[0] === w.norm[0] && editDistance(n, w.norm, 1) === 1);
    const companies = new Set(close.flatMap((n) => this.aliases.get(n)!.map((a) => a.company)));
    return companies.size === 1 ? [{ company: [...companies][0]!, via: 'fuzzy', caseRule: 'capital' }] : [];
  }

  private add1(map: Map<string, string[]>, key: string, phrase: string): void {
    const list = map.get(key);
    if (!list) map.set(key, [phrase]);
    else if (!list.includes(phrase)) list.push(phrase);
  }

  /**
   * Words that name one company but for one typo in a long word ("Texas Instrumets", "Kuehne
   * Nagle"), each word capitalised as a name is: one map lookup per word of the span.
   */
  private fuzzyPhrase(span: readonly Word[], caselessName = false): Alias[] {
    if (!caselessName && !span.every((w) => /^\p{Lu}/u.test(w.raw))) return [];
    const norms = span.map((w) => w.norm);
    const names = new Set<string>();
    for (let j = 0; j < norms.length; j++) {
      if (norms[j]!.length < PHRASE_FUZZY_MIN_LENGTH - 1) continue;
      for (const phrase of this.blankKeys.get(blanked(norms, j)) ?? []) {
        const word = phrase.split(' ')[j]!;
        if (word[0] === norms[j]![0] && editDistance(word, norms[j]!, 1) === 1) names.add(phrase);
      }
    }
    const companies = new Set([...names].flatMap((n) => this.aliases.get(n)!.map((a) => a.company)));
    return companies.size === 1 ? [{ company: [...companies][0]!, via: 'fuzzy', caseRule: 'capital' }] : [];
  }

  private add(words: string | readonly string[], alias: Alias): void {
    const phrase = typeof words === 'string' ? words : keyOf(words);
    if (!phrase) return;
    const list = this.aliases.get(phrase) ?? [];
    if (!list.some((a) => a.company === alias.company)) list.push(alias);
    this.aliases.set(phrase, list);
    this.maxWords = Math.max(this.maxWords, phrase.split(' ').length);
  }

  private addAliases(c: Company): void {
    for (const name of new Set(c.calls.map((m) => m.company))) {
      const all = words(name).map((w) => w.norm);
      const core = coreWords(name);
      // "COST" (a ticker standing in for the name) names Costco only in capitals, never "cost to serve".
      this.add(all, { company: c, via: 'name', caseRule: caseRuleOf(all, this.ordinary, name.trim() === name.trim().toUpperCase()) });
      this.add(core, { company: c, via: 'name', caseRule: caseRuleOf(core, this.ordinary) });
      // Its leading words name it too ("Kuehne Nagel" for Kuehne Nagel International, "Harlow & Birch"
      // for Harlow and Birch Outfitters), two words at least.
      const named = core.filter((w) => w !== CONNECTOR);
      for (let n = 2; n < named.length; n++) if (!DANGLING.has(named[n - 1]!)) this.add(named.slice(0, n), { company: c, via: 'short', caseRule: 'any' });
      if (core.length >= 2) {
        const first = core[0]!;
        // A distinctive first word names the company on its own ("Kuehne", "Danaher"; "Bluefin" when
        // capitalised, being also a word); a generic one does not ("General", "American").
        if (first.length >= 4 && !GENERIC_FIRST_WORDS.has(first)) this.add(first, { company: c, via: 'short', caseRule: caseRuleOf([first], this.ordinary) });
        // A first word the name writes in capitals is its acronym ("ATS" for ATS Automation), in capitals too.
        else if (first.length === 3 && /^\p{Lu}{3}$/u.test(words(name).find((w) => w.norm === first)?.raw ?? '')) this.add(first, { company: c, via: 'short', caseRule: 'upper' });
        // After a generic first word the last one names it ("Santander" for Banco Santander), unless it is a word ("Electric").
        const last = core.at(-1)!;
        if (GENERIC_FIRST_WORDS.has(first) && last.length >= 5 && !isEnglish(last)) this.add(last, { company: c, via: 'short', caseRule: 'any' });
        // Initials write "and" as "&" ("IS&S" for Innovative Solutions and Support; see queryWords).
        if (core.length <= 4) this.add(core.map((w) => (w === CONNECTOR ? '&' : w[0])).join(''), { company: c, via: 'initials', caseRule: 'upper' });
        if (core.length === 2 && core.every((w) => w.length >= 2)) {
          const contraction = core.map((w) => w.slice(0, 2)).join('');
          if (!isEnglish(contraction)) this.add(contraction, { company: c, via: 'short', caseRule: 'any' });
        }
      }
    }
    if (c.ticker) {
      const t = c.ticker.toLowerCase();
      this.add(t, { company: c, via: 'ticker', caseRule: t.length >= 3 && !isEnglish(t) ? 'any' : 'upper' });
    }
  }

  /**
   * The name a call gives itself names its company too: the spelling people use ("Nexstar", "Identiv")
   * where the metadata misspells it, the short form ("FEMSA") where it gives the legal name, the
   * name its investor website goes by ("ifeng"). Only the name as said (no short forms of it: a
   * welcome is speech-recognised text).
   */
  private addSpokenNames(c: Company, spoken: ReadonlyMap<string, readonly string[]>): void {
    for (const name of c.calls.flatMap((meta) => spoken.get(meta.id) ?? [])) {
      const core = coreWords(name);
      while (core.length > 1 && DANGLING.has(core.at(-1)!)) core.pop();
      // One English word ("Lands" of Lands' End, read off speech) would name the company wherever it is written.
      if (core.length === 1 && isEnglish(core[0]!)) continue;
      this.add(core, { company: c, via: 'name', caseRule: 'any' });
      // After a generic first word the rest names it too ("Santander México" for Banco Santander México), as for the name.
      if (core.length >= 3 && GENERIC_FIRST_WORDS.has(core[0]!)) this.add(core.slice(1), { company: c, via: 'name', caseRule: 'any' });
    }
  }

  companyOf(callId: string): Company | undefined {
    return this.byCall.get(callId);
  }

  /** The company with this key (Company.key). */
  withKey(key: string): Company | undefined {
    return this.byKey.get(key);
  }

  /** The words that name this company (its name, short forms, ticker), lowercased. */
  wordsOf(company: Company): Set<string> {
    const out = new Set<string>();
    for (const [phrase, aliases] of this.aliases) if (aliases.some((a) => a.company === company)) for (const w of phrase.split(' ')) out.add(w);
    return out;
  }

  /** Every word that names a company (its name, short forms, ticker), lowercased. */
  words(): Set<string> {
    const out = new Set<string>();
    for (const phrase of this.aliases.keys()) for (const w of phrase.split(' ')) out.add(w);
    return out;
  }

  /** Companies named in free text, left to right, longest match first, non-overlapping. */
  mentions(text: string): CompanyMention[] {
    const ws = queryWords(text);
    const found: CompanyMention[] = [];
    // Typed all in lowercase, a question says nothing by case: a name that needs a capital counts
    // where a company is named ("mosaic dealer inventories", "nexstar's ad revenue", "what did spire say").
    const caseless = !/\p{Lu}/u.test(text);
    for (let i = 0; i < ws.length; ) {
      let matched = 0;
      for (let n = Math.min(this.maxWords, ws.length - i); n >= 1 && matched === 0; n--) {
        const span = ws.slice(i, i + n);
        const asCompany = caseless && (i === 0 || span[n - 1]!.alt !== undefined || COMPANY_BEFORE.has(ws[i - 1]!.norm));
        const key = spanKeys(span).find((k) => this.aliases.has(k));
        // …as does an acronym that is no word ("gcp: which line fell", "what did ats say").
        let hits = (key ? this.aliases.get(key)! : []).filter(
          (a) => caseAllows(a.caseRule, span) || (asCompany && (a.caseRule === 'capital' || (a.caseRule === 'upper' && n === 1 && !isEnglish(span[0]!.norm)))),
        );
        // A long typo in an all-lowercase question ("eversourse") is rare enough to be the name wherever it stands.
        if (hits.length === 0) hits = n === 1 ? this.fuzzyMention(span[0]!, asCompany || (caseless && span[0]!.norm.length >= CASELESS_FUZZY_MIN_LENGTH)) : this.fuzzyPhrase(span, asCompany);
        if (hits.length === 0) continue;
        // The legal form written after the name is part of the mention ("REV Group's", "Monro Inc."), not the topic.
        let last = n;
        while (i + last < ws.length && ws[i + last - 1]!.alt === undefined && LEGAL_WORDS.has(ws[i + last]!.norm) && ws[i + last]!.norm !== 'the') last++;
        found.push({
          companies: hits.map((a) => a.company),
          matched: text.slice(span[0]!.start, ws[i + last - 1]!.end),
          start: span[0]!.start,
          end: ws[i + last - 1]!.end,
          via: hits[0]!.via,
        });
        matched = last;
      }
      i += matched || 1;
    }
    return found;
  }

  /** An explicit filter value: a key, a name, a short name or a ticker, any case. */
  resolve(phrase: string): Company[] {
    const norm = keyOf(words(phrase).map((w) => w.norm));
    const byKey = this.companies.filter((c) => c.key === phrase.trim().toLowerCase());
    if (byKey.length > 0) return byKey;
    const direct = this.aliases.get(norm) ?? this.aliases.get(keyOf(coreWords(phrase)));
    return direct ? [...new Set(direct.map((a) => a.company))] : [];
  }
}

/** Names shorter than this are too close to too many words to match with a typo ("Spire" / "Spare"). */
const FUZZY_MIN_LENGTH = 6;
/** A word of a longer name may be shorter: the rest of the name, written right, carries the match ("Kuehne Nagle"). */
const PHRASE_FUZZY_MIN_LENGTH = 5;
/** Typed in lowercase, a word one typo from a name names it from this length on, wherever it stands. */
const CASELESS_FUZZY_MIN_LENGTH = 8;

/** The words with word `j` left blank, as a key. */
function blanked(words: readonly string[], j: number): string {
  return words.map((w, k) => (k === j ? '*' : w)).join(' ');
}

/** The word with one letter left out, each way. */
function deletionForms(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

function caseAllows(rule: Alias['caseRule'], span: Word[]): boolean {
  if (rule === 'any') return true;
  if (rule === 'upper') return span.every((w) => w.raw === w.raw.toUpperCase() && /\p{Lu}/u.test(w.raw));
  return span.every((w) => /^\p{Lu}/u.test(w.raw));
}
