import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CommanderError, type Command } from 'commander';
import { EXIT_USAGE, failAndExit } from './fail.js';

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
 * How a command that threw ends: commander's own errors (an unknown option, a missing argument, a
 * value an option's parser refused) have printed their line and exit EXIT_USAGE, as the usage
 * errors found later do (fail.ts); --help and --version "fail" with exit code 0 after printing.
 * Anything else is one line on stderr and its exit code.
 */
export function exitAfter(err: unknown): never {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : EXIT_USAGE);
  failAndExit(err);
}

/**
 * `program` with commander's errors thrown (to exitAfter) instead of exiting by itself with 1, in
 * every subcommand: exitOverride is not inherited by commands added with addCommand, so a
 * subcommand's own usage errors (`ask -k abc`) used to exit 1 while the rest exited 2.
 */
export function throwingUsageErrors(program: Command): Command {
  program.exitOverride();
  for (const sub of program.commands) throwingUsageErrors(sub);
  return program;
}

/**
 * Run a command with the process's arguments: usage errors and failures become a one-line
 * message on stderr and a non-zero exit (see fail.ts), never a stack trace.
 */
export function runCommand(program: Command, argv: readonly string[] = process.argv): void {
  endQuietlyOnClosedPipe();
  throwingUsageErrors(program).parseAsync(argv).catch(exitAfter);
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
