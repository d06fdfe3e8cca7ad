/**
 * Markdown copies of web pages ("copy as Markdown", Notion/Obsidian exports, Jina/Firecrawl
 * scrapes) read as the plain text they render to: headings, emphasis, list bullets, quotes,
 * links, rules and HTML entities are taken away before the layout is detected, so
 * `**Jane Roe**` over `_Chief Executive Officer_` is the standard layout's name line over its
 * title line, `- **Jane Roe** — CEO` a participants list line and `**Jane Roe:** …` a
 * name-colon label. The text is rewritten line for line (the same line numbers, so errors still
 * name the file's own lines), and the rewritten text is what is stored and searched.
 *
 * Only a file that reads as Markdown is rewritten (see `isMarkdown`): a plain transcript's
 * `* Name, Title` bullets or `-----` rules are its layout's own and are left as they are. HTML
 * entities (`&amp;`, `&#39;`) are decoded in any text file: no transcript means them literally.
 */
import { decodeHTMLStrict } from 'entities';
import type { ImportWarning } from './format-error.js';
import { headerSized, rewriteLines, splitLines, type Line } from './lines.js';

/** "## Company Participants", "# Acme Q3 2025 Earnings Call". */
const ATX_HEADING = /^#{1,6}[ \t]+\S/;
/**
 * A line that is all bold, or opens with a bold label: "**Jane Roe**", "**Jane Roe:** …", "**Jane Roe**: …", or a bold
 * name over the words with the time it was said ("**Jane Roe** [00:00:06]", "**Jane Roe** (00:06)", as Descript and
 * podcast tools export a transcript).
 */
