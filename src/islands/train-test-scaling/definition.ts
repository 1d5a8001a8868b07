import { SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import { layerFacts, layerFor } from '../../sim/layer-samples.ts';
import { defineSimulation } from '../definition.ts';
import { dropProbabilitySpec } from '../specs.ts';
import { describeScaling, PIPELINE_SAMPLES } from './summary.ts';

/** The side-by-side simulation's parameters, as they appear in the URL under `scaling.`. */
export const SCALING_SPECS = {
  p: dropProbabilitySpec({ min: 0.05, max: 0.9, step: 0.05 }),
  seed: SEED_SPEC,
} as const satisfies Specs;

export type ScalingState = ValuesOf<typeof SCALING_SPECS>;

/** Classic and inverted dropout side by side on the same weights. */
export const trainTestScaling = defineSimulation({
  id: 'train-test-scaling',
  prefix: 'scaling',
  title: 'classic and inverted dropout side by side',
  component: 'ScalingSideBySide',
  lesson: 'train-test-scaling',
  intro:
    'The same weights used two ways, by classic and by inverted dropout: what each test network computes, and why each agrees in expectation with its own training network.',
  specs: SCALING_SPECS,
  defaults: { p: 0.5, seed: 1 },
  describe({ p, seed }) {
    const layer = layerFor(seed);
    return describeScaling(p, layerFacts(layer, 'classic', p), layerFacts(layer, 'inverted', p));
  },
  printCaption: ({ seed }) =>
    `The simulation in its starting state: the next unit’s input over ${PIPELINE_SAMPLES.toLocaleString('en')} masks of seed ${seed} in each pipeline.`,
});
