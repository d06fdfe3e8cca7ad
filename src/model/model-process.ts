/**
 * The main process's handle on the model process: starts it, sends it model calls, and keeps it
 * alive. onnxruntime-node runs a session synchronously on the calling thread, so on the server's
 * thread it froze the server for the length of every model call; the session runs in a process
 * of its own (model-process-entry.ts), forked from this one, talking over the IPC channel.
 *
 * A process, not a worker thread: onnxruntime-node 1.14 keeps per-addon state in C++ statics, so a
 * second thread loading it (a restarted model thread) corrupts the heap ("free(): invalid
 * pointer" within a few restarts, measured), and a thread stopped inside a model call aborts the
 * whole process ("terminate called after throwing an instance of 'Napi::Error'"). A process can
 * be killed at any moment, restarted any number of times, and a crash inside onnxruntime takes
 * down only itself. The price is the IPC: about a tenth of a millisecond more per model call than
 * a thread's postMessage (npm run bench).
 *
 * A model process that dies (killed, crashed, out of memory) is restarted after a short pause;
 * the calls it had are refused with ModelUnavailableError ('restarting', with a Retry-After), as
 * are calls made while the new one loads. After RESTART_DELAYS_MS.length deaths in a row without
 * a single answered call in between, it stays down ('failed'). status() says which, for
 * /api/health.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE_DIR, bundleStaleReason } from '../../bin/bundle-status.js';
import { ModelUnavailableError } from './model-errors.js';
import { MODEL_PROCESS_ENV, type ModelMessage, type ModelProcessConfig, type ModelRequest } from './model-process-entry.js';
import type { Embedded, SessionSettings } from './session.js';
import type { ModelInputs } from './tokenize.js';

export type ModelState = 'loading' | 'ready' | 'restarting' | 'failed' | 'closed';

export interface ModelStatus {
  state: ModelState;
  /** The model process's pid, while one runs. */
  pid: number | null;
  /** Times the model process died and a new one was started. */
  restarts: number;
  /** Why the model process last died or failed to start, if it ever did. */
  lastError: string | null;
}

/** Pause before each restart of a run of deaths; one more death in a row and the model stays down. */
export const RESTART_DELAYS_MS = [100, 500, 2_000, 5_000, 10_000] as const;

export interface ModelProcessOptions {
  onnxFile: string;
  settings: SessionSettings;
  restartDelaysMs?: readonly number[];
}

/**
 * Fork model-process-entry.ts. Run from the bundle, its bundled entry beside it. Run as
 * TypeScript (through tsx, or vitest): the bundle's entry too while the bundle is current (built
 * from the sources as they are now, bin/bundle-status.js, as the binary decides), which starts
 * without tsx's loader (about a second less per start); otherwise, or with
 * TRANSCRIPT_SEARCH_SOURCES=1, the TypeScript entry, with tsx's loader loaded first. Its stdout goes to this process's stderr: stdout is for the
 * command's own output (`ask --json` prints one JSON document there).
 */
function forkModelProcess(config: ModelProcessConfig): ChildProcess {
  const self = import.meta.url;
  const fromSources = self.endsWith('.ts');
  const typescript = fromSources && (process.env.TRANSCRIPT_SEARCH_SOURCES === '1' || bundleStaleReason() !== null);
  const entry = typescript
    ? fileURLToPath(new URL('./model-process-entry.ts', self))
    : fromSources
      ? path.join(BUNDLE_DIR, 'model-process-entry.js')
      : fileURLToPath(new URL('./model-process-entry.js', self));
  let execArgv: string[] = [];
  if (typescript) {
    const pkgFile = createRequire(self).resolve('tsx/package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, string> };
    execArgv = ['--import', pathToFileURL(path.join(path.dirname(pkgFile), pkg.exports['.']!)).href];
  }
  return fork(entry, [], {
    execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 2, 2, 'ipc'],
    env: { ...process.env, [MODEL_PROCESS_ENV]: JSON.stringify(config) },
  });
}

interface Call {
  resolve: (e: Embedded) => void;
  reject: (err: Error) => void;
}

export class ModelProcess {
  private child: ChildProcess | null = null;
  /** The current process is loading its session. */
  private loading = false;
  private readonly pending = new Map<number, Call>();
  private readonly idleWaiters: (() => void)[] = [];
  private readonly callWaiters: (() => void)[] = [];
  private nextId = 1;
  private current: ModelState = 'loading';
  private restarts = 0;
  private deathsInARow = 0;
  private lastError: string | null = null;
  private everReady = false;
  private loadStarted = 0;
  /** How long the last successful load took, for Retry-After while restarting. */
  private loadMs = 1_000;
  private restartTimer: NodeJS.Timeout | null = null;
  private settleFirst!: { resolve: () => void; reject: (err: Error) => void };
  private readonly delays: readonly number[];
  /** Resolves when the first process is ready; rejects if it cannot load (the model is unusable). */
  readonly ready: Promise<void>;

  constructor(private readonly opts: ModelProcessOptions) {
    this.delays = opts.restartDelaysMs ?? RESTART_DELAYS_MS;
    this.ready = new Promise<void>((resolve, reject) => (this.settleFirst = { resolve, reject }));
    this.ready.catch(() => {}); // the caller awaits it
    this.spawn();
  }

