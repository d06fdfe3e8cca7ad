import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CommanderError, type Command } from 'commander';
import { failAndExit } from './fail.js';

/**
 * A reader that stops early (`| head`, `| jq` that failed) closes the pipe: the rest of the output
 * has nowhere to go, which is not an error of ours. End quietly, as `cat` does, instead of an
 * unhandled EPIPE stack trace.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    failAndExit(err);
  });
}

/**
 * Run a command with the process's arguments: usage errors (commander's) and failures become a
 * one-line message on stderr and a non-zero exit, never a stack trace.
 */
export function runCommand(program: Command, argv: readonly string[] = process.argv): void {
  endQuietlyOnClosedPipe();
  program.exitOverride();
  program.parseAsync(argv).catch((err: unknown) => {
    // --help and --version "fail" with exit code 0 after printing.
    if (err instanceof CommanderError) process.exit(err.exitCode);
    failAndExit(err);
  });
}

/**
 * True when the module at `moduleUrl` is the script node was started with (`node --import tsx
 * src/cli/serve.ts`), so a subcommand module can still be run on its own.
 */
export function isEntryModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
