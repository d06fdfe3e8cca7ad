/**
 * The original single-string entry point, kept while callers move to read-source.ts
 * (parseTranscriptBytes / readTranscriptPath). Any supported layout is accepted.
 */
import { TranscriptFormatError } from './format-error.js';
import { parseTranscriptText } from './read-source.js';
import type { Call } from './types.js';

export { TranscriptFormatError };

export interface ParseOptions {
  /** Overrides the default call id (see call-id.ts). */
  id?: string;
}

/** Parses a transcript; throws TranscriptFormatError whose message starts "line N: ", as it always did. */
export function parseTranscript(text: string, opts: ParseOptions = {}): Call {
  try {
    return parseTranscriptText(text, { id: opts.id }).call;
  } catch (error) {
    if (error instanceof TranscriptFormatError) error.message = error.describe();
    throw error;
  }
}
