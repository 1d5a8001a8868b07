import { SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import { SHIFT_LESSON_STATE } from '../../sim/variance-shift/claims.ts';
import { defineSimulation } from '../definition.ts';
import { dropProbabilitySpec } from '../specs.ts';
import { describeShift, shiftPicture } from './summary.ts';

/** The variance-shift simulation's parameters, as they appear in the URL under `shift.`. */
export const SHIFT_SPECS = {
  p: dropProbabilitySpec({ min: 0, max: 0.9, step: 0.05 }),
  mean: { kind: 'number', label: 'mean c of the unit', min: -2, max: 2, step: 0.5 },
  variance: { kind: 'number', label: 'variance v of the unit', min: 0.25, max: 4, step: 0.25 },
  seed: SEED_SPEC,
} as const satisfies Specs;

export type ShiftState = ValuesOf<typeof SHIFT_SPECS>;

/** One unit through dropout and a batch-normalization layer: the variance BN learns in training and meets at test. */
export const varianceShift = defineSimulation({
  id: 'variance-shift',
  prefix: 'shift',
  title: 'dropout before batch normalization',
  component: 'VarianceShift',
  lesson: 'dropout-in-modern-networks',
  intro:
    'A BN layer after dropout learns its statistics from masked inputs and meets unmasked ones at test: see the variance it learns, the variance it meets, and what happens when dropout moves after BN.',
  specs: SHIFT_SPECS,
  defaults: { p: SHIFT_LESSON_STATE.p, mean: SHIFT_LESSON_STATE.mean, variance: SHIFT_LESSON_STATE.variance, seed: 1 },
  describe: (state) =>
    `One unit x, drawn from a normal distribution, passes through inverted dropout and a batch-normalization layer, ` +
    `which learns its mean and variance over ${SHIFT_LESSON_STATE.batches} training minibatches of ${SHIFT_LESSON_STATE.batchSize} ` +
    `and normalizes ${SHIFT_LESSON_STATE.testSize.toLocaleString('en')} test draws with them. ` +
    describeShift(state, shiftPicture(state)),
  printCaption: ({ p, seed }) =>
    `The simulation in its starting state: dropout at p = ${p}, the draws of seed ${seed}.`,
});
