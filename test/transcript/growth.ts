/**
 * How work grows with input size, as a ratio of counted work — never of time. V8's block coverage
 * counts every call of a function in src/ and every pass through each of its blocks (a loop's body,
 * a branch), so the count is the same on every run, on any machine, however loaded. The ratio is
 * the count of one run on input `factor` times larger over `factor` times the count of one run on
 * the small input: about 1 when the work is linear, about `factor` when quadratic.
 *
 * What it does not see: work inside one built-in call (a regex backtracking over a long string,
 * an indexOf) counts as one step. A quadratic regex is a matter for `npm run bench`, not this.
 *
 * V8 gives block counters only to functions compiled after counting starts, so a file that uses
 * this runs in a process of its own (OWN_PROCESS in test/unit-files.ts) and must not call the code
 * it measures before its first `growthRatio`. A function compiled earlier would count its calls
 * but not its loops; the large run's count would then not grow with its input, which the tests
 * catch: they also require the ratio to be well above 0 (see `MEANINGFUL`).
 */
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { REPO_ROOT } from '../../src/model/model-files.js';

/**
 * Below this the large run did not do twice the work of the small one (with factor 8): counting
 * failed, or the work did not grow with the input. (Fixed work per run, such as a call's header,
 * keeps a linear ratio under 1; it stays well above this.)
 */
export const MEANINGFUL = 0.25;

const SOURCES = [path.join(REPO_ROOT, 'src') + path.sep, pathToFileURL(path.join(REPO_ROOT, 'src')).href + '/'];

let session: Session | null = null;

async function counting(): Promise<Session> {
  if (session) return session;
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  return session;
}

/** Blocks of src/ entered while `work` ran (calls and loop passes). */
export async function countedWork(work: () => void): Promise<number> {
  const s = await counting();
  await s.post('Profiler.takePreciseCoverage'); // resets the counters
  work();
  const { result } = await s.post('Profiler.takePreciseCoverage');
  let count = 0;
  for (const script of result) {
    if (!SOURCES.some((prefix) => script.url.startsWith(prefix))) continue;
    for (const fn of script.functions) {
      for (const range of fn.ranges) {
        // V8's counters are 32-bit: one that wrapped ran over 2^31 times, far beyond linear work on these inputs.
        if (range.count < 0) throw new Error(`a block of ${script.url} ran over 2^31 times: far more work than linear`);
        count += range.count;
      }
    }
  }
  return count;
}

/** The counted work of one run on `small × factor` over `factor` runs' worth on `small` (one warm-up run first, uncounted). */
export async function growthRatio(run: (size: number) => void, small: number, factor: number): Promise<number> {
  await countedWork(() => run(small)); // first-use work (lazy tables, caches) is not the input's
  const smallWork = await countedWork(() => run(small));
  const largeWork = await countedWork(() => run(small * factor));
  if (smallWork === 0) throw new Error('no work counted in src/: is the measured code outside src/, or compiled before counting started?');
  const ratio = largeWork / (factor * smallWork);
  if (process.env.GROWTH_DEBUG) console.log(`growth: ${small} → ${smallWork}, ×${factor} → ${largeWork}, ratio ${ratio.toFixed(3)}`);
  return ratio;
}
