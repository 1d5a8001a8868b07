import { formatNumber } from '../../lib/format.ts';
import { SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import { defineSimulation } from '../definition.ts';
import { MEAN_STEP_RUN } from '../../sim/mean-step.ts';
import { dropProbabilitySpec } from '../specs.ts';
import { RATE_FIXED } from './summary.ts';

/** The effective-learning-rate simulation's parameters, as they appear in the URL under `rate.`. */
export const RATE_SPECS = {
  p: dropProbabilitySpec({ min: 0.05, max: 0.9, step: 0.05 }),
  weights: { kind: 'choice', label: 'weights against no dropout', values: ['out', 'in'] },
  seed: SEED_SPEC,
} as const satisfies Specs;

export type RateState = ValuesOf<typeof RATE_SPECS>;

/** One gradient step under classic and inverted dropout from equivalent weights. */
export const effectiveRate = defineSimulation({
  id: 'effective-rate',
  prefix: 'rate',
  title: 'the effective learning rate',
  component: 'EffectiveRate',
  lesson: 'backpropagation-through-dropout',
  intro:
    'One gradient step under classic and inverted dropout from equivalent weights, and the step over many masks against no dropout: the same mean plus a penalty, with a spread that grows with p/q.',
  specs: RATE_SPECS,
  props: ['p', 'seed'],
  defaults: { p: 0.5, weights: 'out', seed: MEAN_STEP_RUN.seed },
  describe({ p }) {
    const q = 1 - p;
    return (
      `A layer of 16 units with fixed activations feeds one output unit. One gradient step at the same learning rate and ` +
      `with the same mask is taken under classic dropout and under inverted dropout, starting from equivalent weights. At ` +
      `p = ${p}, inverted dropout moves each kept unit's outgoing test-network weight 1/q² = ${formatNumber(1 / (q * q))} times as far. ` +
      `Against no dropout, the live version takes the step with ${RATE_FIXED.masks.toLocaleString('en')} masks in a second network and ` +
      `draws, for the weights into and out of the dropout layer, the mean and spread of the step beside the step without dropout.`
    );
  },
  printCaption: ({ seed }) =>
    `The simulation in its starting state: one gradient step with the first mask of seed ${seed}.`,
});
