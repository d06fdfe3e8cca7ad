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
import { applyTitleLine, emptyHeaderMeta, isHeaderMetaLine, type HeaderMeta } from './header-meta.js';
import { headerSized, lineAt } from './lines.js';
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
      throw new TranscriptFormatError(
        line.number,
        `${quoteLine(line.text)} is the title of another call (${differs}): a file holds one call; split it where this one begins`,
        { lineText: line.text },
      );
    }
  }
}
