/**
 * A whole call on one line, its line breaks lost (a copy out of a web page's single paragraph, a
 * field exported from a database): "Acme Q3 2025 Earnings Call Operator: Good morning… Owen Pryce:
 * Thank you. Volumes… Maria Castell: Thanks, Owen. …". Read as it is, no layout finds a speaker
 * line in it. A line of 500 characters or more that holds three speakers' labels or more
 * (two people at least) is broken before each one: a name and a colon after a sentence's end, and
 * the first label of the line wherever it stands (after the title) when it is the operator's or
 * a name the line labels again. What the labels are is then the layouts' to decide, as in any
 * "Name:" transcript ("North America: orders up 20%" inside someone's words stays words). The
 * rewritten text is what is stored; line numbers are those of the text so read (a warning says so).
 */
import type { ImportWarning } from './format-error.js';
import { splitLines, type Line } from './lines.js';
import { isInterjection, isOperatorName, looksLikeName } from './names.js';

/** Shortest line read as a call run together. */
const MIN_RUN_ON_CHARS = 500;
/** Fewest labels, and people, in such a line. */
const MIN_LABELS = 3;

/** A label: one to five capitalised words (particles and initials allowed; a sentence's dot ends them) and a colon, words after it. */
const WORD = String.raw`\p{Lu}(?:\p{Ll}?\.|[\p{L}\p{M}'\u2019-]*)`;
const LABEL = new RegExp(String.raw`(?<=^|\s)(?<name>${WORD}(?:\s+(?:${WORD}|de|van|von|der|da|di|bin|binti|al|la|le|du|dos|del)){0,4}):\s+(?=\S)`, 'gu');
/** Words of a call's title, never of a speaker's name. */
const TITLE_WORD = /\b(?:earnings|call|conference|results|transcript|quarter|webcast|presentation)\b/i;
/** A sentence's end just before a label. */
const SENTENCE_END = /[.?!]["\u201d\u2019)]?\s+$/u;

interface Label {
  at: number;
  name: string;
  afterSentence: boolean;
}

function labelsIn(line: string): Label[] {
  const found: Label[] = [];
  for (const m of line.matchAll(LABEL)) {
    // The capitalised words right before the colon, a title's words left out ("Earnings Call Operator:" is "Operator:").
    let name = m.groups?.name ?? '';
    let at = m.index;
    const words = name.split(/\s+/);
    for (let k = 0; k < words.length - 1 && TITLE_WORD.test(name); k++) {
      at += (words[k] as string).length + 1;
      name = words.slice(k + 1).join(' ');
    }
    if (!(looksLikeName(name) || isOperatorName(name)) || isInterjection(name)) continue;
    const before = line.slice(0, at);
    found.push({ at, name, afterSentence: before.trim() === '' || SENTENCE_END.test(before) });
  }
  return found;
}

/** Where a run-on line breaks (offsets into it), or none when it is no call run together. */
function breaksOf(line: string): number[] {
  if (line.length < MIN_RUN_ON_CHARS) return [];
  const labels = labelsIn(line);
  const uses = new Map<string, number>();
  for (const l of labels) uses.set(l.name, (uses.get(l.name) ?? 0) + 1);
  // Someone the line labels twice, or the operator: a call's labels, not a paragraph's "North America: …, Europe: …".
  const firstIndex = labels.findIndex((l) => isOperatorName(l.name) || (uses.get(l.name) ?? 0) >= 2);
  if (firstIndex < 0) return [];
  const kept = labels.filter((l, k) => l.afterSentence || k === firstIndex);
  if (kept.length < MIN_LABELS || new Set(kept.map((l) => l.name)).size < 2) return [];
  return kept.map((l) => l.at).filter((at) => at > 0);
}

/** The text with each call run together on one line broken before its labels; unchanged when it has none. */
export function withRunOnLinesBroken(text: string, lines: readonly Line[]): { text: string; lines: Line[]; warnings: ImportWarning[] } {
  if (!lines.some((l) => l.text.length >= MIN_RUN_ON_CHARS)) return { text, lines: [...lines], warnings: [] };
  let first: number | null = null;
  let count = 0;
  const out = text.split(/\r\n|\r|\n/).map((raw, k) => {
    const breaks = breaksOf(raw);
    if (breaks.length === 0) return raw;
    first ??= k + 1;
    count += breaks.length;
    const parts: string[] = [];
    let from = 0;
    for (const at of breaks) {
      parts.push(raw.slice(from, at).trimEnd());
      from = at;
    }
    parts.push(raw.slice(from));
    return parts.join('\n\n');
  });
  if (first === null) return { text, lines: [...lines], warnings: [] };
  const rewritten = out.join('\n');
  return {
    text: rewritten,
    lines: splitLines(rewritten),
    warnings: [{ line: first, message: `a call run together on one line broken before its ${count} speaker labels; line numbers are those of the text so read` }],
  };
}
