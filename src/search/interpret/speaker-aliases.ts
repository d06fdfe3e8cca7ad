/**
 * Query-time speaker name resolution: how people refer to the participants of a call in a
 * question or a filter value.
 *
 * Everything is derived from the call's participant list — nothing here knows about one
 * company or one set of analysts:
 * - names: full name, first + last with middle names skipped, surname, first name;
 * - nicknames from a small generic table of English given names (Andrew ↔ Andy, Douglas ↔ Doug…);
 * - roles of executives from their titles (CEO, CFO, investor relations, president…);
 * - firms of analysts, with legal/organisational suffixes dropped ("Goldman Sachs Group, Inc."
 *   → "goldman sachs", "goldman"; "JPMorgan Chase & Co" → "jpmorgan chase", "jpmorgan", "jp morgan");
 * - typos in surnames and longer first names within a bounded edit distance.
 *
 * The company itself ("Amazon", its ticker) is never a speaker alias.
 *
 * A person is scoped to a company: the same CFO on two of its calls is one person (with both calls'
 * appearances), the same name at two companies is two. One table serves the whole library: a query
 * is looked up word by word in maps (typos through a trie), never by scanning the participants.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { CallMeta, Participant, Side } from '../../transcript/types.js';
import { englishWords } from '../../transcript/english-words.js';
import { nicknamesOf } from '../../transcript/nicknames.js';
import { byPeriod, type Company } from './companies.js';
import { speakerKey } from './speaker-key.js';

export { nicknamesOf };

export type MentionVia = 'full' | 'surname' | 'first' | 'nickname' | 'role' | 'firm';

/** One call's participant, as a person appears on it. */
export interface SpeakerRef {
  callId: string;
  participant: Participant;
  /** speakerKey(callId, participant.id), made once: a role across a library names thousands of appearances a query. */
  key: string;
}

/** Someone who speaks on one or more calls of one company (its executives, the analysts on its calls). */
export interface Person {
  /** `<company key>/<name slug>`: unique in the library, the same across the company's calls. */
  key: string;
  /** The participant id on their calls ("andrew-jassy"). */
  id: string;
  name: string;
  side: Side;
  /** As on their latest call. */
  title: string | null;
  firm: string | null;
  company: Company;
  /** Every call they speak on, oldest first. */
  refs: SpeakerRef[];
}

export interface AliasEntry {
  person: Person;
  via: MentionVia;
  /** The phrase is also the person's own company's name: it names them only beside someone elsewhere named so. */
  ownCompany?: true;
}

export interface AliasTable {
  people: Person[];
  /** Normalised phrase (lowercase words joined by one space) → who it names. */
  phrases: Map<string, AliasEntry[]>;
  /** Longest phrase, in words. */
  maxWords: number;
  /** Single-word names eligible for typo-tolerant matching (surnames, first names of ≥ 5 letters, firm words). */
  fuzzyKeys: SearchableMap<AliasEntry[]>;
  /**
   * Ordinary words: a name that is also one ("mark", "will", "price") only counts in free text
   * when capitalised, and these words are never matched fuzzily. A generic list plus every word
   * the calls write in lowercase (a full dictionary would guard too much: it lists "jasy").
   */
  commonWords: Set<string>;
  /** Words naming the library's companies (never a speaker). */
  companyWords: Set<string>;
  /** Words the library's texts use (AliasOptions.knownWords): never taken for typos. */
  knownWords: { has(word: string): boolean };
}

export interface SpeakerMention {
  person: Person;
  /** The text of the query that matched, exactly as written. */
  matched: string;
  /** Half-open range of `matched` in the query. */
  start: number;
  end: number;
  via: MentionVia;
  /** Edit distance of a typo-tolerant match; 0 for exact matches. */
  distance: number;
}

export interface AliasOptions {
  /** Extra ordinary words to guard (the words the calls write in lowercase); merged into `commonWords`. */
  commonWords?: Iterable<string>;
  /** Every word the library's texts use, in any case: a typed word among them is no typo of a name ("Rainer", said in one call, is not "Ratner"). */
  knownWords?: { has(word: string): boolean };
}


