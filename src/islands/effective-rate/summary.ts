import { formatNumber } from '../../lib/format.ts';
import { compareSteps } from '../../sim/effective-rate.ts';
import { FIXED_LAYER_UNITS, layerFor } from '../../sim/layer-samples.ts';
import { drawMask } from '../../sim/sampling.ts';

/** Learning rate η and target of the one-step comparison. */
export const RATE_FIXED = { rate: 0.05, target: 0 } as const;

/** Ratio of the two schemes' weight steps over the kept units (all equal in exact arithmetic). */
export function stepRatio(classic: Float64Array, inverted: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let j = 0; j < classic.length; j++) {
    num += Math.abs(inverted[j] ?? 0);
    den += Math.abs(classic[j] ?? 0);
  }
  return den > 0 ? num / den : Number.NaN;
}

/** The sentences that say what the chart shows. */
export function describeRate(p: number, ratio: number, kept: number, units: number): string {
  const q = 1 - p;
  return (
    `At p = ${formatNumber(p)}, ${kept} of ${units} units kept: one step of inverted dropout moves each kept unit's ` +
    `outgoing test-network weight ${formatNumber(ratio, 3)} times as far as classic dropout at the same learning rate; ` +
    `1/q² = ${formatNumber(1 / (q * q), 3)}. Dropped units do not move in either.`
  );
}

/**
 * One gradient step both ways with the `draw`-th mask (from 0) of the seed, as the simulation
 * shows it: the mask, how many units it keeps, and each scheme's steps.
 */
export function rateSteps(p: number, seed: number, draw: number) {
  const mask = drawMask(FIXED_LAYER_UNITS, p, seed, draw);
  const kept = mask.reduce((sum, keep) => sum + keep, 0);
  return { mask, kept, ...compareSteps(layerFor(seed), mask, p, RATE_FIXED.target, RATE_FIXED.rate) };
}
