import type { StoredCall } from '../../index/stored-call.js';
import { buildAliasTable, findSpeakerMentions, resolveSpeaker, type AliasTable } from './speaker-aliases.js';
import type { SpeakerDirectory, SpeakerMention, SpeakerRef } from './speaker-directory.js';

/** SpeakerDirectory over every indexed call, from each call's alias table (built once at load). */
export class ParticipantDirectory implements SpeakerDirectory {
  private readonly tables: { callId: string; table: AliasTable }[];
  private readonly companies: Set<string>;

  constructor(calls: readonly StoredCall[]) {
    this.tables = calls.map((c) => ({ callId: c.meta.id, table: buildAliasTable(c) }));
    this.companies = new Set(this.tables.flatMap(({ table }) => [...table.companyWords]));
  }

  mentions(text: string): SpeakerMention[] {
    const bySpan = new Map<string, SpeakerMention>();
    for (const { callId, table } of this.tables) {
      for (const m of findSpeakerMentions(table, text)) {
        const key = `${m.start}:${m.end}`;
        const entry = bySpan.get(key) ?? { refs: [], matched: m.matched, start: m.start, end: m.end, via: m.distance > 0 ? 'fuzzy' : m.via };
        entry.refs.push({ callId, participant: m.participant });
        bySpan.set(key, entry);
      }
    }
    return [...bySpan.values()].sort((a, b) => a.start - b.start);
  }

  companyWords(): ReadonlySet<string> {
    return this.companies;
  }

  resolve(phrase: string): SpeakerRef[] {
    const byId = this.tables.flatMap(({ callId, table }) =>
      table.participants.filter((p) => p.id === phrase.trim().toLowerCase()).map((participant) => ({ callId, participant })),
    );
    if (byId.length > 0) return byId;
    return this.tables.flatMap(({ callId, table }) => resolveSpeaker(table, phrase).map((participant) => ({ callId, participant })));
  }
}
