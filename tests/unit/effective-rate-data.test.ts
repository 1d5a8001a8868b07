import { describe, expect, it } from 'vitest';
import { rateTables } from '../../src/islands/effective-rate/data.ts';
import { effectiveRate } from '../../src/islands/effective-rate/definition.ts';
import { meanSteps, RATE_FIXED, rateSteps, stepRatio } from '../../src/islands/effective-rate/summary.ts';
import { meanStepFacts } from '../../src/sim/mean-step.ts';
import { column, expectWellFormed, tableTitled } from './run-table-checks.ts';

describe('the effective-rate run’s tables', () => {
  const state = { ...effectiveRate.start({ seed: 6, p: 0.4 }), weights: 'in' as const };
  const steps = rateSteps(state.p, state.seed, 2);
  const ratio = stepRatio(steps.classic.weightSteps, steps.inverted.weightSteps);
  const overMasks = meanSteps(state.p, state.seed);
  const meanFacts = meanStepFacts(overMasks.incoming, RATE_FIXED.masks);
  const tables = rateTables(state, { steps, draw: 2, ratio, overMasks, meanFacts });

  it('are well formed, with unique titles', () => expectWellFormed(tables));

  it('hold the step of the third mask under both schemes, and its readouts', () => {
    const step = tableTitled(tables, 'One gradient step, mask 3 of the seed');
    expect(column(step, 'kept (1) or dropped (0)')).toEqual([...steps.mask]);
    expect(column(step, 'test-network weight step, classic dropout')).toEqual([...steps.classic.weightSteps]);
    expect(column(step, 'test-network weight step, inverted dropout')).toEqual([...steps.inverted.weightSteps]);
    expect(tableTitled(tables, 'One gradient step: readouts').rows).toEqual([
      [steps.kept, ratio, 1 / 0.6 ** 2, steps.classic.outputStep, steps.inverted.outputStep],
    ]);
  });

  it('hold the step over many masks of the weights the chart shows', () => {
    const over = tableTitled(
      tables,
      `Step over ${RATE_FIXED.masks} masks, weights into the dropout layer from the first input`,
    );
    expect(column(over, 'step without dropout')).toEqual([...overMasks.incoming.none]);
    expect(column(over, 'mean step, inverted dropout, sampled')).toEqual([...overMasks.incoming.mean]);
    expect(column(over, 'standard deviation of the step, exact')).toEqual([...overMasks.incoming.exactSd]);
    expect(tableTitled(tables, 'Step over many masks: readouts').rows[0]).toEqual([
      meanFacts.meanRatio,
      meanFacts.spreadRatio,
      0.4 / 0.6,
      meanFacts.worstStandardErrors,
    ]);
  });
});
