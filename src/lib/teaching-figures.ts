/**
 * Numbers the teacher's pages (content/teaching/) quote, computed at build time by `src/sim` and the
 * workers' own handlers, so a script can never promise what the simulation does not show. Numbers the
 * lessons already quote are imported from their modules by the pages themselves.
 */
import { binomialMean, binomialPmf } from '../sim/binomial.ts';
import { trainTestRatio } from '../sim/dropout.ts';
import { THINNED_HIDDEN } from '../sim/thinned.ts';
import { blockDropProbabilities, expectedDepth } from '../sim/stochastic-depth/blocks.ts';
import { DEPTH_LESSON_STATE } from '../sim/stochastic-depth/claims.ts';
import { expectedUnitOutput, unitOutputSd } from '../sim/unit-draws.ts';
import { shiftRatio, trainingVariance } from '../sim/variance-shift/moments.ts';
import { RECURRENT_LESSON_STATE, SHIFT_LESSON_STATE } from '../sim/variance-shift/claims.ts';
import { formatNumber, formatPercent, formatScientific } from './format.ts';

/** The toggling network at p = 0.5: the mean number of its hidden units a mask drops, and P(exactly that many). */
export const toggleMask = {
  hidden: String(THINNED_HIDDEN),
  mean: formatNumber(binomialMean(THINNED_HIDDEN, 0.5), 0),
  exactly: formatPercent(binomialPmf(THINNED_HIDDEN / 2, THINNED_HIDDEN, 0.5)),
  /** what an inverted-dropout unit kept at p = 0.5 sends, as a multiple of its activation: 1/q */
  invertedFactor: formatNumber(1 / (1 - 0.5), 0),
};

/** One unit's expected output over draws, without scaling and with inverted scaling, at (p, h). */
export function unitMeans(p: number, h: number): { none: string; inverted: string; kept: string } {
  return {
    none: formatNumber(expectedUnitOutput({ h, p, scaling: 'none' })),
    inverted: formatNumber(expectedUnitOutput({ h, p, scaling: 'inverted' })),
    /** what a kept unit sends with inverted scaling, h/q */
    kept: formatNumber(h / (1 - p)),
  };
}

/** One inverted-dropout draw's standard deviation, h·√(p/q), at (p, h). */
export const unitSdInverted = (p: number, h: number): string =>
  formatNumber(unitOutputSd({ h, p, scaling: 'inverted' }));

/** Training mean over the test network's value, for a mode at p (1 where the mode is right). */
export const trainTestRatioAt = (mode: Parameters<typeof trainTestRatio>[0], p: number): string =>
  formatNumber(trainTestRatio(mode, p), 0);

/**
 * The recurrent layer at the lesson's state: the chance that one unit is kept at every step, with a
 * fresh mask per step (q to the power T) and with one mask per sequence (q).
 */
export const recurrentKept = (() => {
  const { p, steps } = RECURRENT_LESSON_STATE;
  const q = 1 - p;
  return { steps: String(steps), p: String(p), fresh: formatScientific(q ** steps), once: formatNumber(q) };
})();

/**
 * The variance shift at the lesson's unit (mean c, variance v) and p, from the formula: the variance
 * BN learns in training, the variance it meets at test (v), and its output's variance at test.
 */
export const varianceShift = (() => {
  const { mean, variance, p } = SHIFT_LESSON_STATE;
  const unit = { mean, variance };
  return {
    p: String(p),
    mean: String(mean),
    variance: String(variance),
    learned: formatNumber(trainingVariance(unit, p)),
    output: formatNumber(shiftRatio(unit, p)),
  };
})();

/** The stochastic-depth stack's expected depth under the uniform rule, every block at the last block's p. */
export const uniformDepth = formatNumber(
  expectedDepth(blockDropProbabilities(DEPTH_LESSON_STATE.blocks, DEPTH_LESSON_STATE.pLast, 'uniform')),
  2,
);
