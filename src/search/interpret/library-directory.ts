import { BoundedCache } from '../../index/bounded-cache.js';
import type { LoadedIndex } from '../../index/load.js';
import type { StoredCall } from '../../index/stored-call.js';
import { CompanyDirectory, type Company } from './companies.js';
import { countWords, lowercaseWords } from '../../index/vocabulary.js';
import { buildAliasTable, collectPeople, findSpeakerMentions, resolveSpeaker, type AliasTable, type Person } from './speaker-aliases.js';
import { speakerKey, type SpeakerDirectory, type SpeakerMention } from './speaker-directory.js';
import { IndexedPhrases, ScannedPhrases, type SaidPhrases } from './said-phrases.js';

/** Phrases whose saysName answer is kept. */
const SAID_KEPT = 1024;

/** What the index already holds about the calls' words; each is read from the calls' texts when absent. */
export interface DirectoryWords {
  /** The words the calls write in lowercase. */
  lowercase?: ReadonlySet<string>;
  /** Every word the calls use (lowercased). */
  words?: { has(word: string): boolean };
  /** Which phrases the calls say (saysName). */
  said?: SaidPhrases;
}

/** SpeakerDirectory over the whole library: its companies, their people, one alias table (built once at load). */
export class LibraryDirectory implements SpeakerDirectory {
  readonly companies: CompanyDirectory;
  private readonly table: AliasTable;
  private readonly byParticipant = new Map<string, Person>();
  private readonly byKey = new Map<string, Person>();
  private readonly phrases: SaidPhrases;
  /** saysName's answers, per company and phrase (the same names come back query after query). */
  private readonly said = new BoundedCache<string, boolean>(SAID_KEPT);

  constructor(calls: readonly StoredCall[], { lowercase, words, said }: DirectoryWords = {}) {
    this.phrases = said ?? new ScannedPhrases(calls);
    let common = lowercase;
    if (!common) {
      const found = new Set<string>();
      for (const c of calls) lowercaseWords(c.source, found);
      common = found;
    }
    this.companies = new CompanyDirectory(
      calls.map((c) => c.meta),
      new Map(calls.filter((c) => c.companyNames.length > 0).map((c) => [c.meta.id, c.companyNames])),
      common,
    );
    const people = collectPeople(calls, (id) => this.companies.companyOf(id)!);
    for (const p of people) {
      this.byKey.set(p.key, p);
      for (const r of p.refs) this.byParticipant.set(r.key, p);
    }
    const own = new Map(this.companies.companies.map((c) => [c, this.companies.wordsOf(c)]));
    let known = words;
    if (!known) {
      const counts = new Map<string, number>();
      for (const c of calls) countWords(c.source, counts);
      known = counts;
    }
    this.table = buildAliasTable(people, this.companies.words(), (c) => own.get(c) ?? new Set(), { commonWords: common, knownWords: known });
  }

  mentions(text: string, scope?: ReadonlySet<Company>): SpeakerMention[] {
    const allowed = scope && scope.size > 0 ? (p: Person) => scope.has(p.company) : undefined;
    const bySpan = new Map<string, SpeakerMention>();
    for (const m of findSpeakerMentions(this.table, text, allowed)) {
      const key = `${m.start}:${m.end}`;
      const entry = bySpan.get(key) ?? { people: [], matched: m.matched, start: m.start, end: m.end, via: m.distance > 0 ? 'fuzzy' : m.via };
      if (!entry.people.includes(m.person)) entry.people.push(m.person);
      bySpan.set(key, entry);
    }
    return [...bySpan.values()].sort((a, b) => a.start - b.start);
  }

  companyWords(): ReadonlySet<string> {
    return this.table.companyWords;
  }

  resolve(phrase: string, scope?: ReadonlySet<Company>): Person[] {
    const allowed = scope && scope.size > 0 ? (p: Person) => scope.has(p.company) : () => true;
    const wanted = phrase.trim().toLowerCase();
    // A person key ("amzn/andrew-jassy") or a participant id ("andrew-jassy") names exactly that person.
    const byKey = this.byKey.get(wanted);
    if (byKey && allowed(byKey)) return [byKey];
    const byId = this.table.people.filter((p) => allowed(p) && p.refs.some((r) => r.participant.id === wanted));
    if (byId.length > 0) return byId;
    return resolveSpeaker(this.table, phrase, allowed);
  }

  saysName(company: Company, phrase: string): boolean {
    return this.said.get(`${company.key}\n${phrase.toLowerCase()}`, () => this.phrases.says(company.callIds, phrase));
  }

  saysAnywhere(phrase: string): boolean {
    return this.said.get(`\n${phrase.toLowerCase()}`, () => this.phrases.saysAnywhere(phrase));
  }

  personOf(callId: string, participantId: string): Person | undefined {
    return this.byParticipant.get(speakerKey(callId, participantId));
  }
}

/** The directory of a loaded index, reading what the index stores (its words, its keyword postings) rather than the calls' texts. */
export function directoryOf(index: LoadedIndex): LibraryDirectory {
  return new LibraryDirectory(index.calls, { lowercase: index.lowercaseWords, words: index.vocabulary, said: new IndexedPhrases(index) });
}
