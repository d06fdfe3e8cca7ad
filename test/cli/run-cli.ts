import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../src/model/model-files.js';

export const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
/** The package's binary (package.json "bin"), run as npx runs it. */
export const BIN = path.join(REPO_ROOT, 'bin/transcript-search.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Environment for a child CLI: no colours, no debug stacks, no index/library overrides leaking in from the shell. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const key of ['DEBUG', 'INDEX_DIR', 'TRANSCRIPTS_DIR', 'MODEL_WEIGHTS', 'PORT', 'HOST', 'LOG_LEVEL']) delete env[key];
  return { ...env, ...extra };
}

/** Run `tsx <script> ...args` from the repo root to completion. */
export function runCli(script: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runProcess(TSX, [script, ...args], env);
}

/** Run `transcript-search <subcommand> ...args` (the bin entry, with node) from the repo root to completion. */
export function runBin(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runProcess(process.execPath, [BIN, ...args], env);
}

/** Run `command ...args` from the repo root to completion, in cliEnv(env), collecting its output. */
export function runProcess(command: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
