import { describe, expect, it } from 'vitest';
import { shiftTables } from '../../src/islands/variance-shift/data.ts';
import { shiftPicture } from '../../src/islands/variance-shift/summary.ts';
import { simulateVarianceShift } from '../../src/sim/variance-shift/batch-norm.ts';
import { SHIFT_LESSON_STATE } from '../../src/sim/variance-shift/claims.ts';
import { bnVariances, shiftRatio } from '../../src/sim/variance-shift/moments.ts';
import { column, expectWellFormed, tableOf } from './data-tables.ts';

const STATE = { p: 0.3, mean: -1, variance: 2, seed: 7 };
const UNIT = { mean: STATE.mean, variance: STATE.variance };

describe('the tables of a variance-shift run', () => {
  const tables = shiftTables(shiftPicture(STATE));
  const run = { ...SHIFT_LESSON_STATE, ...UNIT, p: STATE.p };
  const before = simulateVarianceShift({ ...run, placement: 'before-bn' }, STATE.seed);
  const after = simulateVarianceShift({ ...run, placement: 'after-bn' }, STATE.seed);

  it('are well formed, with unique titles', () => expectWellFormed(tables));

  it('hold both placements’ Monte Carlo runs as src/sim computes them', () => {
    expect(tableOf(tables, 'What BN learned in training and met at test').rows).toEqual(
      [before, after].map((s, i) => [
        ['dropout before BN', 'dropout after BN'][i],
        s.runningVariance,
        s.runningMean,
        s.testVariance,
        s.outputMean,
        s.outputVariance,
      ]),
    );
    const batches = tableOf(tables, 'Variance of BN’s input in each training minibatch');
    expect(batches.rows).toHaveLength(SHIFT_LESSON_STATE.batches);
    expect(column(batches, 1)).toEqual([...before.batchVariances]);
    expect(column(batches, 2)).toEqual([...after.batchVariances]);
  });

  it('hold the formula’s values and its curve against p', () => {
    const formula = bnVariances(UNIT, STATE.p, 'before-bn');
    expect(tableOf(tables, 'Formula, dropout before BN').rows).toEqual([
      [formula.training, formula.test, formula.ratio],
    ]);
    const curve = tableOf(tables, 'BN’s output variance at test against p, by the formula');
    for (const [p, before, after] of curve.rows) {
      expect(before).toBe(shiftRatio(UNIT, p as number));
      expect(after).toBe(bnVariances(UNIT, p as number, 'after-bn').ratio);
    }
  });
});
