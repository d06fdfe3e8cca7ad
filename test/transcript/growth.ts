/**
 * How work grows with input size, as a ratio — never against a wall-clock threshold: the time of
 * one run on input `factor` times larger, over the time of `factor` runs on the small input.
 * Both sides take about as long, so load on a shared machine slows both alike. Linear work gives
 * about 1, quadratic about `factor`. The two sides alternate, `repeats` times each, and each
 * keeps its fastest try: other load only ever adds time, and a burst of it (another test file
 * starting a browser or a model) cannot fall on one side's tries alone.
 */
export function growthRatio(run: (size: number) => void, small: number, factor: number, repeats = 3): number {
  // A busy machine (other test files run beside this one) only ever slows a run down: measure
  // again while the ratio looks superlinear, and keep the least. A quadratic stays ≈ factor every time.
  let best = Infinity;
  for (let round = 0; round < ROUNDS && best >= CLEARLY_LINEAR; round++) best = Math.min(best, measuredRatio(run, small, factor, repeats));
  return best;
}

/** Rounds of measurement at most, and the ratio below which one round is enough. */
const ROUNDS = 3;
const CLEARLY_LINEAR = 2;

function measuredRatio(run: (size: number) => void, small: number, factor: number, repeats: number): number {
  const time = (work: () => void): number => {
    const t0 = performance.now();
    work();
    return performance.now() - t0;
  };
  run(small); // warm up the JIT
  run(small * factor);
  let smallRuns = Infinity;
  let largeRun = Infinity;
  for (let i = 0; i < repeats; i++) {
    smallRuns = Math.min(
      smallRuns,
      time(() => {
        for (let k = 0; k < factor; k++) run(small);
      }),
    );
    largeRun = Math.min(
      largeRun,
      time(() => run(small * factor)),
    );
  }
  return largeRun / smallRuns;
}
