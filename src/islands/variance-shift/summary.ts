import { formatNumber } from '../../lib/format.ts';
import { simulateVarianceShift, type ShiftSamples } from '../../sim/variance-shift/batch-norm.ts';
import { SHIFT_LESSON_STATE } from '../../sim/variance-shift/claims.ts';
import { bnVariances, shiftRatio, type UnitMoments } from '../../sim/variance-shift/moments.ts';

/** The simulation's settings: the unit's mean c and variance v, drop probability p, seed. */
export interface ShiftSettings extends UnitMoments {
  p: number;
  seed: number;
}

/** Drop probabilities at which the formula's curve is drawn: 0 to 0.9 in steps of 0.01. */
const CURVE_PS = Float64Array.from({ length: 91 }, (_, i) => i / 100);

/** Everything the simulation shows for one state, computed by src/sim. */
export interface ShiftPicture {
  /** a Monte Carlo run with dropout before BN: what BN learned in training and what it met at test */
  before: ShiftSamples;
  /** the same draws of x with dropout after BN, where no mask reaches BN */
  after: ShiftSamples;
  /** the formula's variances with dropout before BN (training, test, and their ratio) */
  formula: { training: number; test: number; ratio: number };
  /** the formula's BN output variance at test against p, with dropout before BN and after it */
  curve: { ps: Float64Array; ratios: Float64Array; ratiosAfter: Float64Array };
}

/**
 * The simulation's numbers for one state: the lesson's run (its minibatches, their size and the
 * test draws) of a unit of mean c and variance v, with dropout before BN and after it.
 */
export function shiftPicture({ mean, variance, p, seed }: ShiftSettings): ShiftPicture {
  const unit = { mean, variance };
  const run = { ...SHIFT_LESSON_STATE, ...unit, p };
  return {
    before: simulateVarianceShift({ ...run, placement: 'before-bn' }, seed),
    after: simulateVarianceShift({ ...run, placement: 'after-bn' }, seed),
    formula: bnVariances(unit, p, 'before-bn'),
    curve: {
      ps: CURVE_PS,
      ratios: CURVE_PS.map((q) => shiftRatio(unit, q)),
      ratiosAfter: CURVE_PS.map((q) => bnVariances(unit, q, 'after-bn').ratio),
    },
  };
}

/** The sentences that say what the charts show. */
export function describeShift({ mean, variance, p }: ShiftSettings, picture: ShiftPicture): string {
  const { before, after, formula } = picture;
  const f = (value: number) => formatNumber(value, 2);
  return (
    `A unit of mean ${formatNumber(mean)} and variance ${formatNumber(variance)}, with dropout at p = ${formatNumber(p)}. ` +
    `Dropout before BN: in training BN learns a variance of ${f(before.runningVariance)} (formula ${f(formula.training)}), ` +
    `at test its input has variance ${f(before.testVariance)}, so BN's output has variance ${f(before.outputVariance)} ` +
    `instead of 1 (formula ${f(formula.ratio)}). ` +
    `Dropout after BN: BN learns ${f(after.runningVariance)} and meets ${f(after.testVariance)}; its output's variance is ${f(after.outputVariance)}.`
  );
}
