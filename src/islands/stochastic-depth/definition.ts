import { SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import { DEPTH_LESSON_STATE } from '../../sim/stochastic-depth/claims.ts';
import { defineSimulation } from '../definition.ts';
import { depthPicture, describeDepth } from './summary.ts';

/** The stochastic-depth simulation's parameters, as they appear in the URL under `depth.`. */
export const DEPTH_SPECS = {
  blocks: { kind: 'number', label: 'residual blocks L', min: 4, max: 60, step: 2 },
  p: { kind: 'number', label: 'drop probability p_L of the last block', min: 0, max: 0.9, step: 0.05 },
  rule: { kind: 'choice', label: 'rule', values: ['linear', 'uniform'] },
  seed: SEED_SPEC,
} as const satisfies Specs;

export type DepthState = ValuesOf<typeof DEPTH_SPECS>;

/** Stochastic depth on a residual stack: each block skipped whole, with a drop probability that may rise with depth. */
export const stochasticDepth = defineSimulation({
  id: 'stochastic-depth',
  prefix: 'depth',
  title: 'stochastic depth in a residual network',
  component: 'StochasticDepth',
  lesson: 'dropout-in-modern-networks',
  intro:
    'Skip whole residual blocks at random, with a drop probability that rises linearly with depth or is the same for all: see which blocks a minibatch keeps and how deep the network is on average.',
  specs: DEPTH_SPECS,
  defaults: { blocks: DEPTH_LESSON_STATE.blocks, p: DEPTH_LESSON_STATE.pLast, rule: DEPTH_LESSON_STATE.rule, seed: 1 },
  describe: (state) =>
    `A residual network of ${state.blocks} blocks; in each training minibatch, block l is skipped with drop ` +
    `probability p_l and the signal passes on by its identity connection. The charts show the blocks a few ` +
    `minibatches keep, each block's keep probability, and the distribution of the number of active blocks over ` +
    `${DEPTH_LESSON_STATE.samples.toLocaleString('en')} minibatches. ` +
    describeDepth(state, depthPicture(state)),
  printCaption: ({ blocks, p, rule, seed }) =>
    `The simulation in its starting state: the minibatches of seed ${seed} for ${blocks} blocks under the ${rule} rule, the last block at p = ${p}.`,
});
