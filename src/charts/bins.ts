/** Equal-width bins over [lo, hi): bin b covers [lo + b·width, lo + (b+1)·width). */
export interface Bins {
  lo: number;
  width: number;
  /** number of values in each bin */
  counts: Float64Array;
}

/**
 * Bins `values` into `bins` equal-width bins over [lo, hi]; a value equal to hi goes in the
 * last bin, values outside [lo, hi] in none.
 */
export function binValues(values: ArrayLike<number>, lo: number, hi: number, bins: number): Bins {
  const width = (hi - lo) / bins || 1;
  const counts = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (!(v >= lo && v <= hi)) continue;
    const b = Math.min(bins - 1, Math.floor((v - lo) / width));
    counts[b] = (counts[b] ?? 0) + 1;
  }
  return { lo, width, counts };
}

/** Smallest and largest of `values` and of `extra` (finite ones only), widened when equal. */
export function extent(values: ArrayLike<number>, extra: readonly number[] = []): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (v: number) => {
    if (!Number.isFinite(v)) return;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  };
  for (let i = 0; i < values.length; i++) take(values[i] ?? Number.NaN);
  extra.forEach(take);
  if (lo === Infinity) return [0, 1];
  // Values that differ only in their last bits (one sum taken in two orders) are one value: a
  // range that narrow has no ticks to tell apart, and would draw one value as a spread.
  if (hi - lo <= 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi))) {
    const middle = lo + (hi - lo) / 2;
    return [middle - 0.5, middle + 0.5];
  }
  return [lo, hi];
}
