/**
 * A transcription service's speaker key at the top of the file ("Speaker 1: Operator", "Speaker 2:
 * Alan Marsh, Chief Executive Officer"), its labels used in the body ("Speaker 2 (00:00:31):"):
 * read as turns, each key line would be words ("Alan Marsh, Chief Executive Officer" said by
 * Speaker 2) and every turn under a number. Two key lines or more in a row, each a numbered label
 * and a name (the operator, or a name with a title or firm), are the key: each label names that
 * person wherever it is used.
 */
import type { Line } from './lines.js';
import { isOperatorName, looksLikeName, splitNameHint } from './names.js';

export interface LegendEntry {
  /** The label as the body writes it ("Speaker 2"). */
  label: string;
  name: string;
  /** The title or firm written with the name, if any. */
  hint: string | null;
}

/** "Speaker 2: Alan Marsh, Chief Executive Officer", "Speaker 1 = Operator", "S3 - Kate Lowe (UBS)". */
const LEGEND_LINE = /^(?<label>(?:speaker|spk|voice|participant)\s*\d{1,3}|S\d{1,3})\s*(?::|=|\s[-\u2013\u2014]\s)\s*(?<value>\S.{0,120})$/iu;

function entryOf(text: string): LegendEntry | null {
  const m = LEGEND_LINE.exec(text.trim());
  if (!m?.groups) return null;
  const value = (m.groups.value as string).trim();
  if (isOperatorName(value)) return { label: m.groups.label as string, name: 'Operator', hint: null };
  const bracketed = splitNameHint(value);
  const split = bracketed.hint !== null ? bracketed : /^(?<name>[^,\u2013\u2014]+?)\s*(?:,|\s[-\u2013\u2014]\s)\s*(?<hint>.+)$/u.exec(value)?.groups;
  const name = (split?.name ?? value).trim();
  if (!looksLikeName(name) || name.split(/\s+/).length < 2) return null;
  return { label: m.groups.label as string, name, hint: split?.hint?.trim() ?? null };
}

/** The key that starts at `lines[from]` and the index of the line after it, or null when none does. */
export function readLegend(lines: readonly Line[], from: number): { entries: LegendEntry[]; next: number } | null {
  const entries: LegendEntry[] = [];
  let k = from;
  for (; k < lines.length && (lines[k] as Line).text !== ''; k++) {
    const entry = entryOf((lines[k] as Line).text);
    if (entry === null) break;
    entries.push(entry);
  }
  const labels = new Set(entries.map((e) => e.label.toLowerCase().replace(/\s+/g, ' ')));
  return entries.length >= 2 && labels.size === entries.length ? { entries, next: k } : null;
}
