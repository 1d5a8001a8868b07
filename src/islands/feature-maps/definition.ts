import { SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import { FEATURE_MAP_SETUP } from '../../sim/feature-maps/setup.ts';
import { THINNED_SCALINGS } from '../../sim/thinned.ts';
import { defineSimulation } from '../definition.ts';
import { dropProbabilitySpec } from '../specs.ts';
import { FM_ALL_KEPT, FM_HIDDEN, FM_NETWORKS, FM_TRAINING_P, NETWORK_NAMES, unitName } from './summary.ts';

/** The feature-map simulation's parameters, as they appear in the URL under `maps.`. */
export const FEATURE_MAP_SPECS = {
  mask: { kind: 'bits', label: 'mask', length: FM_HIDDEN },
  p: dropProbabilitySpec({ min: 0.05, max: 0.9, step: 0.05 }),
  scaling: { kind: 'choice', label: 'scaling', values: THINNED_SCALINGS },
  network: { kind: 'choice', label: 'network', values: FM_NETWORKS },
  seed: SEED_SPEC,
} as const satisfies Specs;

export type FeatureMapState = ValuesOf<typeof FEATURE_MAP_SPECS>;

/** The network's input count and hidden width, as its setup trains it. */
const [inputs, width] = FEATURE_MAP_SETUP.training.shape.sizes;

/** A trained network whose hidden units a reader drops and keeps, each drawn as its map over the input plane. */
export const featureMaps = defineSimulation({
  id: 'feature-maps',
  prefix: 'maps',
  title: 'toggle the units of a trained network and watch its feature maps',
  component: 'FeatureMaps',
  lesson: 'why-dropout',
  intro:
    'Drop and keep the hidden units of a network trained on two moons, or sample a mask, and watch every map downstream and the decision map change.',
  specs: FEATURE_MAP_SPECS,
  props: ['p', 'network', 'seed'],
  defaults: { mask: FM_ALL_KEPT, p: FM_TRAINING_P, scaling: 'none', network: 'dropout', seed: 1 },
  describe({ mask, network }) {
    const dropped = [...mask].flatMap((bit, unit) => (bit === '0' ? [unitName(unit)] : []));
    return (
      `A network with ${inputs} inputs, two hidden layers of ${width} tanh units and a sigmoid output, ${NETWORK_NAMES[network]} ` +
      `on ${FEATURE_MAP_SETUP.dataset.trainSize} two-moons points. Each hidden unit is drawn as a map of its activation over the input plane, and the ` +
      'output as the decision map under the points; ' +
      (dropped.length === 0 ? 'every unit is kept. ' : `dropped: ${dropped.join(', ')}. `) +
      'Dropping a unit blanks its map and changes every map after it and the decision map. ' +
      'Two charts rank, for both networks of the pair, how much removing each hidden unit alone at test time raises the validation loss and how much of the decision map it flips.'
    );
  },
  printCaption: ({ mask, network }) =>
    `The simulation in its starting state: every hidden unit’s map and the decision map of the network ${NETWORK_NAMES[network]}, ` +
    (mask === FM_ALL_KEPT ? 'every unit kept.' : `${[...mask].filter((bit) => bit === '0').length} units dropped.`),
});
