import { CallRejectedError } from './check-call.js';
import { TranscriptFormatError } from '../transcript/read-source.js';
import { StoredCallError } from './stored-call.js';

/** Why one file (or one call of it) stays out of the library; `line` is 1-based when one line is to blame. */
export interface ImportFailure {
  file: string;
  line: number | null;
  lineText: string | null;
  message: string;
}

/**
 * The failure an error means for a file. Anything unexpected (a reader bug, an unreadable file)
 * is still this file's failure, reported as such: one file never takes the library down.
 */
export function failureFrom(file: string, err: unknown): ImportFailure {
  if (err instanceof TranscriptFormatError) return { file, line: err.line, lineText: err.lineText, message: err.message };
  if (err instanceof CallRejectedError) return { file, line: err.line, lineText: null, message: err.message };
  if (err instanceof StoredCallError) return { file, line: null, lineText: null, message: err.message };
  return { file, line: null, lineText: null, message: `could not be read: ${err instanceof Error ? err.message : String(err)}` };
}

/** One line, without the file: `line 12: unknown speaker … ("Jane Doe")`. */
export function describeFailure(f: Omit<ImportFailure, 'file'>): string {
  const where = f.line === null ? '' : `line ${f.line}: `;
  return `${where}${f.message}${f.lineText ? ` (${JSON.stringify(f.lineText)})` : ''}`;
}
