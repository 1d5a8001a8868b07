import { formatNumber } from '../../lib/format.ts';
import type { UnitScaling } from '../../sim/unit-draws.ts';

/** What the Bernoulli-draws island knows after `shown` draws. */
export interface DrawsSnapshot {
  /** draws revealed so far */
  shown: number;
  /** draws available in total */
  total: number;
  /** draws in which the unit was kept, among the shown ones */
  kept: number;
  /** running mean of the shown draws' outputs */
  mean: number;
  /** expected output under the current scaling */
  expected: number;
  scaling: UnitScaling;
}

/** Counts kept draws among the first `shown` entries of a mask. */
export function keptCount(mask: Uint8Array, shown: number): number {
  let kept = 0;
  for (let i = 0; i < Math.min(shown, mask.length); i++) kept += mask[i] ?? 0;
  return kept;
}

/** Name of the expected value under a scaling, as the lesson writes it. */
export function expectedName(scaling: UnitScaling): string {
  return scaling === 'inverted' ? 'h' : 'q·h';
}

/** One or two sentences that say what the chart shows, for the live region and the chart's label. */
export function describeDraws({ shown, total, kept, mean, expected, scaling }: DrawsSnapshot): string {
  const target = `expected value ${expectedName(scaling)} = ${formatNumber(expected)}`;
  if (shown === 0) return `No draws yet out of ${total}. The running mean will approach the ${target}.`;
  const dropped = shown - kept;
  const draws = shown === 1 ? 'draw' : 'draws';
  return (
    `After ${shown} ${draws} of ${total}: kept ${kept}, dropped ${dropped}. ` +
    `Running mean ${formatNumber(mean)}; ${target}.`
  );
}
