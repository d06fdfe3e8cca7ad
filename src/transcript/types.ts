/** The typed model of one earnings call, produced by parseTranscript. */

export type Side = 'company' | 'analyst' | 'operator' | 'unknown';
/** How the side was established: participants list, a speaker header's title/firm, dataset metadata,
 *  inferred from the operator's introductions, or not at all. */
export type SideSource = 'listed' | 'header' | 'metadata' | 'inferred' | 'unknown';
export type Section = 'prepared_remarks' | 'qa';
export type LayoutName = 'standard' | 'dash-header' | 'name-colon' | 'webvtt' | 'asr-tokens';

/** Half-open character range [start, end) into the call's source text. */
export interface Span {
  start: number;
  end: number;
}

export interface CallMeta {
  /** Stable id used in every passage id, e.g. "amzn-q4-2025". */
  id: string;
  /** The title line exactly as written. */
  title: string;
  /** The ticker stands in when the company name is unknown. */
  company: string;
  ticker: string | null;
  /** e.g. "Q4 2025"; null when unknown (never guessed). */
  quarter: string | null;
  fiscalQuarter: number | null;
  fiscalYear: number | null;
  /** ISO date, e.g. "2026-02-05". */
  date: string | null;
  /** As written, e.g. "5:00 PM EST". */
  time: string | null;
  layout: LayoutName;
  sector: string | null;
}

export interface Participant {
  /** Stable slug, e.g. "andrew-jassy"; "operator" for the operator. */
  id: string;
  name: string;
  /** Company title ("President, CEO & Director") or null for analysts and the operator. */
  title: string | null;
  /** Analyst firm ("Goldman Sachs Group, Inc.") or the company name for executives; null for the operator. */
  firm: string | null;
  /** Firm division for analysts ("Research Division"), else null. */
  division: string | null;
  side: Side;
  sideSource: SideSource;
}

export interface Paragraph extends Span {
  text: string;
}

export interface Turn extends Span {
  /** Position in the call, 0-based. */
  index: number;
  speakerId: string;
  section: Section;
  /** Q&A exchange this turn belongs to (1-based), or null in prepared remarks / closing. */
  exchange: number | null;
  /** What the turn is within its exchange. */
  role: 'intro' | 'question' | 'answer' | 'remarks';
  paragraphs: Paragraph[];
  /** Seconds into the recording (WebVTT), else null. */
  startTime: number | null;
}

export interface Exchange {
  /** 1-based, in call order. */
  id: number;
  analystId: string;
  /** The operator turn that introduced the analyst, if any. */
  introTurn: number | null;
  questionTurns: number[];
  answerTurns: number[];
}

export interface Call {
  meta: CallMeta;
  participants: Participant[];
  turns: Turn[];
  exchanges: Exchange[];
  /** The source text all offsets point into. */
  source: string;
}
