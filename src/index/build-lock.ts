/**
 * The index directory's build lock. Builds sharing a directory (a server starting while
 * `build-index` runs, two test runs) must not interleave: each build's clean-up removes every
 * other build directory, including one another build is writing or has just published.
 *
 * The lock is a file, `build.lock`, created atomically with its content (written aside, then
 * hard-linked into place, so no reader ever sees it half-written), naming its holder: pid, the
 * holder process's start time (from /proc), a random nonce, host and command.
 *
 * A lock is taken over only when its holder is provably gone: its pid is not running, or the pid
 * now belongs to a process started at another time (pid reuse). A live holder is waited for
 * however long it takes (its synchronous work can outlast any timeout), with a log line naming
 * it. Only a lock written on another host (pid unknowable) or by an older version without a
 * start time falls back to the heartbeat: the holder touches the file every HEARTBEAT_MS, and one
 * untouched for STALE_MS is taken over. Unreadable content is taken over with a log line; a lock
 * path that is not a file (a directory) is an error saying what to remove.
 *
 * Release removes the file only if it still names this holder; a build checks that it still
 * holds the lock (assertBuildLockHeld) before it publishes and before it deletes old builds, so a
 * build that lost its lock never replaces or deletes another's work.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { throwIfInterrupted } from './build-interrupt.js';

export const LOCK_FILE = 'build.lock';
/** The holder touches the lock this often (read only when the holder's pid cannot be checked). */
const HEARTBEAT_MS = 5_000;
/** Untouched this long, a lock whose holder cannot be checked by pid is taken over. */
const STALE_MS = 30_000;
/** Unreadable content younger than this may be an older version's lock being written: wait a little. */
const UNREADABLE_GRACE_MS = 2_000;
const POLL_MS = 100;
/** While waiting for a live holder, say so again this often. */
const WAIT_LOG_MS = 30_000;

export class BuildLockError extends Error {
  override readonly name = 'BuildLockError';
}

/** Who holds a lock, as written in it. */
export interface LockHolder {
  pid: number;
  nonce: string;
  host: string;
  /** The holder process's start time (clock ticks since boot, /proc/<pid>/stat field 22); null where unknown. */
  processStart: number | null;
  startedAt: string;
  command: string;
}

export interface BuildLockOptions {
  /** Stop waiting (BuildInterruptedError). */
  signal?: AbortSignal;
  /** Where waiting and takeovers are reported; default stderr. */
  log?: (line: string) => void;
}

/** Start time of a process (field 22 of /proc/<pid>/stat), or null where /proc cannot tell. */
export function processStartTime(pid: number | 'self'): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = Number(fields[19]);
    return Number.isFinite(start) ? start : null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describe(h: LockHolder): string {
  const since = Date.parse(h.startedAt);
  const age = Number.isFinite(since) ? `, ${Math.round((Date.now() - since) / 1000)} s ago` : '';
  return `pid ${h.pid}${h.host && h.host !== os.hostname() ? ` on ${h.host}` : ''} (${h.command || 'unknown command'}, started ${h.startedAt || 'at an unknown time'}${age})`;
}

/** The lock's content as a holder, or null when it is not one (garbage, empty, an older version's bare pid). */
function parseHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v !== 'object' || v === null || !Number.isInteger(v.pid) || (v.pid ?? 0) <= 0 || typeof v.nonce !== 'string') return null;
    return {
      pid: v.pid!,
      nonce: v.nonce,
      host: typeof v.host === 'string' ? v.host : '',
      processStart: typeof v.processStart === 'number' ? v.processStart : null,
      startedAt: typeof v.startedAt === 'string' ? v.startedAt : '',
      command: typeof v.command === 'string' ? v.command : '',
    };
  } catch {
    return null;
  }
}

type Verdict = { live: true; holder: string } | { live: false; why: string } | { live: 'unsure' };

/** Is the lock whose content is `text` (file last touched at `mtimeMs`) held by a running builder? */
function judge(text: string, mtimeMs: number): Verdict {
  const age = Date.now() - mtimeMs;
  const holder = parseHolder(text);
  if (!holder) {
    const legacyPid = /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
    if (legacyPid !== null) {
      // An older version's lock: a pid only. Gone if the pid is; else trust its heartbeat.
      if (!processAlive(legacyPid)) return { live: false, why: `its holder, pid ${legacyPid}, is no longer running` };
      if (age > STALE_MS) return { live: false, why: `pid ${legacyPid} has not refreshed it for ${Math.round(age / 1000)} s` };
      return { live: true, holder: `pid ${legacyPid} (an older version's lock)` };
    }
    if (age < UNREADABLE_GRACE_MS) return { live: 'unsure' };
    return { live: false, why: `its content is not a lock record (${JSON.stringify(text.slice(0, 60))})` };
  }
  if (holder.host && holder.host !== os.hostname()) {
    if (age > STALE_MS) return { live: false, why: `${describe(holder)} has not refreshed it for ${Math.round(age / 1000)} s` };
    return { live: true, holder: describe(holder) };
  }
  if (!processAlive(holder.pid)) return { live: false, why: `its holder, ${describe(holder)}, is no longer running` };
  const start = holder.pid === process.pid ? processStartTime('self') : processStartTime(holder.pid);
  if (holder.processStart !== null && start !== null && start !== holder.processStart) {
    return { live: false, why: `its holder, ${describe(holder)}, is gone (pid ${holder.pid} is now another process)` };
  }
  return { live: true, holder: describe(holder) };
}

