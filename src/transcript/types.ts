/** The typed model of one earnings call, produced by the transcript layer (see read-source.ts). */

export type Side = 'company' | 'analyst' | 'operator' | 'unknown';
/**
 * How a participant's side was established: a participants list, a speaker header's title/firm,
 * dataset metadata, inferred from the operator's introductions, or not at all.
 */
export type SideSource = 'listed' | 'header' | 'metadata' | 'inferred' | 'unknown';
export type Section = 'prepared_remarks' | 'qa';
/** The source layouts the parser reads (see src/transcript/layouts/): one list for the stored-call format, the API and the type. */
export const LAYOUT_NAMES = ['standard', 'dash-header', 'name-colon', 'webvtt', 'srt', 'speech-json', 'csv', 'asr-tokens'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** Half-open character range [start, end) into the call's source text. */
export interface Span {
  start: number;
  end: number;
}

export interface CallMeta {
  /** Stable id used in every passage id, e.g. "amzn-q4-2025" (see call-id.ts). */
  id: string;
  /** The title as written, or one composed from what is known. */
  title: string;
  /** Company name; the ticker stands in when the source names no company. */
  company: string;
  ticker: string | null;
  /** e.g. "Q4 2025"; null when the source does not say (never guessed). */
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
  /** Company title ("President, CEO & Director") or null for analysts, the operator and the unknown. */
  title: string | null;
  /** Analyst firm ("Goldman Sachs Group, Inc.") or the company name for executives; null when unknown. */
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
  /** Seconds into the recording where the turn starts (WebVTT); null when the source has no times. */
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
  /** The stored text all offsets point into (the file itself, or a rendering of it for token/caption layouts). */
  source: string;
}
