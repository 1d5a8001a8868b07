import { SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import { L2_DATA } from '../../sim/dropout-l2.ts';
import { defineSimulation } from '../definition.ts';
import { dropProbabilitySpec } from '../specs.ts';
import { describeL2, l2Picture } from './summary.ts';

/** The dropout-and-L2 explorable's parameters, as they appear in the URL under `l2.`. */
export const L2_SPECS = {
  p: dropProbabilitySpec({ min: 0.05, max: 0.9, step: 0.05 }),
  lambda: { kind: 'number', label: 'ridge penalty λ', min: 0, max: 100, step: 1 },
  masks: {
    kind: 'number',
    label: 'number of masks',
    min: 100,
    max: 10_000,
    step: 100,
    options: [100, 1_000, 10_000],
  },
  seed: SEED_SPEC,
} as const satisfies Specs;

export type L2State = ValuesOf<typeof L2_SPECS>;

/** Dropout on the inputs of a linear regression, beside ridge regression: the penalty dropout adds. */
export const dropoutL2 = defineSimulation({
  id: 'dropout-l2',
  prefix: 'l2',
  title: 'dropout as an L2 penalty',
  component: 'DropoutL2',
  lesson: 'dropout-in-practice',
  intro:
    'Dropout on the inputs of a linear regression is ridge regression with a penalty on each weight scaled by its input’s energy: see it beside plain ridge, and a Monte Carlo estimate meet the formula.',
  specs: L2_SPECS,
  props: ['p', 'lambda', 'seed'],
  defaults: { p: 0.5, lambda: 20, masks: 1_000, seed: 1 },
  describe: (state) =>
    `A linear regression on ${L2_DATA.size} examples of ${L2_DATA.scales.length} inputs whose scales differ by a factor ` +
    `of ${L2_DATA.scales[0] / L2_DATA.scales[1]} from one to the next is fitted three ways: without a penalty, with inverted dropout on its inputs, and with ridge regression. ` +
    describeL2(state, l2Picture(state)),
  printCaption: ({ masks, seed }) =>
    `The simulation in its starting state: the data set of seed ${seed} and ${masks.toLocaleString('en')} sampled masks.`,
});