/** Create `file` with `content`, atomically (never seen empty). False if it exists. */
async function createExclusive(file: string, content: string): Promise<boolean> {
  const aside = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(aside, content, { flag: 'wx' });
  try {
    await fs.link(aside, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A filesystem without hard links: exclusive create, then write (a reader may see it empty for a moment).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
      try {
        await fs.writeFile(file, content, { flag: 'wx' });
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e;
      }
    }
    throw err;
  } finally {
    await fs.rm(aside, { force: true });
  }
}

/**
 * Remove the lock we judged dead, but only that one: it is moved aside first and checked; if what
 * was moved is not what was judged (another waiter took it over and wrote its own in between), it
 * is put back.
 */
async function removeDeadLock(file: string, judged: string): Promise<void> {
  const aside = `${file}.dead-${randomBytes(6).toString('hex')}`;
  try {
    await fs.rename(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => null);
  if (moved !== judged) await fs.link(aside, file).catch(() => {});
  await fs.rm(aside, { force: true });
}

/** Locks this process holds: index directory → our lock content. */
const held = new Map<string, string>();

/**
 * Throws BuildLockError unless this process still holds `indexDir`'s build lock. A build calls it
 * before publishing and before deleting old builds.
 */
export async function assertBuildLockHeld(indexDir: string): Promise<void> {
  const file = path.join(path.resolve(indexDir), LOCK_FILE);
  const mine = held.get(file);
  const current = await fs.readFile(file, 'utf8').catch(() => null);
  if (mine === undefined || current !== mine) {
    throw new BuildLockError(`this build no longer holds ${file} (another build took it over); stopping without publishing or deleting anything`);
  }
}

/**
 * Run `fn` while holding the index directory's build lock (see the module comment). Waits for a
 * live holder, saying who it is; takes over a dead one's lock, saying why.
 */
export async function withBuildLock<T>(indexDir: string, fn: () => Promise<T>, opts: BuildLockOptions = {}): Promise<T> {
  const log = opts.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const file = path.join(path.resolve(indexDir), LOCK_FILE);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    nonce: randomBytes(12).toString('hex'),
    host: os.hostname(),
    processStart: processStartTime('self'),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1, 3).map((a) => path.basename(a)).join(' '),
  };
  const content = JSON.stringify(me);
  let waitingSince: number | null = null;
  let lastLog = 0;
  for (;;) {
    throwIfInterrupted(opts.signal);
    if (await createExclusive(file, content)) break;
    let stat;
    try {
      stat = await fs.lstat(file);
    } catch {
      continue; // released meanwhile: try again
    }
    if (!stat.isFile()) {
      const kind = stat.isDirectory() ? 'a directory' : stat.isSymbolicLink() ? 'a symbolic link' : 'not a regular file';
      throw new BuildLockError(`${file} is ${kind}, not a build lock; no build can run until it is removed (rm -r ${JSON.stringify(file)})`);
    }
    const text = await fs.readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    const verdict = judge(text, stat.mtimeMs);
    if (verdict.live === false) {
      log(`taking over the index build lock ${file}: ${verdict.why}`);
      await removeDeadLock(file, text);
      continue;
    }
    if (verdict.live === true) {
      const now = Date.now();
      if (waitingSince === null || now - lastLog >= WAIT_LOG_MS) {
        log(
          waitingSince === null
            ? `waiting for the index build lock ${file}, held by ${verdict.holder}`
            : `still waiting for the index build lock (${Math.round((now - waitingSince) / 1000)} s), held by ${verdict.holder}`,
        );
        waitingSince ??= now;
        lastLog = now;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  held.set(file, content);
  const heartbeat = setInterval(() => {
    const now = new Date();
    fs.utimes(file, now, now).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    held.delete(file);
    // Remove it only if it is still ours: never another builder's.
    const current = await fs.readFile(file, 'utf8').catch(() => null);
    if (current === content) await fs.rm(file, { force: true });
    else if (current !== null) log(`the index build lock ${file} is no longer this build's; left in place`);
  }
}
