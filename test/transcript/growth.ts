/**
 * How work grows with input size, measured as a ratio (never against a wall-clock threshold):
 * the median time at the largest size over the median at the smallest. Linear work grows by the
 * size factor; quadratic by its square.
 */
export function growthRatio(run: (size: number) => void, small: number, factor: number, repeats = 3): number {
  const median = (size: number): number => {
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      run(size);
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[Math.floor(repeats / 2)] as number;
  };
  run(small); // warm up the JIT
  return median(small * factor) / Math.max(median(small), 0.5);
}