/**
 * Ordinary English words that are also names or sit one typo away from common names.
 * In free text they name a speaker only when capitalised, and they are never fuzzy-matched.
 */
const GENERIC_COMMON_WORDS = [
  'art', 'bill', 'black', 'bob', 'bond', 'brain', 'brown', 'bush', 'cash', 'chase', 'chuck',
  'cook', 'dean', 'dick', 'don', 'dove', 'drew', 'earl', 'epic', 'frank', 'gene', 'gold', 'grant',
  'green', 'hall', 'hope', 'jack', 'joy', 'king', 'lane', 'long', 'mark', 'marks', 'mart', 'max',
  'may', 'mike', 'miles', 'nick', 'park', 'pat', 'price', 'ray', 'rich', 'rob', 'rose', 'sue',
  'summer', 'will', 'white', 'wood', 'young', 'april', 'june', 'august', 'about', 'after', 'again',
  'also', 'analyst', 'analysts', 'answer', 'asked', 'because', 'before', 'billion', 'call',
  'could', 'demand', 'from', 'growth', 'have', 'into', 'just', 'like', 'more', 'most', 'much',
  'over', 'question', 'questions', 'said', 'says', 'some', 'than', 'that', 'them', 'then', 'there',
  'they', 'this', 'think', 'what', 'when', 'where', 'which', 'while', 'with', 'would', 'year',
];

/** Trailing words of a firm name that are legal form or organisation, not identity. */
const FIRM_SUFFIXES: readonly string[][] = [
  ['institutional', 'equities'], ['research', 'division'], ['capital', 'markets'], ['equity', 'research'],
  ['securities'], ['research'], ['division'], ['inc'], ['incorporated'], ['llc'], ['llp'], ['lp'],
  ['plc'], ['ltd'], ['limited'], ['co'], ['corp'], ['corporation'], ['company'], ['group'],
  ['holdings'], ['ag'], ['sa'], ['nv'], ['se'], ['bank'], ['and'],
];

/** First words of firm names too generic to name the firm on their own. */
const GENERIC_FIRM_WORDS = new Set([
  'bank', 'first', 'capital', 'national', 'royal', 'credit', 'the', 'new', 'global', 'international',
  'united', 'american', 'general', 'state', 'standard', 'citizens', 'china', 'north', 'south', 'east', 'west',
]);

/** Executive roles recognised in titles, and the phrases that name them. */
const ROLE_PATTERNS: ReadonlyArray<[RegExp, readonly string[]]> = [
  [/\bCEO\b|\bchief executive\b/i, ['ceo', 'chief executive', 'chief executive officer']],
  [/\bCFO\b|\bchief financial\b/i, ['cfo', 'chief financial officer', 'chief financial', 'finance chief']],
  [/\bCOO\b|\bchief operating\b/i, ['coo', 'chief operating officer']],
  [/\bCTO\b|\bchief technology\b/i, ['cto', 'chief technology officer']],
  [/\bCAO\b|\bchief accounting\b/i, ['cao', 'chief accounting officer']],
  [/\binvestor relations\b|\bIR\b/i, ['ir', 'investor relations', 'head of investor relations', 'head of ir']],
  [/(?<!\bvice[- ])(?<!\bVP )\bpresident\b/i, ['president']],
  [/\bchair(?:man|woman|person)?\b/i, ['chairman', 'chair', 'chairperson']],
  [/\btreasurer\b/i, ['treasurer']],
  [/\bgeneral counsel\b/i, ['general counsel']],
];

/** Words that mean "someone" around a name in a phrase given to resolveSpeaker. */
const FILLER_WORDS = new Set(['the', 'a', 'an', 'analyst', 'analysts', 'from', 'at', 'of', 'mr', 'mrs', 'ms', 'dr']);

/** Suffixes after a surname that are not the surname ("Jr"). */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Minimum length of a query word for typo-tolerant matching. */
const FUZZY_MIN_LENGTH = 4;
/** First names shorter than this are not fuzzy-matched: "eric"/"epic", "ross"/"rose" are too close. */
const FUZZY_FIRST_NAME_MIN_LENGTH = 5;

interface Token {
  /** Normalised form: lowercase, no diacritics, no dots, possessive 's removed. */
  norm: string;
  raw: string;
  start: number;
  end: number;
}

