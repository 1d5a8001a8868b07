import { describe, expect, it } from 'vitest';
import { recurrentMasks } from '../../src/islands/recurrent-masks/definition.ts';
import { describeTimeMasks, timeMaskPicture } from '../../src/islands/recurrent-masks/summary.ts';
import { stochasticDepth } from '../../src/islands/stochastic-depth/definition.ts';
import { depthPicture, describeDepth } from '../../src/islands/stochastic-depth/summary.ts';
import { formatNumber, formatPercent } from '../../src/lib/format.ts';
import { sampleTimeMasks } from '../../src/sim/recurrent-masks.ts';
import { depthDistribution, expectedDepth, sampleStack } from '../../src/sim/stochastic-depth/blocks.ts';
import { DEPTH_LESSON_STATE } from '../../src/sim/stochastic-depth/claims.ts';
import { RECURRENT_LESSON_STATE } from '../../src/sim/variance-shift/claims.ts';

describe('the recurrent-masks simulation', () => {
  const start = recurrentMasks.start({});

  it('starts at the layer the lesson’s claims measure, and shows the masks they measure', () => {
    expect(start).toEqual({ ...RECURRENT_LESSON_STATE, seed: 1 });
    const picture = timeMaskPicture(start);
    const { steps, units, p } = RECURRENT_LESSON_STATE;
    expect(picture.naive).toEqual(sampleTimeMasks(steps, units, p, 'naive', 1));
    expect(picture.variational).toEqual(sampleTimeMasks(steps, units, p, 'variational', 1));
  });

  it('says what the grids show, with their numbers, and what it cannot say when nothing is dropped', () => {
    const picture = timeMaskPicture(start);
    const text = describeTimeMasks(start, picture);
    expect(text).toContain(`dropped again at ${formatPercent(picture.naive.redrop, 0)} of the later steps`);
    expect(text).toContain('dropped again at 100 % of the later steps');
    expect(text).toContain(
      `${formatNumber(picture.variational.kept * start.units, 0)} of ${start.units} units are kept`,
    );
    expect(recurrentMasks.describe(start)).toContain(text);
    const none = { ...start, p: 0 };
    expect(describeTimeMasks(none, timeMaskPicture(none))).toContain('no unit is dropped at the first step');
  });
});

describe('the stochastic-depth simulation', () => {
  const start = stochasticDepth.start({});

  it('starts at the stack the lesson’s claims measure, and samples it as they do', () => {
    const { blocks, pLast, rule, samples } = DEPTH_LESSON_STATE;
    expect(start).toEqual({ blocks, p: pLast, rule, seed: 1 });
    const picture = depthPicture(start);
    const sample = sampleStack(blocks, pLast, rule, samples, 1);
    expect(picture.depths).toEqual(sample.depths);
    expect(picture.expected).toBe(expectedDepth(sample.dropPs));
    expect(picture.exact).toEqual(depthDistribution(sample.dropPs));
    expect(picture.sampled.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('says what the charts show, with their numbers, under either rule', () => {
    for (const rule of ['linear', 'uniform'] as const) {
      const state = { ...start, rule };
      const picture = depthPicture(state);
      const text = describeDepth(state, picture);
      expect(text).toContain(`The expected depth is ${formatNumber(picture.expected, 2)} of ${state.blocks} blocks`);
      expect(text).toContain(`the mean depth is ${formatNumber(picture.meanDepth, 2)}`);
      expect(text).toContain(
        rule === 'linear' ? 'drop probabilities rise from 0.02' : "every block's drop probability is 0.50",
      );
      expect(stochasticDepth.describe(state)).toContain(text);
    }
  });
});
