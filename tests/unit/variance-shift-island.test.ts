import { describe, expect, it } from 'vitest';
import { SHIFT_SPECS, varianceShift } from '../../src/islands/variance-shift/definition.ts';
import { describeShift, shiftPicture } from '../../src/islands/variance-shift/summary.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { simulateVarianceShift } from '../../src/sim/variance-shift/batch-norm.ts';
import { SHIFT_LESSON_STATE } from '../../src/sim/variance-shift/claims.ts';
import { bnVariances, shiftRatio } from '../../src/sim/variance-shift/moments.ts';

const START = varianceShift.start({});

describe('the variance-shift simulation', () => {
  it('starts where the lesson’s claims are measured: mean 1, variance 1, p = 0.5', () => {
    expect(START).toEqual({
      p: SHIFT_LESSON_STATE.p,
      mean: SHIFT_LESSON_STATE.mean,
      variance: SHIFT_LESSON_STATE.variance,
      seed: 1,
    });
  });

  it('shows the Monte Carlo runs of src/sim for both placements, on the same draws of x', () => {
    const state = { p: 0.3, mean: -1, variance: 2, seed: 7 };
    const picture = shiftPicture(state);
    const run = { ...SHIFT_LESSON_STATE, mean: -1, variance: 2, p: 0.3 };
    expect(picture.before).toEqual(simulateVarianceShift({ ...run, placement: 'before-bn' }, 7));
    expect(picture.after).toEqual(simulateVarianceShift({ ...run, placement: 'after-bn' }, 7));
    // The test draws are the same x: dropout is off at test in both placements.
    expect(picture.after.testVariance).toBe(picture.before.testVariance);
    expect(picture.formula).toEqual(bnVariances({ mean: -1, variance: 2 }, 0.3, 'before-bn'));
  });

  it('draws the formula’s output variance against every p the slider offers, 1 at p = 0', () => {
    const { curve } = shiftPicture(START);
    expect(curve.ratios[0]).toBe(1);
    for (let p = SHIFT_SPECS.p.min; p <= SHIFT_SPECS.p.max + 1e-9; p += SHIFT_SPECS.p.step) {
      const i = Math.round(p * 100);
      expect(curve.ps[i]).toBeCloseTo(p, 12);
      expect(curve.ratios[i]).toBeCloseTo(shiftRatio(START, p), 12);
    }
  });

  it('says in words what the charts show, with the numbers they show', () => {
    const picture = shiftPicture(START);
    const text = describeShift(START, picture);
    expect(text).toContain(`learns a variance of ${formatNumber(picture.before.runningVariance, 2)}`);
    expect(text).toContain(`formula ${formatNumber(picture.formula.training, 2)}`);
    expect(text).toContain(`output has variance ${formatNumber(picture.before.outputVariance, 2)}`);
    expect(text).toContain(`its output's variance is ${formatNumber(picture.after.outputVariance, 2)}`);
    // At the lesson's state the learned variance is about three times the test one.
    expect(picture.before.runningVariance / picture.before.testVariance).toBeGreaterThan(2.7);
    expect(varianceShift.describe(START)).toContain(text);
  });
});
