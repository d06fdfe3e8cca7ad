/**
 * Marks some transcripts put around every speaker's label, which no layout reads as part of one:
 * - paragraph numbers, as an editor numbers a transcript's paragraphs ("12. Owen Pryce: …", "[12] Owen Pryce: …",
 *   "¶12 Owen Pryce: …", "[00:12:31] 12 Owen Pryce" over the words) — taken away only when they count up one by one;
 * - broadcast captions' chevrons pasted into a text file (">> OWEN PRYCE: …") — taken away when
 *   two labels or more are written so; a ">>" that names no one is a change of speaker to an
 *   "Unidentified Speaker", as in captions, never the words of the one before;
 * - a dash where the colon would be ("Owen Pryce — Thank you, and good morning.") — made a colon
 *   when three paragraphs or more by two people or more open so with a sentence, never with a
 *   title ("Owen Pryce — Chief Executive Officer" is a speaker line as it is).
 * Rewritten line for line (line numbers unchanged) before the layout is detected, with a warning.
 */
import type { ImportWarning } from './format-error.js';
import { rewriteLines, splitLines, type Line } from './lines.js';
import { isInterjection, isOperatorName, looksLikeName } from './names.js';
import { looksLikeTitleLine } from './titles.js';

/** A paragraph number, after a time stamp if there is one: "12. ", "12) ", "[00:12:31] 12 ", or in brackets "[12] ", "(12) ", "¶12 ". */
const NUMBERED =
  /^(?<stamp>\[?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\]?\s+)?(?:\[(?<bracketed>\d{1,4})\]\s*|\((?<parenthesised>\d{1,4})\)\s*|¶\s?(?<pilcrow>\d{1,4})\.?\s+|(?<n>\d{1,4})(?:[.)]\s+|\s+))(?=\p{L})/u;
/** Fewest numbered paragraphs in sequence that make the numbers the paragraphs', not words. */
const MIN_NUMBERED = 3;

/** ">> OWEN PRYCE: …", ">>Owen Pryce: …", or ">> …" alone. */
const CHEVRON = /^>>\s*/;
/** A label after the chevrons: a name (or "Operator") and a colon. */
const CHEVRON_LABEL = /^(?<name>[^:]{1,60}?):(?:\s|$)/u;

/** "Owen Pryce — words", "Operator – words": a name, a spaced em or en dash, then what they said. */
const DASH_LABEL = /^(?<name>\p{L}[^\u2013\u2014:]{0,58}?)\s+[\u2013\u2014]\s+(?<rest>\S.*)$/u;
/** Fewest paragraphs opened with a dash label, and fewest people, that make the dash a colon. */
const MIN_DASH_LABELS = 3;

/** Whether a line (its marks taken away) opens with a speaker's label: "Owen Pryce: …", or a name alone over the words. */
function opensWithLabel(text: string): boolean {
  const label = /^(?<name>[^:]{1,60}?):(?:\s|$)/u.exec(text)?.groups?.name?.trim() ?? text.trim();
  return (looksLikeName(label) || isOperatorName(label)) && !isInterjection(label);
}

/**
 * Lines whose number goes on the sequence before it (the first match starts it) and opens a
 * speaker's label, with the number's length — a list in someone's words ("1. We raised prices")
 * keeps its numbers.
 */
function numberedLines(lines: readonly Line[]): Map<number, number> {
  const found = new Map<number, number>();
  let last: number | null = null;
  for (const [k, line] of lines.entries()) {
    const m = NUMBERED.exec(line.text);
    if (!m?.groups || !opensWithLabel(line.text.slice(m[0].length))) continue;
    const n = Number(m.groups.n ?? m.groups.bracketed ?? m.groups.parenthesised ?? m.groups.pilcrow);
    if (last !== null && n !== last + 1) continue;
    last = n;
    found.set(k, m[0].length - (m.groups.stamp?.length ?? 0));
  }
  return found.size >= MIN_NUMBERED ? found : new Map();
}

/** What a line becomes without its chevrons: its label, or "Unidentified Speaker:" when it names no one. */
function unchevroned(text: string): string | null {
  const m = CHEVRON.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  const label = CHEVRON_LABEL.exec(rest)?.groups?.name?.trim();
  if (label !== undefined && (looksLikeName(label) || isOperatorName(label))) return rest;
  return rest === '' ? '' : `Unidentified Speaker: ${rest}`;
}

