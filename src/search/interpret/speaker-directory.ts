import type { Participant, Side } from '../../transcript/types.js';

/** A participant of one call. The same person on two calls is two refs with the same name. */
export interface SpeakerRef {
  callId: string;
  participant: Participant;
}

export interface SpeakerMention {
  refs: SpeakerRef[];
  /** The words of the query that named them. */
  matched: string;
  start: number;
  end: number;
  via: 'full' | 'surname' | 'first' | 'nickname' | 'role' | 'firm' | 'fuzzy';
}

/** Name resolution across every indexed call. */
export interface SpeakerDirectory {
  /** Speakers named anywhere in free text, left to right, non-overlapping. */
  mentions(text: string): SpeakerMention[];
  /** Resolve an explicit filter value (id, name, surname, nickname, role, firm). */
  resolve(phrase: string): SpeakerRef[];
  /** Lowercase words naming the indexed companies (names, short names, tickers): never a speaker, never a topic qualifier. */
  companyWords(): ReadonlySet<string>;
}

export function speakerKey(callId: string, participantId: string): string {
  return `${callId}/${participantId}`;
}

export function sideOf(refs: SpeakerRef[]): Side | null {
  const sides = new Set(refs.map((r) => r.participant.side));
  return sides.size === 1 ? [...sides][0]! : null;
}