/** Words of a text with offsets. "J.P." becomes one word "jp"; "Jassy's" is "jassy". */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    let raw = match[0];
    let end = match.index + raw.length;
    const possessive = /['\u2019]s$/i.exec(raw);
    if (possessive) {
      raw = raw.slice(0, -2);
      end -= 2;
    } else if (raw.endsWith('.')) {
      raw = raw.slice(0, -1);
      end -= 1;
    }
    const norm = normaliseWord(raw);
    if (norm !== '') tokens.push({ norm, raw, start: match.index, end });
  }
  return tokens;
}

function normaliseWord(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.'\u2019]/g, '');
}

/** Splits CamelCase words: "JPMorgan" → "JP Morgan", "MoffettNathanson" → "Moffett Nathanson". */
function splitCamel(word: string): string[] {
  return word
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .split(' ');
}

/** Names a firm goes by, as normalised phrases (most specific first). */
export function firmAliases(firm: string): string[] {
  const words = (firm.replace(/\([^)]*\)/g, ' ').match(/(?:\p{L}\.){2,}|[\p{L}\p{N}]+/gu) ?? []).map((w) => w.replace(/\./g, ''));
  const lower = (ws: string[]): string => ws.map(normaliseWord).join(' ');
  // Drop trailing suffixes, keeping at least one word.
  let core = [...words];
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const suffix of FIRM_SUFFIXES) {
      if (core.length <= suffix.length) continue;
      const tail = core.slice(core.length - suffix.length).map(normaliseWord);
      if (tail.every((w, k) => w === suffix[k])) {
        core = core.slice(0, core.length - suffix.length);
        stripped = true;
      }
    }
  }
  const aliases = new Set<string>([lower(words), lower(core)]);
  const camelCore = core.flatMap(splitCamel);
  aliases.add(lower(camelCore));
  const first = core[0];
  if (first !== undefined && core.length > 1 && !GENERIC_FIRM_WORDS.has(normaliseWord(first))) {
    aliases.add(normaliseWord(first));
    const firstCamel = splitCamel(first);
    if (firstCamel.length > 1) aliases.add(lower(firstCamel));
  }
  // …and the other way: "JP Morgan" is also written "JPMorgan" (initials run into the next word).
  if (core.length >= 2 && core[0]!.length <= 3) aliases.add(lower([core[0]! + core[1]!, ...core.slice(2)]));
  const firstPart = camelCore[0];
  if (firstPart !== undefined && camelCore.length > 1 && firstPart.length >= 4 && !GENERIC_FIRM_WORDS.has(normaliseWord(firstPart))) {
    aliases.add(normaliseWord(firstPart));
  }
  aliases.delete('');
  return [...aliases];
}

/** Role phrases an executive title implies ("President, CEO & Director" → president, ceo, …). */
export function roleAliases(title: string): string[] {
  const phrases: string[] = [];
  for (const [pattern, names] of ROLE_PATTERNS) if (pattern.test(title)) phrases.push(...names);
  return phrases;
}

/** Largest edit distance tolerated for a name: 1 up to 6 letters, 2 beyond. */
function fuzzyBound(key: string): number {
  return key.length <= 6 ? 1 : 2;
}

/** Words that start a question, capitalised there, before a surname ("Did Olsavsky mention…"). */
const QUESTION_WORDS = new Set(['what', 'did', 'does', 'do', 'has', 'have', 'had', 'is', 'was', 'were', 'how', 'why', 'when', 'where', 'which', 'who', 'tell', 'show', 'find', 'list', 'give', 'can', 'could', 'would', 'should', 'summarize', 'summarise', 'and', 'but', 'so', 'then', 'also', 'please', 'ask', 'asked']);

/** Courtesy titles: never a first name ("Dr. Ana Ruiz" is Ana Ruiz; "Mr. Olsavsky" is Olsavsky). */
const COURTESY = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'madam', 'dame']);

/** A name's words for matching: courtesy titles before it and suffixes after it ("Jr.") left out. */
function nameWords(name: string): string[] {
  const words = tokenize(name).map((t) => t.norm);
  while (words.length > 1 && COURTESY.has(words[0] as string)) words.shift();
  while (words.length > 2 && NAME_SUFFIXES.has(words[words.length - 1] as string)) words.pop();
  return words;
}

