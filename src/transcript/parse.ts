/**
 * The original single-string entry point, kept while callers move to read-source.ts
 * (parseTranscriptBytes / readTranscriptPath). Any supported layout is accepted.
 */
import { parseTranscriptText } from './read-source.js';
import type { Call } from './types.js';

export { TranscriptFormatError } from './format-error.js';

export interface ParseOptions {
  /** Overrides the default call id (see call-id.ts). */
  id?: string;
}

/** Parses a transcript; throws TranscriptFormatError naming the offending line. */
export function parseTranscript(text: string, opts: ParseOptions = {}): Call {
  return parseTranscriptText(text, { id: opts.id }).call;
}
