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
 */
import type { Call, Participant } from '../../transcript/types.js';
import { nicknamesOf } from '../../transcript/nicknames.js';
import { editDistance } from './edit-distance.js';

export { nicknamesOf };

export type MentionVia = 'full' | 'surname' | 'first' | 'nickname' | 'role' | 'firm';

export interface AliasEntry {
  participant: Participant;
  via: MentionVia;
}

export interface AliasTable {
  participants: Participant[];
  /** Normalised phrase (lowercase words joined by one space) → who it names. */
  phrases: Map<string, AliasEntry[]>;
  /** Longest phrase, in words. */
  maxWords: number;
  /** Single-word names eligible for typo-tolerant matching (surnames, first names of ≥ 5 letters, firm words). */
  fuzzyKeys: Map<string, AliasEntry[]>;
  /**
   * Words that are ordinary English in this call: a name that is also such a word ("mark",
   * "will", "price") only counts in free text when capitalised, and these words are never
   * matched fuzzily. Built from a generic list plus every word the call spells in lowercase.
   */
  commonWords: Set<string>;
  /** Words naming the company itself (never a speaker). */
  companyWords: Set<string>;
}

export interface SpeakerMention {
  participant: Participant;
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
  /** Extra ordinary words to guard (e.g. a dictionary); merged into `commonWords`. */
  commonWords?: Iterable<string>;
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

function normalisePhrase(text: string): string {
  return tokenize(text).map((t) => t.norm).join(' ');
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

function isListedPerson(p: Participant): boolean {
  return p.side !== 'operator' && !/^(?:unidentified|unknown)\b/i.test(p.name);
}

/** Builds the alias table of a call's participants. */
export function buildAliasTable(call: Call, opts: AliasOptions = {}): AliasTable {
  const phrases = new Map<string, AliasEntry[]>();
  const fuzzyKeys = new Map<string, AliasEntry[]>();
  const add = (map: Map<string, AliasEntry[]>, key: string, participant: Participant, via: MentionVia): void => {
    if (key === '') return;
    const entries = map.get(key) ?? [];
    if (!entries.some((e) => e.participant === participant)) entries.push({ participant, via });
    map.set(key, entries);
  };

  // Words naming the company: never a speaker.
  const companyWords = new Set<string>(call.meta.ticker ? [normaliseWord(call.meta.ticker)] : []);
  for (const alias of firmAliases(call.meta.company)) {
    companyWords.add(alias);
    for (const w of alias.split(' ')) companyWords.add(w);
  }

  for (const p of call.participants.filter(isListedPerson)) {
    const words = tokenize(p.name).map((t) => t.norm);
    while (words.length > 2 && NAME_SUFFIXES.has(words[words.length - 1] as string)) words.pop();
    const first = words[0] ?? '';
    const last = words.length > 1 ? (words[words.length - 1] as string) : '';
    add(phrases, words.join(' '), p, 'full');
    // A numbered speaker ("Speaker 3", speech-recognition datasets) is named only in full:
    // "speaker" alone is an ordinary word, not a first name.
    if (/^speaker \d+$/.test(words.join(' '))) continue;
    if (last) {
      add(phrases, `${first} ${last}`, p, 'full');
      for (const nick of nicknamesOf(first)) add(phrases, `${nick} ${last}`, p, 'nickname');
      add(phrases, last, p, 'surname');
      add(fuzzyKeys, last, p, 'surname');
    }
    add(phrases, first, p, 'first');
    if (first.length >= FUZZY_FIRST_NAME_MIN_LENGTH) add(fuzzyKeys, first, p, 'first');
    for (const nick of nicknamesOf(first)) add(phrases, nick, p, 'nickname');

    if (p.side === 'company' && p.title) {
      for (const role of roleAliases(p.title)) add(phrases, role, p, 'role');
    }
    if (p.side === 'analyst' && p.firm) {
      for (const alias of firmAliases(p.firm)) {
        add(phrases, alias, p, 'firm');
        if (!alias.includes(' ') && alias.length >= FUZZY_MIN_LENGTH) add(fuzzyKeys, alias, p, 'firm');
      }
    }
  }
  for (const word of companyWords) {
    phrases.delete(word);
    fuzzyKeys.delete(word);
  }

  // Ordinary words: the generic list, the caller's, and whatever the call itself writes in lowercase.
  const commonWords = new Set<string>(GENERIC_COMMON_WORDS);
  for (const w of opts.commonWords ?? []) commonWords.add(normaliseWord(w));
  for (const match of call.source.matchAll(/(?<![\p{L}\p{N}'\u2019])[a-z]+(?![\p{L}\p{N}])/gu)) commonWords.add(match[0]);

  let maxWords = 1;
  for (const key of phrases.keys()) maxWords = Math.max(maxWords, key.split(' ').length);
  return { participants: call.participants, phrases, maxWords, fuzzyKeys, commonWords, companyWords };
}

interface ScanOptions {
  /** Explicit speaker phrases (resolveSpeaker) ignore the capitalisation guard. */
  explicit: boolean;
}

const NAME_VIAS: ReadonlySet<MentionVia> = new Set(['first', 'surname', 'nickname']);

function scan(table: AliasTable, text: string, { explicit }: ScanOptions): SpeakerMention[] {
  const tokens = tokenize(text);
  const mentions: SpeakerMention[] = [];
  const emit = (from: Token, to: Token, entries: AliasEntry[], distance: number): void => {
    for (const { participant, via } of entries) {
      mentions.push({ participant, matched: text.slice(from.start, to.end), start: from.start, end: to.end, via, distance });
    }
  };

  let i = 0;
  while (i < tokens.length) {
    let matchedWords = 0;
    for (let n = Math.min(table.maxWords, tokens.length - i); n >= 1 && matchedWords === 0; n--) {
      const span = tokens.slice(i, i + n);
      const entries = table.phrases.get(span.map((t) => t.norm).join(' '));
      if (!entries) continue;
      const only = span[0] as Token;
      const guarded =
        n === 1 &&
        !explicit &&
        only.raw === only.raw.toLowerCase() &&
        table.commonWords.has(only.norm) &&
        entries.every((e) => NAME_VIAS.has(e.via));
      if (guarded) continue;
      emit(only, span[n - 1] as Token, entries, 0);
      matchedWords = n;
    }
    if (matchedWords > 0) {
      i += matchedWords;
      continue;
    }

    // Typo-tolerant match of a single word against surnames, long first names and firm words.
    const token = tokens[i] as Token;
    const word = token.norm;
    if (
      word.length >= FUZZY_MIN_LENGTH &&
      /^\p{L}+$/u.test(word) &&
      !table.commonWords.has(word) &&
      !table.companyWords.has(word)
    ) {
      let best = Infinity;
      let bestEntries: AliasEntry[] = [];
      for (const [key, entries] of table.fuzzyKeys) {
        if (key[0] !== word[0]) continue; // typos rarely hit the first letter; guards "rose"/"boss"-like words
        const bound = fuzzyBound(key);
        const distance = editDistance(word, key, bound);
        if (distance > bound || distance === 0) continue;
        if (distance < best) {
          best = distance;
          bestEntries = [...entries];
        } else if (distance === best) {
          for (const e of entries) if (!bestEntries.some((b) => b.participant === e.participant)) bestEntries.push(e);
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
export function findSpeakerMentions(table: AliasTable, query: string): SpeakerMention[] {
  return scan(table, query, { explicit: false });
}

/**
 * Who a phrase names ("Andy", "Doug Anmuth", "the Goldman Sachs analyst", "CFO", "jasy").
 * Returns every candidate in participant order; empty when the phrase names nobody.
 */
export function resolveSpeaker(table: AliasTable, phrase: string): Participant[] {
  const kept = tokenize(phrase).filter((t) => !FILLER_WORDS.has(t.norm));
  const key = kept.map((t) => t.norm).join(' ');
  const exact = table.phrases.get(key);
  const found = exact ? exact.map((e) => e.participant) : scan(table, phrase, { explicit: true }).map((m) => m.participant);
  return table.participants.filter((p) => found.includes(p));
}
