import { TranscriptFormatError } from '../transcript/format-error.js';

/** Print a one-line error for the user (no stack trace) and exit non-zero. */
export function failAndExit(err: unknown, code = 1): never {
  const message = err instanceof Error ? err.message : String(err);
  const prefix = err instanceof TranscriptFormatError ? 'not a transcript this tool understands: ' : '';
  process.stderr.write(`error: ${prefix}${message}\n`);
  if (process.env.DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
  process.exit(code);
}
