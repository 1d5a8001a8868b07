import { SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import { defineSimulation } from '../definition.ts';
import { dropProbabilitySpec } from '../specs.ts';
import { MC_FIXED } from './summary.ts';

/** The Monte Carlo simulation's parameters, as they appear in the URL under `mc.`. */
export const MC_SPECS = {
  p: dropProbabilitySpec({ min: 0.05, max: 0.5, step: 0.05 }),
  passes: { kind: 'number', label: 'stochastic passes T', min: 10, max: 500, step: 10 },
  seed: SEED_SPEC,
} as const satisfies Specs;

export type McState = ValuesOf<typeof MC_SPECS>;

/** Dropout left on at prediction time, averaged over many passes: where the network is unsure. */
export const monteCarlo = defineSimulation({
  id: 'monte-carlo',
  prefix: 'mc',
  title: 'Monte Carlo dropout',
  component: 'MonteCarlo',
  lesson: 'beyond-the-basic-recipe',
  intro:
    'Leave dropout on at prediction time and average many passes: the spread of the answers shows where the network is unsure.',
  specs: MC_SPECS,
  defaults: { p: 0.2, passes: 100, seed: 1 },
  describe: ({ p, passes }) =>
    `A network with two hidden layers of 64 ReLU units is trained with dropout at p = ${p} on ${MC_FIXED.trainSize} noisy ` +
    `points of a curve between x = −1 and x = 1. It then predicts from x = −2 to 2 twice: once with the test network, and ` +
    `as the average of ${passes} passes with dropout left on, whose spread is drawn as a band. The band is narrow where ` +
    `the training points are and widens beyond them.`,
  printCaption: ({ passes, seed }) =>
    `The simulation in its starting state: the network trained with seed ${seed}, and ${passes} passes with dropout left on.`,
});
