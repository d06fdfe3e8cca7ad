/**
 * How work grows with input size, as a ratio — never against a wall-clock threshold: the time of
 * one run on input `factor` times larger, over the time of `factor` runs on the small input.
 * Both sides take about as long, so load on a shared machine slows both alike. Linear work gives
 * about 1, quadratic about `factor`. Each side is the fastest of `repeats` tries (other load only
 * ever adds time).
 */
export function growthRatio(run: (size: number) => void, small: number, factor: number, repeats = 3): number {
  const fastest = (work: () => void): number => {
    let best = Infinity;
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      work();
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  run(small); // warm up the JIT
  const smallRuns = fastest(() => {
    for (let i = 0; i < factor; i++) run(small);
  });
  const largeRun = fastest(() => run(small * factor));
  return largeRun / smallRuns;
}