function chevronLabels(lines: readonly Line[]): number {
  let labels = 0;
  for (const line of lines) {
    const m = CHEVRON.exec(line.text);
    const name = m ? CHEVRON_LABEL.exec(line.text.slice(m[0].length))?.groups?.name?.trim() : undefined;
    if (name !== undefined && (looksLikeName(name) || isOperatorName(name))) labels++;
  }
  return labels;
}

/** A dash label's name when the line is one: a name or "Operator", then a sentence (not a title or firm). */
function dashLabel(text: string): string | null {
  const m = DASH_LABEL.exec(text);
  if (!m?.groups) return null;
  const name = m.groups.name!.trim();
  const rest = m.groups.rest!;
  // "Alan Marsh — Chief Executive Officer: Thank you." is a label as it is (its title before the colon).
  if (!(looksLikeName(name) || isOperatorName(name)) || isInterjection(name) || looksLikeTitleLine(rest) || /^[^.?!:]{1,80}:(?:\s|$)/u.test(rest)) return null;
  return /[.?!]["\u201d\u2019)]?$/u.test(rest) || rest.split(/\s+/).length >= 6 ? name : null;
}

/**
 * Lines opened by a dash label, when the call is written so throughout (see MIN_DASH_LABELS): a
 * third of its paragraphs or more open so — a CFO's "North America — volumes rose 6%." lines in a
 * call written otherwise stay words.
 */
function dashLines(lines: readonly Line[], text: string): Set<number> {
  const found = new Map<number, string>();
  const uses = new Map<string, number>();
  let paragraphs = 0;
  for (const [k, line] of lines.entries()) {
    if (line.text !== '' && (k === 0 || (lines[k - 1] as Line).text === '')) paragraphs++;
    const name = dashLabel(line.text);
    if (name === null) continue;
    found.set(k, name);
    uses.set(name, (uses.get(name) ?? 0) + 1);
  }
  if (found.size < MIN_DASH_LABELS || uses.size < 2 || 3 * found.size < paragraphs) return new Set();
  // A name that opens one such line only is a speaker when it is the operator or the call hands the floor to it
  // ("…comes from Leila Moran", "…over to Owen Pryce"); else ("North America — volumes rose 6%.") it stays words.
  const speaker = (name: string): boolean => (uses.get(name) ?? 0) >= 2 || isOperatorName(name) || handedTo(text, name);
  return new Set([...found].filter(([, name]) => speaker(name)).map(([k]) => k));
}

/** Whether the text hands the floor to `name` ("…comes from Leila Moran", "…over to Owen Pryce", "…the line of Hugo Brandt"). */
function handedTo(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(String.raw`\b(?:comes? from|question from|(?:over|turn it|hand it|pass it) to|line of|go next to|next to|we have)\s+${escaped}\b`, 'iu').test(text);
}

/** The text with the marks around its labels taken away (see the module comment), its lines, and a warning saying so. */
export function withLabelMarksRead(text: string, lines: readonly Line[]): { text: string; lines: Line[]; warnings: ImportWarning[] } {
  const numbered = numberedLines(lines);
  const chevrons = chevronLabels(lines) >= 2;
  const dashes = dashLines(lines, text);
  if (numbered.size === 0 && !chevrons && dashes.size === 0) return { text, lines: [...lines], warnings: [] };
  const out = rewriteLines(text, (content, k) => {
    const line = lines[k] as Line;
    let s = line.text;
    const number = numbered.get(k);
    if (number !== undefined) {
      const stamp = NUMBERED.exec(s)?.groups?.stamp ?? '';
      s = stamp + s.slice(stamp.length + number);
    }
    if (chevrons) s = unchevroned(s) ?? s;
    if (dashes.has(k)) s = s.replace(/\s+[\u2013\u2014]\s+/u, ': ');
    return s === line.text ? content : s;
  });
  const what = [
    numbered.size > 0 ? `${numbered.size} paragraph numbers` : null,
    chevrons ? 'the ">>" before speakers\' labels' : null,
    dashes.size > 0 ? `the dash after ${dashes.size} speakers' names (read as a colon)` : null,
  ].filter(Boolean);
  const first = Math.min(...[...numbered.keys(), ...dashes, ...(chevrons ? [lines.findIndex((l) => CHEVRON.test(l.text))] : [])]);
  return { text: out, lines: splitLines(out), warnings: [{ line: (lines[first] as Line).number, message: `speaker labels read without ${what.join(', ')}` }] };
}
