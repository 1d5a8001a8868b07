import { SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import { DROPOUT_MODES } from '../../sim/dropout.ts';
import { layerFacts, layerFor } from '../../sim/layer-samples.ts';
import { defineSimulation } from '../definition.ts';
import { MASKS_SPEC, dropProbabilitySpec } from '../specs.ts';
import { describeLayer } from './summary.ts';

/** The expected-value simulation's parameters, as they appear in the URL under `ev.`. */
export const EXPECTED_VALUE_SPECS = {
  mode: { kind: 'choice', label: 'dropout mode', values: DROPOUT_MODES },
  p: dropProbabilitySpec({ min: 0, max: 0.9, step: 0.05 }),
  samples: MASKS_SPEC,
  seed: SEED_SPEC,
} as const satisfies Specs;

export type ExpectedValueState = ValuesOf<typeof EXPECTED_VALUE_SPECS>;

/** The next unit's input over many masks of one layer, under every dropout mode and mistake. */
export const expectedValue = defineSimulation({
  id: 'expected-value',
  prefix: 'ev',
  title: 'the next unit’s input over many masks',
  component: 'ExpectedValue',
  lesson: 'train-test-scaling',
  intro:
    'Thousands of masks on one layer: the spread of the next unit’s pre-activation in training, and the one value the test network computes, under every dropout mode and mistake.',
  specs: EXPECTED_VALUE_SPECS,
  props: ['mode', 'p', 'seed'],
  defaults: { mode: 'inverted', p: 0.5, samples: 10_000, seed: 1 },
  describe: ({ mode, p, seed }) =>
    `A layer of 16 units with fixed activations feeds one unit of the next layer. ` +
    describeLayer(mode, p, layerFacts(layerFor(seed), mode, p)),
  printCaption: ({ samples, seed }) =>
    `The simulation in its starting state: the next unit’s input over the ${samples.toLocaleString('en')} masks of seed ${seed}.`,
});
