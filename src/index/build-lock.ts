import { promises as fs } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'build.lock';
/** The holder touches the lock this often; a lock not touched for STALE_MS belongs to a dead build. */
const HEARTBEAT_MS = 5_000;
const STALE_MS = 30_000;
const POLL_MS = 100;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isStale(file: string): Promise<boolean> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
    const pid = Number(text);
    if (Number.isInteger(pid) && pid > 0 && !processAlive(pid)) return true;
    return Date.now() - stat.mtimeMs > STALE_MS;
  } catch {
    return false; // released meanwhile: just try again
  }
}

/**
 * Run `fn` while holding the index directory's build lock. Builds sharing a directory (a server
 * starting while `build-index` runs, two test runs) must not interleave: each build's clean-up
 * removes every other build directory, including one another build is writing or has just published.
 * A lock left by a killed build is taken over (its process is gone, or it stopped being refreshed).
 */
export async function withBuildLock<T>(indexDir: string, fn: () => Promise<T>): Promise<T> {
  const file = path.join(indexDir, LOCK_FILE);
  await fs.mkdir(indexDir, { recursive: true });
  for (;;) {
    try {
      await fs.writeFile(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (await isStale(file)) await fs.rm(file, { force: true });
    else await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    fs.utimes(file, now, now).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    await fs.rm(file, { force: true });
  }
}
