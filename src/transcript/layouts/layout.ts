/** The one interface every source layout implements (one module per layout in this folder). */
import type { ImportWarning } from '../format-error.js';
import type { TranscriptLimits } from '../limits.js';
import type { Line } from '../lines.js';
import type { Call, LayoutName } from '../types.js';

/** A decoded source file. */
export interface SourceDoc {
  text: string;
  lines: Line[];
  /** The file name (no directory), when known. */
  fileName: string | null;
}

/** How well a layout fits a file, and why. */
export interface LayoutFit {
  /** 0 (not this layout) … 1 (certainly this layout). */
  score: number;
  /** Human-readable evidence, e.g. 'participants heading "Company Participants" at line 3'. */
  reasons: string[];
  /** Where the file stopped fitting this layout (for refusing a file no layout fits). */
  mismatch: { line: number; expected: string; lineText: string | null } | null;
}

/** What a dataset's metadata says about one of its calls (see datasets/earnings.ts). */
export interface DatasetCallInfo {
  dataset: string;
  fileId: string;
  company: string | null;
  ticker: string | null;
  fiscalQuarter: number | null;
  fiscalYear: number | null;
  sector: string | null;
  /** Speaker id (as written in the file) → name. */
  speakerNames: ReadonlyMap<string, string>;
}

export interface ParseContext {
  /** Overrides the computed call id. */
  id?: string;
  limits: TranscriptLimits;
  dataset?: DatasetCallInfo | null;
}

/**
 * What a parse inferred rather than read from the source. The library keeps it with the stored call
 * and infers these again whenever it reads the call, so a better rule reaches it without a re-import.
 */
export interface Inferred {
  /** The source had no section headings: where the Q&A starts was inferred. */
  sections: boolean;
  /** Ids of the participants whose titles were read from how the call introduces them. */
  titles: string[];
}

/** A parsed call (roles and exchanges structured) and what the reader should know about it. */
export interface LayoutOutput {
  call: Call;
  warnings: ImportWarning[];
  inferred: Inferred;
}

export interface TranscriptLayout {
  name: LayoutName;
  detect(doc: SourceDoc): LayoutFit;
  /** Throws TranscriptFormatError naming the line that does not fit. */
  parse(doc: SourceDoc, ctx: ParseContext): LayoutOutput;
}
