import { TranscriptFormatError } from '../transcript/format-error.js';

/**
 * Exit codes, the same for every subcommand: 1 when the command could not do its job (a file it
 * could not read or import, an index it could not build, a bad setting), 2 when the command line
 * itself is wrong (a usage error: an unknown option, a missing argument, a value refused, a
 * company, quarter, call or speaker that names nothing in the library), as the API answers 400.
 */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The command line asked for something it cannot: its message is the one line shown, the exit code EXIT_USAGE. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Print a one-line error for the user (no stack trace) and exit non-zero (EXIT_USAGE for a UsageError). */
export function failAndExit(err: unknown, code = err instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE): never {
  const message = err instanceof Error ? err.message : String(err);
  const prefix = err instanceof TranscriptFormatError ? 'not a transcript this tool understands: ' : '';
  process.stderr.write(`error: ${prefix}${message}\n`);
  if (process.env.DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
  process.exit(code);
}