function isListedPerson(p: Participant): boolean {
  return p.side !== 'operator' && !/^(?:unidentified|unknown)\b/i.test(p.name);
}

/** The people of a library's calls, one per company and name (see Person). */
export function collectPeople(calls: readonly { meta: CallMeta; participants: readonly Participant[] }[], companyOf: (callId: string) => Company): Person[] {
  const byKey = new Map<string, Person>();
  // Company and last name → the people so far with that last name, and the first names each went by.
  const bySurname = new Map<string, { person: Person; firstNames: Set<string> }[]>();
  for (const call of calls) {
    const company = companyOf(call.meta.id);
    for (const p of call.participants) {
      if (!isListedPerson(p)) continue;
      const words = nameWords(p.name);
      // First and last name: "Mark Stephen Mahaney" on one call and "Mark Mahaney" on the next are one person.
      const nameKey = (words.length > 2 ? [words[0], words[words.length - 1]] : words).join('-');
      const key = `${company.key}/${nameKey}`;
      // …and so are "Andy Jassy" on one call and "Andrew Jassy" on another, at the same company.
      const first = words.length > 1 ? words[0]! : null;
      const surname = words.length > 1 ? `${company.key}/${words[words.length - 1]!}` : null;
      const namesake =
        first && surname
          ? bySurname.get(surname)?.find((s) => s.firstNames.has(first) || nicknamesOf(first).some((n) => s.firstNames.has(n)))
          : undefined;
      const person = byKey.get(key) ?? namesake?.person ?? { key, id: p.id, name: p.name, side: p.side, title: p.title, firm: p.firm, company, refs: [] };
      person.refs.push({ callId: call.meta.id, participant: p, key: speakerKey(call.meta.id, p.id) });
      // The latest call's spelling and title win (refs are sorted by period below).
      byKey.set(key, person);
      if (first && surname) {
        const known = bySurname.get(surname) ?? [];
        const entry = known.find((s) => s.person === person);
        if (entry) entry.firstNames.add(first);
        else known.push({ person, firstNames: new Set([first]) });
        bySurname.set(surname, known);
      }
    }
  }
  const meta = new Map(calls.map((c) => [c.meta.id, c.meta]));
  const people = [...new Set(byKey.values())];
  for (const person of people) {
    person.refs.sort((a, b) => byPeriod(meta.get(a.callId)!, meta.get(b.callId)!));
    const latest = person.refs.at(-1)!.participant;
    Object.assign(person, { id: latest.id, name: latest.name, side: latest.side, title: latest.title, firm: latest.firm });
  }
  return people;
}

