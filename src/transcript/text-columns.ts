/**
 * Two-column pages converted to text with their layout kept (`pdftotext -layout`, a PDF viewer's
 * "save as text"): each line holds a line of the left column, a gutter of spaces, and a line of
 * the right column, so read as it is the columns are woven together line by line — a speaker line
 * of one column beside the words of the other. The text is read column by column when its lines
 * split at one position: the right column's text starts there on many lines, with two spaces or
 * more before it, and hardly any line runs across it (a title, a running header or a footer
 * spanning both columns may; each one ends the columns above it — the page before — and they
 * start again below it). Both columns must hold words
 * (a table of figures is not two columns of a page). The rewritten text is what is stored; line
 * numbers in errors are its own (a warning says the columns were read one after the other).
 */
import type { ImportWarning } from './format-error.js';
import { splitLines, type Line } from './lines.js';

/** Fewest lines that split at the gutter, with text on both sides, for the text to be two columns. */
const MIN_SPLIT_LINES = 3;
/** Share of the lines that must split at the gutter. */
const MIN_SPLIT_SHARE = 0.2;
/** Share of the lines that may run across the gutter (titles, headers, footers), at least MIN_CROSSING. */
const MAX_CROSSING_SHARE = 0.1;
const MIN_CROSSING = 3;
/** Narrowest left column, in characters. */
const MIN_LEFT_WIDTH = 15;
/** Most gutter positions checked against the lines. */
const MAX_CANDIDATES = 8;
/** A word of three letters: what makes a column's part of a line words, not a figure. */
const WORD = /\p{L}{3,}/u;

type Row = { kind: 'blank' } | { kind: 'cross'; text: string } | { kind: 'split'; left: string; right: string };

/** A line read against a gutter that ends at `at` (the right column's text starts at or after it). */
function rowAt(line: string, at: number): Row {
  const end = line.trimEnd();
  if (end.trim() === '') return { kind: 'blank' };
  if (end.length <= at - 2) return { kind: 'split', left: end.trim(), right: '' };
  if (line.slice(at - 2, at) !== '  ') return { kind: 'cross', text: end.trim() };
  return { kind: 'split', left: line.slice(0, at - 2).trim(), right: line.slice(at).trim() };
}

/** Where the right column starts, or null when the lines do not split into two columns of words. */
function gutterOf(lines: readonly string[]): number | null {
  const filled = lines.filter((l) => l.trim() !== '');
  // A column runs down the page: a line split with words on both sides counts when the right column goes on in the line
  // above or below it. A running header or footer ("Tallis Freight Corp      Page 2 of 3") or a title line stands alone
  // there: three of them, over short lines of speech, made a one-column call two columns.
  const inRun = (rows: readonly Row[], k: number): boolean => [rows[k - 1], rows[k + 1]].some((r) => r !== undefined && r.kind === 'split' && r.right !== '');
  // Candidates: where text starts after a run of three spaces or more, past a left column.
  const counts = new Map<number, number>();
  for (const line of filled) {
    for (const m of line.matchAll(/ {3,}(?=\S)/g)) {
      const at = m.index + m[0].length;
      if (at >= MIN_LEFT_WIDTH) counts.set(at, (counts.get(at) ?? 0) + 1);
    }
  }
  let best: { at: number; split: number } | null = null;
  // The likeliest few positions only (each is checked against every line): linear in the text.
  const likeliest = [...counts].filter(([, n]) => n >= MIN_SPLIT_LINES && n >= (filled.length * MIN_SPLIT_SHARE) / 2).sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
  for (const [at] of likeliest) {
    const rows = filled.map((l) => rowAt(l, at));
    const all = lines.map((l) => rowAt(l, at));
    const both = all.filter((r, k): r is Extract<Row, { kind: 'split' }> => r.kind === 'split' && r.left !== '' && r.right !== '' && inRun(all, k));
    const crossing = rows.filter((r) => r.kind === 'cross').length;
    if (both.length < MIN_SPLIT_LINES || both.length < filled.length * MIN_SPLIT_SHARE) continue;
    if (crossing > Math.max(MIN_CROSSING, filled.length * MAX_CROSSING_SHARE)) continue;
    const worded = both.filter((r) => WORD.test(r.left) && WORD.test(r.right)).length;
    if (worded * 2 < both.length) continue;
    if (best === null || both.length > best.split) best = { at, split: both.length };
  }
  return best?.at ?? null;
}

/** The lines read column by column between the lines that run across both. */
function unwoven(lines: readonly string[], at: number): string[] {
  const out: string[] = [];
  let left: string[] = [];
  let right: string[] = [];
  const flush = (): void => {
    out.push(...left, ...(right.some((r) => r !== '') ? ['', ...right] : []));
    left = [];
    right = [];
  };
  for (const line of lines) {
    const row = rowAt(line, at);
    if (row.kind === 'cross') {
      flush();
      out.push(row.text);
    } else if (row.kind === 'blank') {
      left.push('');
      right.push('');
    } else {
      left.push(row.left);
      right.push(row.right);
    }
  }
  flush();
  return out;
}

/** The text with its two-column pages read column by column; unchanged when it has none. */
export function withColumnsUnwoven(text: string, lines: readonly Line[]): { text: string; lines: Line[]; warnings: ImportWarning[] } {
  // Cheap test first: a gutter needs lines with a run of spaces inside them.
  if (lines.filter((l) => / {3,}\S/.test(l.text)).length < MIN_SPLIT_LINES) return { text, lines: [...lines], warnings: [] };
  // Decoding dropped a PDF's form feeds: the lines that run across both columns (titles, running headers) part the pages.
  const raw = text.split(/\r\n|\r|\n/);
  const at = gutterOf(raw);
  if (at === null) return { text, lines: [...lines], warnings: [] };
  const out = unwoven(raw, at).join('\n');
  return {
    text: out,
    lines: splitLines(out),
    warnings: [{ line: null, message: 'pages in two columns read one column after the other (the text kept their layout when it was converted); line numbers are those of the text so read' }],
  };
}
