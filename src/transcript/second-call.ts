/**
 * A file that holds more than one call: a second call's title standing as a paragraph of its own
 * in the body ("Fenwick Tools Inc. (FNWK) Q2 2025 Earnings Call" after the Q1 call's last answer,
 * as a user pastes a company's calls one under another). Read on, it would be words of the last
 * speaker of the first call, and the second call's turns would be filed under the first call's
 * company and quarter (also when its date line is under it in the same paragraph). Refused with its
 * line instead: one file is one call. A title line the
 * same as the header's (a PDF's running header seen once) is left to the page-furniture rule.
 */
import { TranscriptFormatError, quoteLine } from './format-error.js';
import { applyTitleLine, companyOverTitle, emptyHeaderMeta, isHeaderMetaLine, type HeaderMeta } from './header-meta.js';
import { headerSized, lineAt, type Line } from './lines.js';
import type { TurnDraft } from './structure.js';

/** Most words a title line has. */
const MAX_TITLE_WORDS = 16;
/** A call title's words ("Earnings Call", "Results Conference Call"), a date and time may follow. */
const CALL_TITLE = /\b(?:earnings|results)\s+(?:conference\s+)?call\b|\bconference\s+call\b/i;
/** A sentence's end: said in passing ("…on the Q2 2025 earnings call."), not a title ("…10:00 a.m. ET" is one). */
const SENTENCE_END = /(?<![ap]\.m)[.?!:;,]$/i;

/**
 * What a paragraph says of a call when it is a call's title line — alone, or over lines only a
 * header has ("February 4, 2026", "Ticker: FNWK", as the second call's header goes on) — else null.
 */
function titleOf(text: string): HeaderMeta | null {
  const [first, ...rest] = text.trim().split('\n');
  if (rest.some((l) => !isHeaderMetaLine(l.trim()))) return null;
  const line = (first as string).trim();
  if (!headerSized(line) || line.split(/\s+/).length > MAX_TITLE_WORDS || !CALL_TITLE.test(line) || SENTENCE_END.test(line) || !/^[\p{Lu}\p{N}]/u.test(line)) return null;
  const meta = emptyHeaderMeta();
  applyTitleLine(meta, { number: 0, start: 0, end: line.length, text: line });
  return meta.quarter !== null || meta.ticker !== null ? meta : null;
}

/** Throws TranscriptFormatError at the first paragraph that is the title of a call other than the header's. */
export function refuseSecondCall(turns: readonly TurnDraft[], header: HeaderMeta, source: string): void {
  for (const turn of turns) {
    for (const paragraph of turn.paragraphs) {
      const other = titleOf(paragraph.text);
      if (other === null) continue;
      const period = other.quarter !== null && other.quarter !== header.quarter;
      const company = other.ticker !== null && header.ticker !== null && other.ticker !== header.ticker;
      if (!period && !company) continue;
      const line = lineAt(source, paragraph.start);
      const differs = period ? `${other.quarter}, not ${header.quarter ?? 'the period of the call above it'}` : `${other.ticker}, not ${header.ticker}`;
      throw twoCalls(line, differs);
    }
  }
}

/** Lines from the top of a file within which the first call's title stands. */
const FIRST_TITLE_WITHIN = 8;

/**
 * The second call's title when a file holds two calls, each with its own header ("Tallis Freight
 * Corp (TLFT) Q3 2025 Earnings Call" opening a paragraph below the Q2 call, its date, list and
 * headings under it): a title line of another period or ticker than the first call's; else null.
 */
export function secondCallTitle(lines: readonly Line[]): { line: Line; title: string; differs: string } | null {
  let first: HeaderMeta | null = null;
  let written = 0;
  for (const [k, line] of lines.entries()) {
    if (line.text === '') continue;
    written++;
    const above = k > 0 ? (lines[k - 1] as Line) : null;
    // "Tallis Freight Corp" over "Q3 2025 Earnings Call": the call begins at the company's line.
    const companyAbove = above !== null && above.text !== '' && (k < 2 || (lines[k - 2] as Line).text === '') && companyOverTitle(above.text, line.text) !== null ? above : null;
    if (above !== null && above.text !== '' && companyAbove === null && first !== null) continue;
    const meta = titleOf(line.text);
    if (meta === null) continue;
    if (first === null) {
      if (written > FIRST_TITLE_WITHIN) return null;
      first = meta;
      continue;
    }
    const begins = companyAbove ?? line;
    if (meta.quarter !== null && first.quarter !== null && meta.quarter !== first.quarter) return { line: begins, title: begins === line ? line.text : `${begins.text} ${line.text}`, differs: `${meta.quarter}, not ${first.quarter}` };
    if (meta.ticker !== null && first.ticker !== null && meta.ticker !== first.ticker) return { line: begins, title: begins === line ? line.text : `${begins.text} ${line.text}`, differs: `${meta.ticker}, not ${first.ticker}` };
  }
  return null;
}

/**
 * A refusal of a file that holds two calls, said as such: the second call's header was read on as
 * the first call's body ("unknown speaker \"Company Participants\""), which says nothing of why.
 */
export function asTwoCalls(error: TranscriptFormatError, lines: readonly Line[]): TranscriptFormatError {
  let second: ReturnType<typeof secondCallTitle>;
  try {
    second = secondCallTitle(lines);
  } catch {
    return error; // a title line that is itself refused (an impossible date): that refusal stands
  }
  if (second === null || second.line.number > error.line) return error;
  return twoCalls(second.line, second.differs, second.title);
}

/** The refusal of a file with a second call's title at `line`. */
function twoCalls(line: { number: number; text: string }, differs: string, title = line.text): TranscriptFormatError {
  return new TranscriptFormatError(
    line.number,
    `${quoteLine(title)} is the title of another call (${differs}): the file holds two calls, the second beginning at line ${line.number}; split it there, one call a file`,
    { lineText: line.text },
  );
}