/** Builds one alias table over the people of every call. */
export function buildAliasTable(
  people: readonly Person[],
  companyWords: ReadonlySet<string>,
  ownCompanyWords: (company: Company) => ReadonlySet<string>,
  opts: AliasOptions = {},
): AliasTable {
  const phrases = new Map<string, AliasEntry[]>();
  const fuzzy = new Map<string, AliasEntry[]>();
  const add = (map: Map<string, AliasEntry[]>, key: string, person: Person, via: MentionVia): void => {
    if (key === '') return;
    const entries = map.get(key) ?? [];
    if (!entries.some((e) => e.person === person)) entries.push({ person, via });
    map.set(key, entries);
  };

  for (const p of people) {
    const words = nameWords(p.name);
    const first = words[0] ?? '';
    const last = words.length > 1 ? (words[words.length - 1] as string) : '';
    add(phrases, words.join(' '), p, 'full');
    add(phrases, tokenize(p.name).map((t) => t.norm).join(' '), p, 'full'); // as written, title and all
    // A numbered speaker ("Speaker 3", speech-recognition datasets) is named only in full:
    // "speaker" alone is an ordinary word, not a first name.
    if (/^speaker \d+$/.test(words.join(' '))) continue;
    if (last) {
      add(phrases, `${first} ${last}`, p, 'full');
      for (const nick of nicknamesOf(first)) add(phrases, `${nick} ${last}`, p, 'nickname');
      // An initial ("Suzanne S.") is no surname: alone, one letter names nobody ("IS&S").
      if (last.length > 1) {
        add(phrases, last, p, 'surname');
        add(fuzzy, last, p, 'surname');
      }
    }
    add(phrases, first, p, 'first');
    if (first.length >= FUZZY_FIRST_NAME_MIN_LENGTH) add(fuzzy, first, p, 'first');
    for (const nick of nicknamesOf(first)) add(phrases, nick, p, 'nickname');

    for (const { participant } of p.refs) {
      if (participant.side === 'company' && participant.title) {
        for (const role of roleAliases(participant.title)) add(phrases, role, p, 'role');
      }
      if (participant.side === 'analyst' && participant.firm) {
        for (const alias of firmAliases(participant.firm)) {
          add(phrases, alias, p, 'firm');
          if (!alias.includes(' ') && alias.length >= FUZZY_MIN_LENGTH) add(fuzzy, alias, p, 'firm');
        }
      }
    }
  }
  // A person is never named by their own company's name ("Amazon" names no Amazon executive); the
  // same word may name someone at another company (GE's CEO is a Culp, and so is a company). Once
  // it names someone elsewhere, it is a name: whoever bears it is named too (Culp Inc's Iv Culp
  // beside GE's Larry Culp), and the rest of the question chooses between them.
  for (const map of [phrases, fuzzy]) {
    for (const [phrase, entries] of map) {
      const elsewhere = entries.filter((e) => !ownCompanyWords(e.person.company).has(phrase));
      const kept =
        elsewhere.length === 0 ? [] : entries.filter((e) => elsewhere.includes(e) || NAME_VIAS.has(e.via) || e.via === 'full').map((e) => (elsewhere.includes(e) ? e : { ...e, ownCompany: true as const }));
      if (kept.length === 0) map.delete(phrase);
      else map.set(phrase, kept);
    }
  }

  // Ordinary words: a generic list (names one typo from common words) and the caller's.
  const commonWords = new Set<string>(GENERIC_COMMON_WORDS);
  for (const w of opts.commonWords ?? []) commonWords.add(normaliseWord(w));

  let maxWords = 1;
  for (const key of phrases.keys()) maxWords = Math.max(maxWords, key.split(' ').length);
  return { people: [...people], phrases, maxWords, fuzzyKeys: SearchableMap.from(fuzzy), commonWords, companyWords: new Set(companyWords), knownWords: opts.knownWords ?? new Set() };
}

interface ScanOptions {
  /** Explicit speaker phrases (resolveSpeaker) ignore the capitalisation guard. */
  explicit: boolean;
  /** Only these people count (a company or call in scope); all when absent. */
  allowed?: (p: Person) => boolean;
}

const NAME_VIAS: ReadonlySet<MentionVia> = new Set(['first', 'surname', 'nickname']);


/**
 * A capitalised word before a surname that reads as a first name nobody with that surname has
 * (the full name would have matched as a phrase first): not an ordinary or company word, not a
 * title, not an initial.
 */
function isOtherFirstName(prev: Token, table: AliasTable): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(prev.raw) || prev.norm.length <= 2 || COURTESY.has(prev.norm) || QUESTION_WORDS.has(prev.norm)) return false;
  // Not an English-word test: many first names are words too ("Maria", "Will").
  return !table.commonWords.has(prev.norm) && !table.companyWords.has(prev.norm);
}

/** Two or three capitals ("MD", "JB"): initials, not a courtesy title ("DR" shouted is still Dr). */
function isInitials(prev: Token): boolean {
  return /^\p{Lu}{2,3}$/u.test(prev.raw) && !COURTESY.has(prev.norm);
}

/** A one-word firm alias typed in lowercase that the calls also write in lowercase. */
function guardedFirm(n: number, explicit: boolean | undefined, only: Token, entries: readonly AliasEntry[], table: AliasTable): boolean {
  return n === 1 && !explicit && only.raw === only.raw.toLowerCase() && table.commonWords.has(only.norm) && entries.every((e) => e.via === 'firm');
}

