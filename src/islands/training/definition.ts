import { LAB_PRESETS } from '../../sim/presets.ts';
import { defineSimulation } from '../definition.ts';
import { LAB_SEED, LAB_SPECS, presetState, type LabState } from './summary.ts';

/**
 * Two networks trained side by side from the same weights on the same minibatches: one with dropout,
 * and one without or with a second dropout configuration.
 */
export const training = defineSimulation({
  id: 'training',
  prefix: 'lab',
  title: 'train with and without dropout',
  component: 'TrainingLab',
  lesson: 'the-lab',
  intro:
    'Two networks trained side by side from the same weights on the same minibatches, one with dropout and one without: loss curves, decision boundaries and every mistake mode.',
  specs: LAB_SPECS,
  props: ['preset', 'seed'],
  start: ({ preset = 'overfits', seed = LAB_SEED }): LabState => presetState(preset, seed),
  describe: (state) =>
    `Two networks of ${state.width} tanh units in each of two hidden layers train on ${state.size} points of the ` +
    `${state.dataset} dataset, with ${Math.round(state.noise * 100)} % of labels flipped, from the same initial weights ` +
    `and the same minibatches: one with ${state.mode} dropout at p = ${state.p} on its hidden layers, ` +
    (state.pair === 'none'
      ? 'one without. '
      : `one with ${state.pairMode} dropout at p = ${state.pairP}, ${state.pairSchedule === 'linear' ? 'annealed to 0' : 'constant'}. `) +
    `${LAB_PRESETS[state.preset].point} The live version plots both networks' training and validation loss and ` +
    `accuracy every epoch, marks each network's epoch of lowest validation loss, and draws their decision boundaries.`,
  printCaption: () =>
    'The simulation in its starting state, before training: the training points (large dots) and validation points (small dots) of its dataset.',
});
export type { LabState } from './summary.ts';
