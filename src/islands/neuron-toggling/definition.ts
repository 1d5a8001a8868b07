import { SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import { THINNED_HIDDEN, THINNED_SCALINGS } from '../../sim/thinned.ts';
import { defineSimulation } from '../definition.ts';
import { dropProbabilitySpec } from '../specs.ts';
import { ALL_KEPT, describeToggle, togglePasses } from './summary.ts';

/** The toggling simulation's parameters, as they appear in the URL under `toggle.`. */
export const TOGGLE_SPECS = {
  mask: { kind: 'bits', label: 'mask', length: THINNED_HIDDEN },
  p: dropProbabilitySpec({ min: 0.05, max: 0.9, step: 0.05 }),
  scaling: { kind: 'choice', label: 'scaling', values: THINNED_SCALINGS },
  seed: SEED_SPEC,
} as const satisfies Specs;

export type ToggleState = ValuesOf<typeof TOGGLE_SPECS>;

/** A small network whose hidden units a reader drops and keeps one by one, or by a sampled mask. */
export const neuronToggling = defineSimulation({
  id: 'neuron-toggling',
  prefix: 'toggle',
  title: 'toggle the units of a network',
  component: 'NeuronToggling',
  lesson: 'bernoulli-masks',
  intro:
    'Click or press any hidden unit to drop or keep it, or sample a whole mask, and watch the next layer and the output change.',
  specs: TOGGLE_SPECS,
  props: ['p', 'seed'],
  defaults: { mask: ALL_KEPT, p: 0.5, scaling: 'none', seed: 1 },
  describe(state) {
    const { output, fullOutput } = togglePasses(state);
    return (
      'A network with 3 inputs, hidden layers of 6 and 4 tanh units and one sigmoid output, shown with every unit kept. ' +
      describeToggle(state, output, fullOutput) +
      ' Dropping hidden units changes the second layer’s inputs and the output.'
    );
  },
  printCaption: () => 'The simulation in its starting state: the network with every unit kept.',
});
