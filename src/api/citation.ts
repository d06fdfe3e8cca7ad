/**
 * Citable quotes: one line an analyst can paste under what an executive said.
 *
 *   "So there is a lot of interest in Trainium at this point." — Andrew Jassy, President, CEO &
 *   Director, Amazon.com, Inc. Q4 2025 earnings call, February 5, 2026
 *
 * Pure: the search results, the page, the CLI and the MCP server all carry this same string.
 */

export interface CitationSpeaker {
  name: string;
  /** Company title; preferred over the firm when both are known. */
  title: string | null;
  /** Analyst's firm (or the company, for executives). */
  firm: string | null;
}

export interface CitationCall {
  /** The company's name; the ticker stands in when the transcript does not name it. */
  company: string;
  /** "Q4 2025", or null when the transcript does not say (never guessed). */
  quarter: string | null;
  /** ISO date ("2026-02-05"), a date as written, or null. */
  date: string | null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Characters that must not travel inside a pasted quote: C0/C1 controls (a terminal would act on
 * them) and bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which would
 * reorder the citation around them.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Collapse whitespace and drop characters that would reorder or control the text around the quote. */
function clean(text: string): string {
  return text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

/** "2026-02-05" → "February 5, 2026"; anything else is kept as written. */
export function formatCitationDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month || Number(m[3]) < 1 || Number(m[3]) > 31) return clean(date);
  return `${month} ${Number(m[3])}, ${m[1]}`;
}

/**
 * `"<sentence>" — <Name>, <title or firm>, <Company> <Quarter Year> earnings call[, <date>]`.
 * Without a title or firm (the operator) that part is left out; without a quarter the call is
 * "<Company> earnings call"; without a date nothing follows it. Double quotes inside the
 * sentence become single ones so the quote stays one quotation.
 */
export function formatCitation(sentence: string, speaker: CitationSpeaker, call: CitationCall): string {
  return `${citationQuote(sentence)} — ${citationSource(speaker, call)}`;
}

/** The quote of a citation: `"<sentence>"`. */
export function citationQuote(sentence: string): string {
  return `"${clean(sentence).replace(/^["“”]+|["“”]+$/g, '').replace(/["“”]/g, "'")}"`;
}

/**
 * Who said it and where: `<Name>, <title or firm>, <Company> <Quarter Year> earnings call[, <date>]`,
 * the same for every quote of one speaker in one call (search results reuse it).
 */
export function citationSource(speaker: CitationSpeaker, call: CitationCall): string {
  const role = clean(speaker.title ?? '') || clean(speaker.firm ?? '');
  const quarter = call.quarter ? clean(call.quarter) : '';
  const event = `${[clean(call.company), quarter].filter(Boolean).join(' ')} earnings call`;
  const date = call.date ? formatCitationDate(call.date) : '';
  return [clean(speaker.name), role, event, date].filter(Boolean).join(', ');
}
