import type { Side } from '../../transcript/types.js';
import type { Company, CompanyDirectory } from './companies.js';
import type { MentionVia, Person, SpeakerRef } from './speaker-aliases.js';

export type { Person, SpeakerRef };

export interface SpeakerMention {
  /** Everyone the words can name (one for a full name; several for "Brian" or "the CFO"). */
  people: Person[];
  /** The words of the query that named them. */
  matched: string;
  start: number;
  end: number;
  via: MentionVia | 'fuzzy';
}

/** Name resolution across the library: people scoped to companies, and the companies themselves. */
export interface SpeakerDirectory {
  readonly companies: CompanyDirectory;
  /** People named anywhere in free text, left to right, non-overlapping; only those of `scope`'s companies when given. */
  mentions(text: string, scope?: ReadonlySet<Company>): SpeakerMention[];
  /** Resolve an explicit filter value (person key, participant id, name, surname, nickname, role, firm). */
  resolve(phrase: string, scope?: ReadonlySet<Company>): Person[];
  /** Lowercase words naming the indexed companies (names, short names, tickers): never a speaker, never a topic qualifier. */
  companyWords(): ReadonlySet<string>;
  /** The person a call's participant is (undefined for the operator and unidentified speakers). */
  personOf(callId: string, participantId: string): Person | undefined;
  /** Whether a company's own calls say `phrase` (words in order, any case); absent when the calls' texts are not at hand. */
  saysName?(company: Company, phrase: string): boolean;
  /** Whether any call of the library says `phrase` (words in order, any case); absent as saysName is. */
  saysAnywhere?(phrase: string): boolean;
}

export { speakerKey } from './speaker-key.js';

export function sideOf(people: readonly Person[]): Side | null {
  const sides = new Set(people.map((p) => p.side));
  return sides.size === 1 ? [...sides][0]! : null;
}
