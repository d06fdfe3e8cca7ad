/** Text → lines with offsets, and the blank-line-separated groups most layouts are built from. */

/** One source line: its content with the line break and surrounding whitespace excluded. */
export interface Line {
  /** 1-based line number. */
  number: number;
  /** Offset of the first non-blank character (or of the line start when blank). */
  start: number;
  end: number;
  text: string;
}

/** Splits text into lines; tolerant of \r\n, \r and surrounding whitespace. Linear in the text. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let lineStart = 0;
  let number = 1;
  const push = (rawEnd: number): void => {
    let start = lineStart;
    let end = rawEnd;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    lines.push({ number, start, end, text: text.slice(start, end) });
    number++;
  };
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    push(m.index);
    lineStart = m.index + m[0].length;
  }
  push(text.length);
  return lines;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x0c || code === 0x0b || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

/** Consecutive non-blank lines: lines[from, to). */
export interface LineGroup {
  from: number;
  to: number;
}

/** The groups of non-blank lines in lines[from, to). */
export function lineGroups(lines: readonly Line[], from = 0, to = lines.length): LineGroup[] {
  const groups: LineGroup[] = [];
  let i = from;
  while (i < to) {
    while (i < to && (lines[i] as Line).text === '') i++;
    if (i >= to) break;
    let j = i;
    while (j < to && (lines[j] as Line).text !== '') j++;
    groups.push({ from: i, to: j });
    i = j;
  }
  return groups;
}

/**
 * The groups of non-blank lines in lines[from, to), each split again before every line k where
 * `startsBlock(k, groupEnd)` holds: a speaker's header with no blank line before it opens a block.
 */
export function speakerBlocks(lines: readonly Line[], startsBlock: (k: number, groupEnd: number) => boolean, from = 0, to = lines.length): LineGroup[] {
  return lineGroups(lines, from, to).flatMap((g) => {
    const parts: LineGroup[] = [];
    let start = g.from;
    for (let k = g.from + 1; k < g.to; k++) {
      if (startsBlock(k, g.to)) {
        parts.push({ from: start, to: k });
        start = k;
      }
    }
    parts.push({ from: start, to: g.to });
    return parts;
  });
}

/** Index of the first non-blank line at or after `from`, or lines.length. */
export function nextNonBlank(lines: readonly Line[], from: number): number {
  let i = from;
  while (i < lines.length && (lines[i] as Line).text === '') i++;
  return i;
}

/**
 * Longest line that header, title or speaker-line patterns are tried on. Real headers are well
 * under 200 characters; capping keeps every pattern's cost bounded on a 1 MB line.
 */
export const MAX_HEADER_LINE_CHARS = 300;

/** Whether a line is short enough to be a header, title or speaker line at all. */
export function headerSized(text: string): boolean {
  return text.length <= MAX_HEADER_LINE_CHARS;
}

/** The text with each line's content replaced (every line break kept), so line numbers are unchanged. */
export function rewriteLines(text: string, rewrite: (content: string, index: number) => string): string {
  const parts = text.split(/(\r\n|\r|\n)/);
  for (let i = 0; i < parts.length; i += 2) parts[i] = rewrite(parts[i] as string, i / 2);
  return parts.join('');
}

/** The line an offset of `source` is on: its 1-based number and its text, trimmed. */
export function lineAt(source: string, offset: number): { number: number; text: string } {
  let number = 1;
  let from = 0;
  for (let k = source.indexOf('\n'); k !== -1 && k < offset; k = source.indexOf('\n', k + 1)) {
    number++;
    from = k + 1;
  }
  const end = source.indexOf('\n', from);
  return { number, text: source.slice(from, end === -1 ? undefined : end).trim() };
}
