/**
 * Smoothing for noisy curves (a validation loss under dropout jitters from epoch to epoch): the
 * exponential moving average TensorBoard draws, debiased so the first points are not pulled
 * towards zero. Display only: the numbers a run records, exports and replays stay the raw ones.
 */

/** The strongest smoothing a control offers: at 0.95 a point still carries 5 % of its own value. */
export const MAX_SMOOTHING = 0.95;

/**
 * `values` smoothed with weight `weight` (0 ≤ weight < 1; clamped to that range): each point is
 * the average of itself and every earlier point, the one k steps back weighted by weight^k, divided
 * by the sum of those weights (1 − weight^n after n points), so a constant series stays constant
 * from its first point. Weight 0 returns the values exactly. A point that is not finite (a
 * diverged loss, NaN) is returned as it is and left out of the later points' averages.
 */
export function smoothSeries(values: ArrayLike<number>, weight: number): number[] {
  const w = Math.min(MAX_SMOOTHING, Math.max(0, Number.isFinite(weight) ? weight : 0));
  const out = Array.from(values);
  if (w === 0) return out;
  let sum = 0;
  // The total weight the running sum holds: 1 − w^n after n finite points.
  let total = 0;
  for (let i = 0; i < out.length; i += 1) {
    const value = out[i]!;
    if (!Number.isFinite(value)) continue;
    sum = sum * w + (1 - w) * value;
    total = total * w + (1 - w);
    out[i] = sum / total;
  }
  return out;
}
