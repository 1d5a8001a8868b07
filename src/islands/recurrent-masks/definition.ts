import { SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import { RECURRENT_LESSON_STATE } from '../../sim/variance-shift/claims.ts';
import { defineSimulation } from '../definition.ts';
import { dropProbabilitySpec } from '../specs.ts';
import { describeTimeMasks, timeMaskPicture } from './summary.ts';

/** The recurrent-masks simulation's parameters, as they appear in the URL under `rnn.`. */
export const TIME_MASK_SPECS = {
  p: dropProbabilitySpec({ min: 0, max: 0.9, step: 0.05 }),
  steps: { kind: 'number', label: 'time steps T', min: 2, max: 40, step: 1 },
  units: { kind: 'number', label: 'units of the layer', min: 4, max: 64, step: 4 },
  seed: SEED_SPEC,
} as const satisfies Specs;

export type TimeMaskState = ValuesOf<typeof TIME_MASK_SPECS>;

/** A recurrent layer's dropout masks over time: a fresh mask per step against one mask per sequence. */
export const recurrentMasks = defineSimulation({
  id: 'recurrent-masks',
  prefix: 'rnn',
  title: 'dropout masks over time in a recurrent layer',
  component: 'RecurrentMasks',
  lesson: 'dropout-in-modern-networks',
  intro:
    'The masks of a recurrent layer over the time steps of one sequence: a fresh mask at every step, or one mask for the whole sequence (variational dropout).',
  specs: TIME_MASK_SPECS,
  defaults: {
    p: RECURRENT_LESSON_STATE.p,
    steps: RECURRENT_LESSON_STATE.steps,
    units: RECURRENT_LESSON_STATE.units,
    seed: 1,
  },
  describe: (state) =>
    `Two grids of ${state.steps} time steps (rows) of ${state.units} units (columns); a filled cell is a kept unit, ` +
    `an outlined one a dropped unit. The first grid draws a fresh mask at every step, the second draws one mask ` +
    `and repeats it at every step of the sequence. ` +
    describeTimeMasks(state, timeMaskPicture(state)),
  printCaption: ({ p, seed }) =>
    `The simulation in its starting state: the masks of seed ${seed} at p = ${p}, a fresh one per step and one per sequence.`,
});