const BOLD_LINE = /^(\*\*|__)[^*_\n]{1,80}(?::\1|\1\s*:|\1$|\1[ \t]+(?:\[\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\]|\(\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\))$)/;
/** A line that is all italic, as a title under a bold name: "_Chief Executive Officer_", "*CFO*". */
const ITALIC_LINE = /^(?:\*[^*\s][^*]{0,80}\*|_[^_\s][^_]{0,80}_)$/;
/** "[Jane Roe](https://…)", "![chart](…)". */
const LINK = /!?\[[^\]\n]{1,200}\]\([^)\s]{1,500}(?:\s+"[^"]*")?\)/;
/** A list item whose text is marked up: "- **Jane Roe** — CEO", "* [Jane Roe](…) - CEO". */
const MARKED_LIST_ITEM = /^[-*+][ \t]+(?:\*\*|__|\[)/;

/** A pipe table's delimiter row: "|---|---|", "| :--- | ---: |". */
const TABLE_RULE = /^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?$/;
/** A pipe table's row: "| Jane Roe | Thank you. … |". */
const TABLE_ROW = /^\|.*\|$/;

/** Least number of lines of a kind that make a file Markdown on their own (bold name lines, links). */
const MIN_OF_ONE_KIND = 3;

/**
 * Whether a file is Markdown: two kinds of markup among headings, bold lines or labels, italic
 * lines, links, marked-up list items and pipe tables, or three bold lines or links. A plain transcript has
 * none of these (a terminal export's `* Name` bullets and `=====` rules are not counted).
 */
export function isMarkdown(lines: readonly Line[]): boolean {
  const counts = { heading: 0, bold: 0, italic: 0, link: 0, list: 0, table: 0 };
  for (const l of lines) {
    if (l.text === '' || !headerSized(l.text)) {
      if (l.text !== '' && LINK.test(l.text.slice(0, 2000))) counts.link++;
      continue;
    }
    if (TABLE_RULE.test(l.text)) counts.table++;
    else if (ATX_HEADING.test(l.text)) counts.heading++;
    else if (BOLD_LINE.test(l.text)) counts.bold++;
    else if (ITALIC_LINE.test(l.text)) counts.italic++;
    else if (MARKED_LIST_ITEM.test(l.text)) counts.list++;
    if (LINK.test(l.text)) counts.link++;
  }
  const kinds = Object.values(counts).filter((n) => n > 0).length;
  return kinds >= 2 || counts.bold >= MIN_OF_ONE_KIND || counts.link >= MIN_OF_ONE_KIND;
}

/** ASCII punctuation a backslash escapes in Markdown ("1\.", "\*", "\_" as Turndown writes them). */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
/** Escaped characters are parked in the Private Use Area while the markup around them is removed. */
const PARK_BASE = 0xe000;
const PARKED = /[\ue000-\ue07f]/g;

/** Jina Reader's header lines: "Title: …" (kept as the title), "URL Source: …", "Published Time: …", "Markdown Content:". */
const READER_META = /^(?:url source|published time|markdown content|warning|number of pages):/i;
const READER_TITLE = /^title:\s*(?<title>\S.*)$/i;
/** How far into the file a reader's header lines may come. */
const READER_HEADER_LINES = 10;

/** The plain text one line of Markdown renders to (block markers, then inline markup). */
function plainLine(text: string): string {
  // Rules and setext underlines ("---", "***", "==="), a table's delimiter row and link reference definitions are no text.
  if (/^(?:[-*_][ \t]*){3,}$|^=+$/.test(text) || TABLE_RULE.test(text) || /^\[[^\]]{1,100}\]:\s*\S+/.test(text)) return '';
  let s = text.replace(ESCAPE, (_, c: string) => String.fromCharCode(PARK_BASE + c.charCodeAt(0)));
  // A table row's cells, tab-separated as a web page's table reads ("Jane Roe<TAB>Thank you. …"); "\|" stays in its cell.
  if (TABLE_ROW.test(s)) s = s.slice(1, -1).split('|').map((cell) => cell.trim()).join('\t');
  s = s.replace(/^(?:>[ \t]?)+/, ''); // quotes, nested or not
  s = s.replace(/^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?$/, '$1'); // ATX headings
  s = s.replace(/^(?:[-*+])[ \t]+(?:\[[ xX]\][ \t]+)?/, ''); // bullets and task boxes
  s = s.replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, ''); // images are not words
  s = s.replace(/\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"\n]*")?\)/g, '$1'); // [text](url "title"); a linked image leaves "[](url)"
  s = s.replace(/\[([^\]\n]+)\]\[[^\]\n]*\]/g, '$1'); // [text][ref]
  s = s.replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1'); // autolinks
  s = s.replace(/<br\s*\/?>/gi, ' ').replace(/<\/?(?:span|p|div|em|strong|b|i|u|sup|sub|mark|small)\b[^>]*>/gi, '');
  s = s.replace(/`([^`\n]+)`/g, '$1');
  s = s.replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2'); // bold
  s = s.replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1'); // strikethrough
  s = s.replace(/\*(?=[^\s*])([^*]*?)(?<=[^\s*])\*/g, '$1'); // *italic*
  s = s.replace(/(?<![\p{L}\p{N}_])_(?=[^\s_])([^_]*?)(?<=[^\s_])_(?![\p{L}\p{N}_])/gu, '$1'); // _italic_, never snake_case
  return s.replace(PARKED, (c) => String.fromCharCode(c.charCodeAt(0) - PARK_BASE));
}

/** A name alone in bold ("**Jane Roe**"), as a page writes a speaker's line. */
const BOLD_NAME = /^(\*\*|__)[^*_\n]{1,80}\1$/;
/** Blank lines a page puts between a bold name and its italic title. */
const MAX_GAP = 2;

/**
 * An italic title a blank line or two under a bold name ("**Jane Roe**", "", "_Chief Executive
 * Officer_"): the blank line right under the name (index → the title's line index), where the
 * title moves so that it reads as the name's title line rather than as the first words.
 */
function titlesUnderNames(lines: readonly Line[]): Map<number, number> {
  const moves = new Map<number, number>();
  for (let k = 0; k < lines.length; k++) {
    if (!BOLD_NAME.test((lines[k] as Line).text)) continue;
    let j = k + 1;
    while (j < lines.length && j - k - 1 < MAX_GAP && (lines[j] as Line).text === '') j++;
    if (j > k + 1 && j < lines.length && ITALIC_LINE.test((lines[j] as Line).text)) moves.set(k + 1, j);
  }
  return moves;
}

const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/**
 * The text with Markdown markup (when the file is Markdown) and HTML entities taken away, its
 * lines, and a warning saying so; the text unchanged when there was neither.
 */
export function withoutMarkup(text: string, lines: readonly Line[]): { text: string; lines: Line[]; warnings: ImportWarning[] } {
  const markdown = isMarkdown(lines);
  const entities = ENTITY.test(text);
  if (!markdown && !entities) return { text, lines: [...lines], warnings: [] };
  // Jina Reader's header ("Title: …", "URL Source: …") only when it is there: "Title:" alone is a transcript's own key.
  const readerHeader = markdown && lines.slice(0, READER_HEADER_LINES).some((l) => READER_META.test(l.text));
  const titleMoves = markdown ? titlesUnderNames(lines) : new Map<number, number>();
  const moved = new Set(titleMoves.values());
  const contents = text.split(/\r\n|\r|\n/);
  const out = rewriteLines(text, (content, index) => {
    if (moved.has(index)) return '';
    let s = titleMoves.has(index) ? (contents[titleMoves.get(index) as number] as string) : content;
    if (markdown) {
      s = s.trim();
      if (readerHeader && index < READER_HEADER_LINES) {
        if (READER_META.test(s)) return '';
        s = READER_TITLE.exec(s)?.groups?.title ?? s;
      }
      s = plainLine(s);
    }
    return entities && s.includes('&') ? decodeHTMLStrict(s) : s;
  });
  const outLines = splitLines(out);
  const changed = outLines.filter((l, k) => l.text !== (lines[k] as Line).text).length;
  const what = [markdown ? `Markdown markup${readerHeader ? " and the reader's header" : ''}` : null, entities ? 'HTML entities' : null].filter(Boolean).join(' and ');
  return {
    text: out,
    lines: outLines,
    warnings: changed > 0 ? [{ line: null, message: `read as plain text: ${what} taken away on ${changed} line${changed === 1 ? '' : 's'}` }] : [],
  };
}
