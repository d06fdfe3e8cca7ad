// @ts-check
/**
 * Waiting for a server that is still starting (loading the model and index, or building the
 * index): one shared poll of /api/health, as often as its Retry-After says, that reports
 * progress to whoever waits and resolves once the server answers 200. A page opened during a
 * build thus shows how far it is and carries on by itself.
 */

/** @typedef {import('./api.js').LoadingProgress} LoadingProgress */

/** Between polls when the server gives no Retry-After, and the longest wait when it cannot be reached. */
const POLL_MS = 1000;
const MAX_POLL_MS = 5000;

/** @type {Set<(p: LoadingProgress | null) => void>} */
const listeners = new Set();
/** @type {Promise<void> | null} */
let waiting = null;

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

async function poll() {
  let unreachable = 0;
  for (;;) {
    let res = null;
    try {
      res = await fetch('/api/health', { headers: { accept: 'application/json' }, cache: 'no-store' });
    } catch {
      // Not reachable (restarting?): keep trying, less often.
    }
    if (res?.ok) return;
    /** @type {LoadingProgress | null} */
    let progress = null;
    if (res) {
      unreachable = 0;
      const body = await res.json().catch(() => null);
      if (body?.loading && typeof body.loading.phase === 'string') progress = body.loading;
    } else unreachable++;
    for (const l of listeners) l(progress);
    const retryAfter = Number(res?.headers.get('retry-after'));
    await sleep(res ? (retryAfter > 0 ? Math.min(retryAfter * 1000, MAX_POLL_MS) : POLL_MS) : Math.min(POLL_MS * 2 ** unreachable, MAX_POLL_MS));
  }
}

/**
 * Resolves when the server is ready. `onProgress` hears each poll's progress (null when the
 * server says nothing more, or cannot be reached) until then, or until `signal` aborts.
 * @param {(p: LoadingProgress | null) => void} [onProgress]
 * @param {AbortSignal} [signal]
 * @returns {Promise<void>}
 */
export function whenReady(onProgress, signal) {
  if (onProgress) listeners.add(onProgress);
  waiting ??= poll().finally(() => {
    waiting = null;
    listeners.clear();
  });
  const done = waiting;
  if (!signal) return done;
  return new Promise((resolve, reject) => {
    const abort = () => {
      if (onProgress) listeners.delete(onProgress);
      reject(new DOMException('aborted', 'AbortError'));
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    done.then(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, reject);
  });
}

const PHASE = {
  loading: 'Loading the model and the index',
  parse: 'Building the index: reading the transcripts',
  passages: 'Building the index: embedding passages',
  sentences: 'Building the index: embedding sentences',
  write: 'Building the index: writing it to disk',
};

/**
 * "Building the index: embedding passages — 40 of 120".
 * @param {LoadingProgress | null} p
 */
export function describeProgress(p) {
  if (!p) return 'Waiting for the search server';
  const what = PHASE[p.phase] ?? 'Getting ready';
  return p.total > 0 ? `${what} — ${p.done} of ${p.total}` : what;
}

/**
 * For a request the server refused as not ready: whenReady, but not sooner than `minMs` from
 * now, so a server whose health says ready while its searches still say not (a model
 * restarting) is never asked again in a tight loop.
 * @param {(p: LoadingProgress | null) => void} [onProgress]
 * @param {AbortSignal} [signal]
 * @param {number} [minMs]
 */
export async function retryWhenReady(onProgress, signal, minMs = POLL_MS) {
  const started = performance.now();
  await whenReady(onProgress, signal);
  const left = minMs - (performance.now() - started);
  if (left > 0) await sleep(left);
}
