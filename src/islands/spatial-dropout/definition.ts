import { SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import { SPATIAL_LESSON_P, SPATIAL_P_RANGE, SPATIAL_SETUP } from '../../sim/conv/spatial-setup.ts';
import { defineSimulation } from '../definition.ts';
import { dropProbabilitySpec } from '../specs.ts';
import { MASK_KINDS } from './picture.ts';
import { MASK_NAMES, SETUP_SENTENCE } from './summary.ts';

/** The spatial-dropout simulation's parameters, as they appear in the URL under `spatial.`. */
export const SPATIAL_SPECS = {
  mask: { kind: 'choice', label: 'mask', values: MASK_KINDS },
  p: dropProbabilitySpec({ ...SPATIAL_P_RANGE, step: 0.05 }),
  digit: { kind: 'number', label: 'digit', min: 1, max: SPATIAL_SETUP.shownDigits, step: 1 },
  seed: SEED_SPEC,
} as const satisfies Specs;

export type SpatialState = ValuesOf<typeof SPATIAL_SPECS>;

/** A small convolutional network trained in the browser on real digits: its feature maps, masks over them, and paired runs. */
export const spatialDropout = defineSimulation({
  id: 'spatial-dropout',
  prefix: 'spatial',
  title: 'drop single activations or whole feature maps',
  component: 'SpatialDropout',
  lesson: 'dropout-in-practice',
  intro:
    'A small convolutional network trains on real handwritten digits in your browser. See one digit’s feature maps, drop activations one by one or whole maps, and compare the validation error of networks trained each way.',
  specs: SPATIAL_SPECS,
  defaults: { mask: 'element', p: SPATIAL_LESSON_P, digit: 1, seed: 1 },
  describe: ({ mask, p }) =>
    `${SETUP_SENTENCE} The simulation shows one validation digit’s feature maps as heat maps, one per channel, and the same maps ` +
    `under a mask dropping ${MASK_NAMES[mask]} at p = ${p}, dropped activations marked. It reports how strongly neighbouring ` +
    'activations correlate, how well a dropped activation is predicted from its kept neighbours, and the validation error of the three networks.',
  printCaption: ({ mask, p, seed }) =>
    `The simulation in its starting state: the first validation digit’s feature maps, and a mask dropping ${MASK_NAMES[mask]} at p = ${p} from seed ${seed}.`,
});
