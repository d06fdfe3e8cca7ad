/**
 * Participants lists set side by side, as a PDF's cover page has them and its text keeps them
 * ("Company Participants" and "Conference Call Participants" on one line, each entry line
 * holding one person of each list: "Owen Pryce  Chief Executive Officer      Hugo Brandt  Piper
 * Sandler"). Read as it is, each line is one person named "Owen Pryce Chief Executive Officer
 * Hugo Brandt" or refused. The block under two list headings on one line is read column by
 * column — the left list, then the right one — down to the first blank line, the spaces inside
 * an entry parting its cells as a table's tab does. The rewritten text is
 * what is stored; line numbers after the list are those of the text so read (a warning says so).
 */
import type { ImportWarning } from './format-error.js';
import { headingOf, isParticipantsHeading } from './headings.js';
import { splitLines, type Line } from './lines.js';

/** Two headings on one line: the right one after three spaces or more. */
const TWO_HEADINGS = /^(?<left>\S.*?\S) {3,}(?<right>\S.*\S)\s*$/;

/** The raw line's right column, when the line splits where the right heading starts (or stops short of it). */
function splitAt(line: string, at: number): { left: string; right: string } | null {
  const end = line.trimEnd();
  if (end.length <= at - 2) return { left: end.trim(), right: '' };
  if (line.slice(at - 2, at) !== '  ' || line.charAt(at) === ' ') return null;
  return { left: line.slice(0, at).trim(), right: line.slice(at).trim() };
}

/** The text with its side-by-side participants lists read one after the other; unchanged when it has none. */
export function withListColumnsRead(text: string, lines: readonly Line[]): { text: string; lines: Line[]; warnings: ImportWarning[] } {
  if (!lines.some((l) => / {3,}/.test(l.text))) return { text, lines: [...lines], warnings: [] };
  const raw = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  let first: number | null = null;
  for (let k = 0; k < raw.length; k++) {
    const line = raw[k] as string;
    const m = TWO_HEADINGS.exec(line);
    if (!m?.groups || !isParticipantsHeading(headingOf(m.groups.left!)) || !isParticipantsHeading(headingOf(m.groups.right!))) {
      out.push(line);
      continue;
    }
    const at = line.indexOf(m.groups.right!, line.indexOf(m.groups.left!) + m.groups.left!.length);
    const left: string[] = [];
    const right: string[] = [];
    let j = k + 1;
    // A blank line right under the headings, as a cover page may have, then the entries down to the next blank line.
    while (j < raw.length && (raw[j] as string).trim() === '') j++;
    let rows = 0;
    for (; j < raw.length && (raw[j] as string).trim() !== ''; j++) {
      const row = splitAt(raw[j] as string, at);
      if (row === null) break;
      // Inside an entry, a run of spaces parts its cells as a table's tab does ("Owen Pryce    Chief Executive Officer").
      if (row.left !== '') left.push(row.left.replace(/ {2,}/g, '\t'));
      if (row.right !== '') right.push(row.right.replace(/ {2,}/g, '\t'));
      rows++;
    }
    if (rows === 0 || right.length === 0 || (j < raw.length && (raw[j] as string).trim() !== '')) {
      out.push(line);
      continue;
    }
    first ??= k + 1;
    out.push(m.groups.left!, ...left, '', m.groups.right!, ...right);
    k = j - 1;
  }
  if (first === null) return { text, lines: [...lines], warnings: [] };
  const rewritten = out.join('\n');
  return {
    text: rewritten,
    lines: splitLines(rewritten),
    warnings: [{ line: first, message: 'participants lists set side by side read one after the other; line numbers below them are those of the text so read' }],
  };
}
