/**
 * A speaker's label inside someone else's paragraph, the line break before it lost ("…grew 4% in
 * the quarter. Rita Chen: Thanks, Alan. Gross margin was 38%.", as a copy that joined lines has
 * it): read as it stood, Rita Chen's words would be Alan Marsh's. After a sentence's end, the full
 * name of someone who speaks in the call followed by a colon starts their turn there (with a
 * warning), and the rest of the turn is theirs. For text layouts a person wrote up, before the
 * operator's and askers' words are sorted out.
 */
import type { ImportWarning } from './format-error.js';
import { lineAt } from './lines.js';
import type { TurnDraft } from './structure.js';
import type { Paragraph, Participant } from './types.js';

/** The turns with each inline label of a speaker starting that speaker's turn. */
export function withInlineLabels(turns: readonly TurnDraft[], participants: readonly Participant[], source: string, warnings: ImportWarning[]): TurnDraft[] {
  const speaking = new Set(turns.map((t) => t.speakerId));
  const speakers = participants.filter((p) => speaking.has(p.id) && (/\s/.test(p.name.trim()) || p.side === 'operator'));
  if (speakers.length === 0) return [...turns];
  const byName = new Map(speakers.map((p) => [p.name, p]));
  // Any capitalised words and a colon after a sentence's end, then looked up (linear, however many speakers).
  const label = /(?<=[.?!][\u201d"\u2019')]?\s+)(?<name>\p{Lu}[^:\n.?!]{0,60}?):\s+(?=\S)/gu;
  const out: TurnDraft[] = [];
  for (const turn of turns) {
    let current: TurnDraft = { ...turn, paragraphs: [] };
    for (const paragraph of turn.paragraphs) {
      let from = 0;
      for (const m of paragraph.text.matchAll(label)) {
        const who = byName.get(m.groups?.name ?? '');
        if (who === undefined || who.id === current.speakerId) continue;
        const before = paragraph.text.slice(from, m.index).trimEnd();
        if (before !== '') current.paragraphs.push({ start: paragraph.start + from, end: paragraph.start + from + before.length, text: before });
        if (current.paragraphs.length > 0) out.push(current);
        const at = lineAt(source, paragraph.start + m.index);
        warnings.push({ line: at.number, message: `a speaker label inside a paragraph ("${who.name}:") starts ${who.name}'s turn there` });
        from = m.index + m[0].length;
        current = { speakerId: who.id, section: turn.section, paragraphs: [], startTime: null };
      }
      const rest = paragraph.text.slice(from);
      if (rest.trim() !== '') current.paragraphs.push(from === 0 ? paragraph : ({ start: paragraph.start + from, end: paragraph.end, text: rest } satisfies Paragraph));
    }
    if (current.paragraphs.length > 0) out.push(current);
  }
  return out;
}
