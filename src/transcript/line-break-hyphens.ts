/**
 * Words a PDF broke at a line end with a hyphen ("continu-" / "ation") are joined back, so the
 * text stored and searched has "continuation". Only inside one paragraph (the next line is not
 * blank) and only where the second part starts in lowercase. The hyphen is taken out when the
 * joined word is an English word, or when the parts are not both words ("profit-" / "ability");
 * it is kept, the word still rejoined, for compounds: a first part that already has a hyphen
 * ("year-over-" / "year" → "year-over-year") or two words that do not make one ("long-" /
 * "term" → "long-term"). Lines keep their numbers: the second part moves up to the first line.
 */
import { englishWords } from './english-words.js';
import type { ImportWarning } from './format-error.js';
import { rewriteLines, splitLines, type Line } from './lines.js';

/** "…continu-": the broken word's letters before the hyphen, and what came before them in the same token. */
const BROKEN_END = /(?<![\p{L}\p{N}-])(?<head>(?:[\p{L}\p{N}]+-)*)(?<first>\p{L}*\p{Ll})-$/u;
/** "ation, and so on": the second part (lowercase letters), its trailing punctuation, the rest of the line. */
const CONTINUED = /^(?<second>\p{Ll}+)(?<tail>[^\s]*)\s*(?<rest>.*)$/su;

/** An English word (the shared list, read once, looked up without parsing it). */
const isEnglishWord = (word: string): boolean => englishWords().has(word);

/** Whether the hyphen of "first-" / "second" is a line break's, not the word's own. */
function breakHyphen(head: string, first: string, second: string): boolean {
  if (head !== '') return false; // "year-over-" / "year"
  const a = first.toLowerCase();
  if (isEnglishWord(a + second)) return true;
  return !(isEnglishWord(a) && isEnglishWord(second));
}

/**
 * The new content of each line whose broken word is rejoined (index → text), for lines[k] ending
 * "word-" followed by a non-blank lines[k + 1] starting in lowercase.
 */
export function rejoinedLines(lines: readonly Line[]): { lines: Map<number, string>; joins: number[] } {
  const out = new Map<number, string>();
  const joins: number[] = [];
  for (let k = 0; k + 1 < lines.length; k++) {
    const line = out.get(k) ?? (lines[k] as Line).text;
    const next = lines[k + 1] as Line;
    if (!line.endsWith('-') || next.text === '') continue;
    const end = BROKEN_END.exec(line.slice(-120));
    const cont = end?.groups ? CONTINUED.exec(next.text) : null;
    if (!end?.groups || !cont?.groups) continue;
    // Moving a line's only word up would leave a blank line inside the paragraph.
    const rest = cont.groups.rest as string;
    if (rest === '' && k + 2 < lines.length && (lines[k + 2] as Line).text !== '') continue;
    const second = cont.groups.second as string;
    const joined = breakHyphen(end.groups.head as string, end.groups.first as string, second) ? line.slice(0, -1) : line;
    out.set(k, `${joined}${second}${cont.groups.tail as string}`);
    out.set(k + 1, rest);
    joins.push(k);
  }
  return { lines: out, joins };
}

/** The text with words broken at line ends rejoined, its lines, and a warning counting them. */
export function withWordsRejoined(text: string, lines: readonly Line[]): { text: string; lines: Line[]; warnings: ImportWarning[] } {
  const rejoined = rejoinedLines(lines);
  if (rejoined.joins.length === 0) return { text, lines: [...lines], warnings: [] };
  const out = rewriteLines(text, (content, k) => rejoined.lines.get(k) ?? content);
  const first = rejoined.joins[0] as number;
  const count = rejoined.joins.length;
  return {
    text: out,
    lines: splitLines(out),
    warnings: [{ line: (lines[first] as Line).number, message: `${count} word${count === 1 ? '' : 's'} broken at a line end with a hyphen rejoined, the first at this line` }],
  };
}
