/**
 * A label that names two speakers at once: "Owen Pryce and Maria Castell: …", "Owen Pryce/Maria
 * Castell: …", a name line "Owen Pryce & Maria Castell" over the words, "Owen Pryce and Maria
 * Castell -- Executives". No layout reads it as a speaker line, so it stood as words of the speaker
 * before — two people's answer under a third person's name, or under one of the two. Whose words
 * follow cannot be told: the file is refused with the line (write the words under one name).
 * For text layouts a person wrote up, before labels inside paragraphs are read.
 */
import { TranscriptFormatError, quoteLine } from './format-error.js';
import { lineAt } from './lines.js';
import type { TurnDraft } from './structure.js';
import type { Participant } from './types.js';

/** What joins two names in one label: "and", "&", "/", "+" (a comma would be "Name, Title"). */
const JOIN = /^\s*(?:&|\/|\+|and\b)\s*/iu;
/** What may follow a label's names: a colon (and words), a dash and a title, a bracket, or nothing. */
const COLON_END = /^\s*(?:[([][^)\]]{0,80}[)\]])?\s*:(?:\s|$)/u;
const LINE_END = /^\s*(?:(?:[-\u2013\u2014]{1,2}|\|)\s+\S.{0,80})?$/u;

const firstWord = (text: string): string => (text.trimStart().split(/[\s,/&+:]/, 1)[0] as string).toLowerCase();

/** Participants by the first word of their name (full names only: one word is no person's whole name). */
function nameIndex(participants: readonly Participant[]): Map<string, Participant[]> {
  const index = new Map<string, Participant[]>();
  for (const p of participants) {
    if (p.side === 'operator' || !/\s/.test(p.name.trim())) continue;
    const key = firstWord(p.name);
    index.set(key, [...(index.get(key) ?? []), p]);
  }
  return index;
}

/** The participant whose full name opens `text` (as written, in any case), or null. */
function participantAt(text: string, index: ReadonlyMap<string, Participant[]>): { name: string; length: number } | null {
  for (const p of index.get(firstWord(text)) ?? []) {
    const after = text.charAt(p.name.length);
    if (text.slice(0, p.name.length).toLowerCase() === p.name.toLowerCase() && !/[\p{L}\p{M}]/u.test(after)) return { name: p.name, length: p.name.length };
  }
  return null;
}

/**
 * The two participants a line opens with as one speaker's label, or null: their full names joined
 * as JOIN has it, then a colon — or, on a paragraph's first line, the end of the line or a dash
 * and a title.
 */
function jointLabel(line: string, first: boolean, index: ReadonlyMap<string, Participant[]>): [string, string] | null {
  const a = participantAt(line, index);
  if (a === null) return null;
  const join = JOIN.exec(line.slice(a.length));
  if (!join) return null;
  const rest = line.slice(a.length + join[0].length);
  const b = participantAt(rest, index);
  if (b === null || b.name === a.name) return null;
  const tail = rest.slice(b.length);
  return COLON_END.test(tail) || (first && LINE_END.test(tail)) ? [a.name, b.name] : null;
}

/** Throws at the first line of a turn that opens with a label naming two speakers. */
export function refuseJointLabels(turns: readonly TurnDraft[], participants: readonly Participant[], source: string): void {
  const index = nameIndex(participants);
  if (index.size === 0) return;
  for (const turn of turns) {
    for (const paragraph of turn.paragraphs) {
      let offset = 0;
      const lines = paragraph.text.split('\n');
      for (const [k, raw] of lines.entries()) {
        const text = raw.trimStart();
        // A name line over the words is the paragraph's first line, the words below it start a sentence (a
        // wrapped sentence naming two people goes on in lower case).
        const first = k === 0 && !/^\s*\p{Ll}/u.test(lines[1] ?? '');
        const names = index.has(firstWord(text)) ? jointLabel(text, first, index) : null;
        if (names !== null) {
          const line = lineAt(source, paragraph.start + offset + (raw.length - text.length));
          throw new TranscriptFormatError(
            line.number,
            `${quoteLine(line.text)} names two speakers ("${names[0]}" and "${names[1]}"): whose words follow cannot be told; write them under one speaker's name`,
            { lineText: line.text },
          );
        }
        offset += raw.length + 1;
      }
    }
  }
}
