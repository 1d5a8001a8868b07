/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Steps per second of `step`, as the median over `repeats` timed runs of `steps` steps, after a warm-up. */
export function stepsPerSecond(step: () => void, steps: number, repeats: number, warmup = steps): number {
  for (let i = 0; i < warmup; i++) step();
  const rates: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    for (let i = 0; i < steps; i++) step();
    rates.push((steps * 1000) / (performance.now() - start));
  }
  return median(rates);
}

/** Median milliseconds of one call of `task`, after a warm-up. */
export function milliseconds(task: () => void, repeats: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) task();
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    task();
    times.push(performance.now() - start);
  }
  return median(times);
}
