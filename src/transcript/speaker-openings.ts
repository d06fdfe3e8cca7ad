/**
 * A paragraph that opens with the name of someone who speaks in the call, then a mark a speaker
 * label has ("Rita Chen — Chief Financial Officer: …", "Rita Chen, CFO: …") — a speaker line the
 * layout could not read. Words moved from one speaker to another (unnamed-askers.ts,
 * unlabelled-operator.ts) are checked for one first: given to someone, it would put that
 * person's words under another name, so the file is refused with its line instead.
 */
import { TranscriptFormatError, quoteLine } from './format-error.js';
import { lineAt } from './lines.js';
import type { Paragraph, Participant } from './types.js';

/** What follows a name on a speaker label: a colon, or a mark (a dash, a comma, a bracket) and a title, then a colon. */
const LABEL_MARK = /^\s*(?::|[^\p{L}\p{N}\s.!?'\u2019][^.?!:\n]{0,80}:)\s/u;

/** The first word of a name or a text, as names are looked up by it. */
const firstWord = (text: string): string => (text.trimStart().split(/[\s,:(\[{\u2013\u2014]/, 1)[0] as string).toLowerCase();

/** The participant (other than `except`) whose full name opens `text` as a label would, or null. */
function labelledBy(text: string, participants: readonly Participant[], except: Participant | null): Participant | null {
  const head = text.trimStart();
  const word = firstWord(head);
  for (const p of participants) {
    if (firstWord(p.name) !== word) continue;
    if (p === except || p.side === 'operator' || !/\s/.test(p.name.trim())) continue;
    if (head.length > p.name.length && head.slice(0, p.name.length).toLowerCase() === p.name.toLowerCase() && LABEL_MARK.test(head.slice(p.name.length))) return p;
  }
  return null;
}

/** Participants by the first word of their name: what a paragraph's opening is looked up in (built once a call). */
export function speakerLabelIndex(participants: readonly Participant[]): Map<string, Participant[]> {
  const index = new Map<string, Participant[]>();
  for (const p of participants) {
    const key = firstWord(p.name);
    const list = index.get(key);
    if (list) list.push(p);
    else index.set(key, [p]);
  }
  return index;
}

function refuseLabels(paragraphs: readonly Paragraph[], index: ReadonlyMap<string, Participant[]>, to: Participant | null, source: string): void {
  for (const p of paragraphs) {
    const other = labelledBy(p.text, index.get(firstWord(p.text)) ?? [], to);
    if (other === null) continue;
    const line = lineAt(source, p.start);
    throw new TranscriptFormatError(
      line.number,
      `${quoteLine(line.text)} starts with the speaker "${other.name}" but is no speaker line this layout reads: write "${other.name}" on a line of its own, or "${other.name}:" before the words`,
      { lineText: line.text },
    );
  }
}

/**
 * Throws when a paragraph of a turn after its first opens with the label of someone else who
 * speaks in the call: it would be read as the words of the speaker before.
 */
export function refuseUnreadLabels(turns: readonly { speakerId: string; paragraphs: readonly Paragraph[] }[], participants: readonly Participant[], source: string): void {
  const speaking = new Set(turns.map((t) => t.speakerId));
  const speakers = participants.filter((p) => speaking.has(p.id));
  const index = speakerLabelIndex(speakers);
  const byId = new Map(speakers.map((p) => [p.id, p]));
  for (const turn of turns) {
    if (turn.paragraphs.length > 1) refuseLabels(turn.paragraphs.slice(1), index, byId.get(turn.speakerId) ?? null, source);
  }
}

/** Throws when a paragraph about to be given to `to` opens with another speaker's label. */
export function refuseOtherSpeakersLabel(paragraphs: readonly Paragraph[], index: ReadonlyMap<string, Participant[]>, to: Participant | null, source: string): void {
  refuseLabels(paragraphs, index, to, source);
}
