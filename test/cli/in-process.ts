/**
 * The CLI's commands run in this test process: the program the binary runs (src/cli/program.ts),
 * with the binary's handling of usage errors and failures (run-command.ts, fail.ts), its output
 * collected from process.stdout and process.stderr and its exit code from process.exit or
 * process.exitCode. Real model, real index: what differs from a child process is only that a
 * model process kept open by the test file (holdModel) is shared by every run, instead of each
 * run starting Node, tsx and a model process of its own (≈ 1.5 s of CPU a run).
 *
 * What only a child process can show stays in run-cli.ts tests: the binary's exit code and
 * streams as a shell sees them, `npx`, a closed pipe, signals.
 */
import { afterAll, beforeAll } from 'vitest';
import { REPO_ROOT } from '../../src/model/model-files.js';
import { loadEmbedder, type Embedder } from '../../src/model/embedder.js';
import { exitAfter, throwingUsageErrors } from '../../src/cli/run-command.js';
import { createProgram } from '../../src/cli/program.js';
import { cliEnv, type CliRun } from './run-cli.js';

/** Thrown by process.exit while a command runs: ends the command where the binary's process would end. */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}

/** Runs one after another: process.stdout, process.env and the exit code belong to the whole process. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * `transcript-search ...args` in this process, as the binary would run it with `env` added to a
 * clean environment (cliEnv): its stdout, stderr and exit code.
 */
export function runInProcess(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const run = queue.then(() => runNow(args, env));
  queue = run.catch(() => {});
  return run;
}

async function runNow(args: string[], env: Record<string, string>): Promise<CliRun> {
  if (process.cwd() !== REPO_ROOT) throw new Error(`in-process CLI runs need the repository root as working directory, not ${process.cwd()}`);
  const saved = { env: process.env, exit: process.exit, out: process.stdout.write, err: process.stderr.write, exitCode: process.exitCode };
  let stdout = '';
  let stderr = '';
  const collect = (append: (s: string) => void) =>
    ((chunk: string | Uint8Array, encodingOrDone?: unknown, done?: unknown) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = typeof encodingOrDone === 'function' ? encodingOrDone : done;
      if (typeof callback === 'function') queueMicrotask(() => (callback as () => void)());
      return true;
    }) as typeof process.stdout.write;
  process.env = cliEnv(env);
  process.exitCode = undefined;
  process.exit = ((code?: number | string | null) => {
    throw new Exit(Number(code ?? process.exitCode ?? 0));
  }) as typeof process.exit;
  process.stdout.write = collect((s) => (stdout += s));
  process.stderr.write = collect((s) => (stderr += s));
  let code: number;
  try {
    // Created after the environment is set: option defaults read it (INDEX_DIR, TRANSCRIPTS_DIR).
    const program = throwingUsageErrors(createProgram());
    try {
      await program.parseAsync(['node', 'transcript-search', ...args]);
      code = Number(process.exitCode ?? 0);
    } catch (err) {
      // As runCommand does: usage errors and failures end with their exit code (and one line for ours).
      if (err instanceof Exit) throw err;
      exitAfter(err);
    }
  } catch (err) {
    if (!(err instanceof Exit)) throw err;
    code = err.code;
  } finally {
    process.env = saved.env;
    process.exit = saved.exit;
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.exitCode = saved.exitCode;
  }
  return { code, signal: null, stdout, stderr };
}

/**
 * Keep the model's process open for the whole test file, so that every in-process run reuses it
 * (one model process per weights is shared by every handle in a process). The default weights,
 * as a run without MODEL_WEIGHTS or --int8 chooses.
 */
export function holdModel(): void {
  let model: Embedder | undefined;
  beforeAll(async () => {
    model = await loadEmbedder();
  });
  afterAll(async () => {
    await model?.close?.();
  });
}
