import { bernoulliDraws } from './bernoulli-draws/definition.ts';
import { digits } from './digits/definition.ts';
import { dropoutL2 } from './dropout-l2/definition.ts';
import { dropCounts } from './drop-counts/definition.ts';
import { effectiveRate } from './effective-rate/definition.ts';
import { expectedValue } from './expected-value/definition.ts';
import { featureMaps } from './feature-maps/definition.ts';
import { monteCarlo } from './monte-carlo/definition.ts';
import { neuronToggling } from './neuron-toggling/definition.ts';
import { recurrentMasks } from './recurrent-masks/definition.ts';
import { spatialDropout } from './spatial-dropout/definition.ts';
import { stochasticDepth } from './stochastic-depth/definition.ts';
import { trainTestScaling } from './train-test-scaling/definition.ts';
import { training } from './training/definition.ts';
import { varianceShift } from './variance-shift/definition.ts';

/**
 * Every simulation, in the order of the lab's index: the one list of them (a new simulation is
 * one import and one entry here). Each is defined in its own folder, `src/islands/<id>/`.
 */
export const SIMULATIONS = [
  neuronToggling,
  featureMaps,
  bernoulliDraws,
  dropCounts,
  expectedValue,
  trainTestScaling,
  effectiveRate,
  training,
  dropoutL2,
  spatialDropout,
  monteCarlo,
  digits,
  varianceShift,
  stochasticDepth,
  recurrentMasks,
] as const;

export type Simulation = (typeof SIMULATIONS)[number];
export type SimId = Simulation['id'];

/** Every simulation's id: the `<sim>` of `/lab/<sim>/` and `/embed/sim/<sim>/`. */
export const SIM_IDS: readonly SimId[] = SIMULATIONS.map((definition) => definition.id);

/** The simulation with this id; an unknown id is a bug, and throws. */
export function simulationById(id: string): Simulation {
  const definition = SIMULATIONS.find((candidate) => candidate.id === id);
  if (!definition) throw new Error(`no simulation "${id}"; one of ${SIM_IDS.join(', ')}`);
  return definition;
}

for (const [i, { id, prefix, component }] of SIMULATIONS.entries()) {
  const earlier = SIMULATIONS.slice(0, i);
  if (earlier.some((other) => other.id === id || other.prefix === prefix || other.component === component)) {
    throw new Error(`src/islands/simulations.ts: two simulations share the id, URL prefix or component of ${id}`);
  }
}