  status(): ModelStatus {
    return { state: this.current, pid: this.child?.pid ?? null, restarts: this.restarts, lastError: this.lastError };
  }

  get state(): ModelState {
    return this.current;
  }

  /** The model process's pid, while one runs. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  private spawn(): void {
    this.restartTimer = null;
    this.loading = true;
    this.loadStarted = performance.now();
    const child = forkModelProcess({ onnxFile: this.opts.onnxFile, settings: this.opts.settings });
    this.child = child;
    child.on('message', (m: ModelMessage) => {
      if (child !== this.child) return;
      if (m.type === 'ready') {
        this.loading = false;
        this.loadMs = performance.now() - this.loadStarted;
        if (this.current !== 'closed') this.current = 'ready';
        this.everReady = true;
        this.settleFirst.resolve();
        this.idle();
      } else if (m.type === 'failed') {
        this.died(child, new Error(m.message), true);
      } else {
        const call = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.type === 'result') {
          this.deathsInARow = 0;
          call?.resolve({ data: m.data, rows: m.rows, dims: m.dims });
        } else call?.reject(new Error(m.message));
        this.idle();
      }
    });
    child.on('error', (err) => this.died(child, err, false));
    child.on('exit', (code, signal) => this.died(child, new Error(`the model process stopped (${signal ?? `exit code ${code}`})`), false));
  }

  /** The process is gone (or useless): refuse its calls, then restart it, or give up. */
  private died(child: ChildProcess, err: Error, loadFailed: boolean): void {
    if (child !== this.child) return;
    this.child = null;
    this.loading = false;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (this.current === 'closed') {
      for (const call of this.pending.values()) call.reject(this.refusal());
      this.pending.clear();
      return this.idle();
    }
    this.lastError = err.message;
    const firstLoad = !this.everReady;
    this.deathsInARow++;
    const giveUp = (firstLoad && loadFailed) || this.deathsInARow > this.delays.length;
    this.current = giveUp ? 'failed' : 'restarting';
    const refusal = giveUp
      ? new ModelUnavailableError('failed', `the model could not be started: ${err.message}`, null)
      : new ModelUnavailableError('restarting', `${err.message}; it is restarting, retry shortly`, this.retryAfterSeconds());
    for (const call of this.pending.values()) call.reject(refusal);
    this.pending.clear();
    if (giveUp) this.settleFirst.reject(firstLoad ? err : refusal);
    else {
      this.restarts++;
      this.restartTimer = setTimeout(() => this.spawn(), this.delays[this.deathsInARow - 1]);
      this.restartTimer.unref();
    }
    this.idle();
  }

  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.loadMs + (this.delays[this.deathsInARow - 1] ?? 0)) / 1000));
  }

  /** Keep this process alive only while the model has work, so a CLI exits when it is done. */
  private idle(): void {
    if (this.pending.size > 0) return;
    for (const w of this.callWaiters.splice(0)) w();
    if (this.loading) return;
    this.child?.unref();
    this.child?.channel?.unref();
    for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Resolves once no call is pending and no session is loading. */
  whenIdle(): Promise<void> {
    return this.pending.size === 0 && !this.loading ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Resolves once every call sent so far has been answered (or refused). */
  private callsDone(): Promise<void> {
    return this.pending.size === 0 ? Promise.resolve() : new Promise((resolve) => this.callWaiters.push(resolve));
  }

  /** Why a call would be refused now, or null when the model is ready. */
  unavailable(): ModelUnavailableError | null {
    return this.current === 'ready' && this.child ? null : this.refusal();
  }

  private refusal(): ModelUnavailableError {
    switch (this.current) {
      case 'loading':
        return new ModelUnavailableError('loading', 'the model is still loading; retry shortly', 1);
      case 'restarting':
        return new ModelUnavailableError('restarting', 'the model process is restarting; retry shortly', this.retryAfterSeconds());
      case 'failed':
        return new ModelUnavailableError('failed', `the model could not be started: ${this.lastError ?? 'unknown error'}`, null);
      default:
        return new ModelUnavailableError('closed', 'the embedder is closed', null);
    }
  }

  run(inputs: ModelInputs): Promise<Embedded> {
    const child = this.child;
    if (this.current !== 'ready' || !child) return Promise.reject(this.refusal());
    const id = this.nextId++;
    child.ref();
    child.channel?.ref();
    return new Promise<Embedded>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      child.send({ id, inputs } satisfies ModelRequest, (err) => {
        // The channel closed under us: the process is dying; its exit refuses the call.
        if (err) this.died(child, err, false);
      });
    });
  }

  /**
   * Send the model process a signal, as an operator (or the kernel's OOM killer) would: with
   * SIGKILL it dies at once, whatever it is doing, and is restarted. For tests, and for recycling
   * the model process by hand.
   */
  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    this.child?.kill(signal);
  }

  /** Refuse new calls, let the calls in progress finish, then stop the process (one still loading is stopped at once). */
  async close(): Promise<void> {
    if (this.current !== 'closed') {
      this.current = 'closed';
      if (this.restartTimer) clearTimeout(this.restartTimer);
      this.settleFirst.reject(new Error('embedder is closed'));
    }
    await this.callsDone();
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.ref(); // until it has exited: the caller awaits it
    child.kill('SIGTERM');
    await exited;
  }
}
