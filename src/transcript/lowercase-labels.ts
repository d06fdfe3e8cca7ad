/**
 * Speaker labels written all in lower case ("owen pryce: Thank you.", "operator: Good morning"), as
 * some note-takers and exports write them: no layout reads them as labels, so they were refused, or
 * read as words of the speaker before. Such a label is read as the name written with its capitals
 * when the call writes that name so elsewhere — a participants list, another label, an
 * introduction ("…turn the call over to Owen Pryce") — or is the operator. In a call that labels
 * so, a label that looks like a name the call never writes with capitals is refused with its line:
 * whose words follow cannot be told. Rewritten line for line (line numbers unchanged) before the
 * layout is detected, with a warning.
 */
import { englishWords } from './english-words.js';
import { TranscriptFormatError, quoteLine, type ImportWarning } from './format-error.js';
import { rewriteLines, splitLines, type Line } from './lines.js';
import { isInterjection, isOperatorName, looksLikeName } from './names.js';

/** "owen pryce: …", "operator:", "jan van der berg: …": one to four words in lower case, then a colon. */
const LOWER_LABEL = /^(?<label>\p{Ll}[\p{Ll}'\u2019.-]*(?:\s+\p{Ll}[\p{Ll}'\u2019.-]*){0,3})\s*:(?:\s|$)/u;
/** Words of a sentence, never of a name ("and in north america: …"). */
const SENTENCE_WORDS = new Set(['and', 'in', 'the', 'of', 'to', 'for', 'on', 'at', 'with', 'so', 'but', 'or', 'we', 'our', 'is', 'was', 'are', 'as', 'by', 'from', 'this', 'that', 'it', 'i', 'you', 'a', 'an']);
/** A line that ends a sentence (or is blank): the next line may open a paragraph. */
const ENDS_SENTENCE = /[.?!:"\u201d)\]]$/u;

function titleCased(label: string): string {
  return label.replace(/(^|[\s'\u2019-])(\p{Ll})/gu, (_m, before: string, c: string) => before + c.toUpperCase());
}

/** How the call writes `label` with capitals (every word capitalised), or null. Single words only as a label of their own. */
function capitalisedForm(label: string, text: string): string | null {
  const words = label.split(/\s+/);
  const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])${words.length === 1 ? '\\s*:' : ''}`, 'giu');
  for (const m of text.matchAll(re)) {
    const written = m[0].replace(/\s*:$/, '');
    if (written.split(/\s+/).every((w) => /^\p{Lu}/u.test(w) || /^(?:van|von|der|den|de|da|del|della|di|du|la|le|bin|binti|al|el|ter|ten|zu)$/.test(w)) && /\p{Lu}/u.test(written)) {
      if (words.length > 1 || (m.index === 0 || text[m.index - 1] === '\n')) return written.replace(/\s+/g, ' ');
    }
  }
  return null;
}

/** Reads lower-case speaker labels as the names the call writes with capitals; see the module comment. */
export function withLowercaseLabelsRead(text: string, lines: readonly Line[]): { text: string; lines: Line[]; warnings: ImportWarning[] } {
  const found = new Map<number, { label: string; written: string | null; line: Line }>();
  lines.forEach((line, k) => {
    const before = k > 0 ? (lines[k - 1] as Line).text : '';
    if (before !== '' && !ENDS_SENTENCE.test(before)) return;
    const label = LOWER_LABEL.exec(line.text)?.groups?.label;
    if (label === undefined) return;
    const operator = isOperatorName(titleCased(label)) ? titleCased(label) : null;
    found.set(k, { label, written: operator ?? capitalisedForm(label, text), line });
  });
  const read = [...found].filter(([, f]) => f.written !== null);
  if (read.length === 0) return { text, lines: [...lines], warnings: [] };
  // A call that labels in lower case: a name-like label it never writes with capitals is nobody it can tell.
  const words = englishWords();
  for (const [, f] of found) {
    if (f.written !== null) continue;
    const parts = f.label.split(/\s+/);
    const spoken = isInterjection(titleCased(f.label)) || parts.some((w) => SENTENCE_WORDS.has(w)) || parts.every((w) => words.has(w));
    if (parts.length >= 2 && parts.length <= 3 && looksLikeName(titleCased(f.label)) && !spoken) {
      throw new TranscriptFormatError(
        f.line.number,
        `cannot tell whether "${f.label}" is a speaker: labels here are written in lower case, and the call never writes "${titleCased(f.label)}" with its capitals (in a participants list, a label or an introduction); write "${titleCased(f.label)}:" if it is one`,
        { lineText: f.line.text },
      );
    }
  }
  const out = rewriteLines(text, (content, k) => {
    const f = found.get(k);
    if (f === undefined || f.written === null) return content;
    const line = f.line.text;
    return `${f.written}${line.slice(f.label.length)}`;
  });
  const first = read[0]?.[1].line as Line;
  return { text: out, lines: splitLines(out), warnings: [{ line: first.number, message: `${read.length} speaker labels written in lower case read as the names the call writes with capitals (${quoteLine(first.text)} as "${read[0]?.[1].written}")` }] };
}