/** Articles: a name does not follow one ("the Boeing 737" is no Bowling). */
const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * Is token `i` one word of a longer proper name that named nobody as a whole ("Jane" in "Jane Sun",
 * "Hong" in "Hong Kong", "Lake" in "Red Lake")? A capitalised neighbour that is no question word,
 * title, company word or possessive ("Amazon's Brian") makes it so.
 */
function inLongerName(tokens: readonly Token[], i: number, table: AliasTable): boolean {
  const proper = (t: Token | undefined) =>
    t !== undefined && /^\p{Lu}\p{Ll}/u.test(t.raw) && !QUESTION_WORDS.has(t.norm) && !COURTESY.has(t.norm) && !table.companyWords.has(t.norm) && !/['’]s$/u.test(t.raw);
  return (i > 1 && proper(tokens[i - 1])) || proper(tokens[i + 1]);
}

/** "analyst(s)" right after a name: the words before it name a firm ("the Goldman analyst"). */
const ANALYST_AFTER = /^\s+analysts?\b/i;

/**
 * A name followed by "analyst" means that firm's analysts when it is a firm's name: "the Goldman
 * analyst" is Goldman Sachs's, not an analyst surnamed Goldman at another firm. Where no firm goes
 * by the words, the entries stay as they are ("the Mahaney analyst" is still Mahaney).
 */
function asFirm(entries: readonly AliasEntry[], after: string): readonly AliasEntry[] {
  if (!ANALYST_AFTER.test(after) || !entries.some((e) => e.via === 'firm')) return entries;
  return entries.filter((e) => e.via === 'firm');
}

function scan(table: AliasTable, text: string, { explicit, allowed }: ScanOptions): SpeakerMention[] {
  const tokens = tokenize(text);
  const mentions: SpeakerMention[] = [];
  const keep = (entries: readonly AliasEntry[]) => {
    const kept = allowed ? entries.filter((e) => allowed(e.person)) : entries;
    // Within their own company the word is its name ("Culp mattress fabrics" asked of Culp Inc), not theirs.
    return kept.every((e) => e.ownCompany) ? [] : kept;
  };
  const emit = (from: Token, to: Token, entries: readonly AliasEntry[], distance: number): void => {
    for (const { person, via } of entries) {
      mentions.push({ person, matched: text.slice(from.start, to.end), start: from.start, end: to.end, via, distance });
    }
  };

  // A question typed all in capitals has no initials to tell apart.
  const shouted = text === text.toUpperCase();
  let i = 0;
  while (i < tokens.length) {
    let matchedWords = 0;
    for (let n = Math.min(table.maxWords, tokens.length - i); n >= 1 && matchedWords === 0; n--) {
      const span = tokens.slice(i, i + n);
      const key = span.map((t) => t.norm).join(' ');
      // A role in the plural names every holder of it: "the CFOs", "chief financial officers".
      const plural = key.endsWith('s') ? (table.phrases.get(key.slice(0, -1)) ?? []).filter((e) => e.via === 'role') : [];
      const entries = asFirm(keep(table.phrases.get(key) ?? plural), text.slice((span[n - 1] as Token).end));
      if (entries.length === 0) continue;
      const only = span[0] as Token;
      const guarded =
        n === 1 &&
        !explicit &&
        only.raw === only.raw.toLowerCase() &&
        table.commonWords.has(only.norm) &&
        entries.every((e) => NAME_VIAS.has(e.via));
      // A short firm name in lowercase is a word ("up", "ct"); written in capitals it is the firm ("UBS", "RBC").
      const shortFirm = n === 1 && !explicit && only.norm.length <= 3 && only.raw !== only.raw.toUpperCase() && entries.every((e) => e.via === 'firm');
      // "Elon Musk" is not John Musk: a surname after a first name of someone else names someone else.
      // Nor is "MD Anderson" (a cancer centre) the Anderson of a call: initials before a surname make another name.
      const otherFirstName = n === 1 && !explicit && i > 0 && entries.every((e) => e.via === 'surname') && (isOtherFirstName(tokens[i - 1] as Token, table) || (!shouted && isInitials(tokens[i - 1] as Token)));
      // "Jane Sun" is not Jane Doe, "Red Lake" not the Lake Street analyst: a first name or firm word inside another name.
      const partOfName = n === 1 && !explicit && entries.every((e) => e.via === 'first' || e.via === 'nickname' || e.via === 'firm') && inLongerName(tokens, i, table);
      // A firm word the calls use in lowercase, typed in lowercase, is that word ("auto parts"), unless an analyst follows ("the wells analyst").
      const commonFirmWord = guardedFirm(n, explicit, only, entries, table) && !/^\s+analysts?\b/i.test(text.slice(only.end));
      if (guarded || shortFirm || otherFirstName || partOfName || commonFirmWord) continue;
      emit(only, span[n - 1] as Token, entries, 0);
      matchedWords = n;
    }
    if (matchedWords > 0) {
      i += matchedWords;
      continue;
    }

    // Typo-tolerant match of a single word against surnames, long first names and firm words
    // (a trie walk bounded by the edit distance, whatever the library's size).
    const token = tokens[i] as Token;
    const word = token.norm;
    if (
      word.length >= FUZZY_MIN_LENGTH &&
      /^\p{L}+$/u.test(word) &&
      !table.commonWords.has(word) &&
      !table.companyWords.has(word) &&
      !table.knownWords.has(word) &&
      // A typo'd name stands alone: not after an article, not inside another name ("Hong Kong" is no Hone).
      !(i > 0 && ARTICLES.has((tokens[i - 1] as Token).norm)) &&
      !inLongerName(tokens, i, table)
    ) {
      // An English word typed in lowercase is no typo of a firm ("cord blood" is no Core-Mac analyst);
      // of a name it may be: the word list holds rare words ("jasy") that are typos of surnames.
      const englishWord = token.raw === token.raw.toLowerCase() && englishWords().has(word);
      let best = Infinity;
      let bestEntries: AliasEntry[] = [];
      for (const [key, [found, distance]] of table.fuzzyKeys.fuzzyGet(word, 2)) {
        if (key[0] !== word[0]) continue; // typos rarely hit the first letter; guards "rose"/"boss"-like words
        if (distance > fuzzyBound(key) || distance === 0) continue;
        const entries = keep(englishWord ? found.filter((e) => e.via !== 'firm') : found);
        if (entries.length === 0) continue;
        if (distance < best) {
          best = distance;
          bestEntries = [...entries];
        } else if (distance === best) {
          for (const e of entries) if (!bestEntries.some((b) => b.person === e.person)) bestEntries.push(e);
        }
      }
      if (bestEntries.length > 0) emit(token, token, bestEntries, best);
    }
    i += 1;
  }
  return mentions;
}

/**
 * Speaker mentions in free text (a search query), in order of appearance. A word that names
 * several people ("Brian") yields one mention per candidate, all with the same span. Names that
 * are also ordinary words ("mark", "will") count only when capitalised.
 */
export function findSpeakerMentions(table: AliasTable, query: string, allowed?: (p: Person) => boolean): SpeakerMention[] {
  return scan(table, query, { explicit: false, allowed });
}

/**
 * Who a phrase names ("Andy", "Doug Anmuth", "the Goldman Sachs analyst", "CFO", "jasy").
 * Returns every candidate in library order; empty when the phrase names nobody.
 */
export function resolveSpeaker(table: AliasTable, phrase: string, allowed?: (p: Person) => boolean): Person[] {
  const kept = tokenize(phrase).filter((t) => !FILLER_WORDS.has(t.norm));
  const key = kept.map((t) => t.norm).join(' ');
  // "Goldman analyst" as a filter: the firm's analysts, as in a question.
  const lastKept = kept.at(-1);
  const phrased = table.phrases.get(key);
  const named = phrased && lastKept ? asFirm(phrased, phrase.slice(lastKept.end)) : phrased;
  const exact = named?.filter((e) => !allowed || allowed(e.person));
  // Exactly the name of people out of scope ("Brian Castillo" of Bluefin, asked within Northwind):
  // nobody in scope, never a namesake in scope found by scanning its words ("Brian" → Brian Keller).
  if (named && named.length > 0 && exact!.length === 0) return [];
  const found = exact && exact.length > 0 ? exact.map((e) => e.person) : scan(table, phrase, { explicit: true, allowed }).map((m) => m.person);
  return table.people.filter((p) => found.includes(p));
}
