import { formatNumber } from '../../lib/format.ts';
import { compareSteps } from '../../sim/effective-rate.ts';
import { FIXED_LAYER_UNITS, layerFor } from '../../sim/layer-samples.ts';
import { MEAN_STEP_RUN, type meanStepFacts, stepsOverMasks } from '../../sim/mean-step.ts';
import { drawMask } from '../../sim/sampling.ts';

/** Learning rate η and target of the one-step comparison, and how many masks the comparison against no dropout samples. */
export const RATE_FIXED = { rate: MEAN_STEP_RUN.rate, target: 0, masks: MEAN_STEP_RUN.masks } as const;

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

/** The step over {@link RATE_FIXED.masks} masks against no dropout, as the simulation shows it. */
export function meanSteps(p: number, seed: number) {
  return stepsOverMasks(seed, p, RATE_FIXED.masks, RATE_FIXED.rate);
}

/** Which weights the comparison shows, in words. */
export const WEIGHT_NAMES = {
  out: 'weights out of the dropout layer',
  in: 'weights into the dropout layer from the first input',
} as const;

/** The sentences that say what the comparison against no dropout shows. */
export function describeMeanSteps(
  p: number,
  weights: keyof typeof WEIGHT_NAMES,
  facts: ReturnType<typeof meanStepFacts>,
): string {
  return (
    `Over ${RATE_FIXED.masks.toLocaleString('en')} masks at p = ${formatNumber(p)}, for the ${WEIGHT_NAMES[weights]}: the mean step is ` +
    `${formatNumber(facts.meanRatio, 3)} times as large as the step without dropout, summed over the units, and one mask's step ` +
    `scatters around that mean with a standard deviation ${formatNumber(facts.spreadRatio, 3)} times the step without dropout. ` +
    `Every sampled mean lies within ${formatNumber(facts.worstStandardErrors, 2)} standard errors of the exact mean, the step ` +
    `without dropout with its error δ₀ replaced by δ₀ + (p/q)·w_j·a_j.`
  );
}
