import { SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import { defineSimulation } from '../definition.ts';
import { MASKS_SPEC, dropProbabilitySpec } from '../specs.ts';
import { describeCounts, factsFor } from './summary.ts';

/** The drop-count simulation's parameters, as they appear in the URL under `counts.`. */
export const DROP_COUNT_SPECS = {
  n: { kind: 'number', label: 'layer size n', min: 1, max: 100_000, step: 1 },
  p: dropProbabilitySpec({ min: 0, max: 0.95, step: 0.01 }),
  k: { kind: 'number', label: 'radius k', min: 0, max: 5_000, step: 1 },
  masks: MASKS_SPEC,
  scale: { kind: 'choice', label: 'y scale', values: ['linear', 'log'] },
  seed: SEED_SPEC,
} as const satisfies Specs;

export type DropCountState = ValuesOf<typeof DROP_COUNT_SPECS>;

/** How many units of a layer drop: the exact Binomial(n, p) against sampled masks. */
export const dropCounts = defineSimulation({
  id: 'drop-counts',
  prefix: 'counts',
  title: 'how many units drop',
  component: 'DropCounts',
  lesson: 'how-many-units-drop',
  intro: 'The number of dropped units in a layer, exactly Binomial(n, p), against thousands of sampled masks.',
  specs: DROP_COUNT_SPECS,
  props: ['n', 'p', 'k', 'seed'],
  defaults: { n: 1024, p: 0.5, k: 10, masks: 10_000, scale: 'linear', seed: 1 },
  describe: (state) => describeCounts(state, factsFor(state)),
  printCaption: ({ masks, seed }) =>
    `The simulation in its starting state: the exact Binomial(n, p) probabilities as bars, and as outlines the share of the ${masks.toLocaleString('en')} masks of seed ${seed} with each count.`,
});
