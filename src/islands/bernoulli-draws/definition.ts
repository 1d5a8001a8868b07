import { formatNumber } from '../../lib/format.ts';
import { SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import { expectedUnitOutput, UNIT_DRAW_LIMITS as LIMITS } from '../../sim/unit-draws.ts';
import { defineSimulation } from '../definition.ts';
import { dropProbabilitySpec } from '../specs.ts';

/** The Bernoulli-draws simulation's parameters, as they appear in the URL under `draws.`. */
export const DRAWS_SPECS = {
  p: dropProbabilitySpec(LIMITS.p),
  h: { kind: 'number', label: 'activation h', ...LIMITS.h },
  scaling: { kind: 'choice', label: 'scaling', values: ['none', 'inverted'] },
  seed: SEED_SPEC,
} as const satisfies Specs;

export type DrawsState = ValuesOf<typeof DRAWS_SPECS>;

/** Draws sampled per setting, all of which the chart can reveal (and the printed picture shows). */
export const DRAWS_TOTAL = 400;

/** One unit under dropout, drawn again and again, with the running mean of its output. */
export const bernoulliDraws = defineSimulation({
  id: 'bernoulli-draws',
  prefix: 'draws',
  title: 'one unit under dropout',
  component: 'BernoulliDraws',
  lesson: 'why-dropout',
  intro:
    'Draw the mask of one unit again and again and watch the running mean of its output settle on its expected value.',
  specs: DRAWS_SPECS,
  defaults: { p: 0.5, h: 1.5, scaling: 'none', seed: 1 },
  describe({ p, h }) {
    const q = 1 - p;
    const none = expectedUnitOutput({ h, p, scaling: 'none' });
    return (
      `One unit with activation h = ${formatNumber(h, 1)} is kept with probability q = ${formatNumber(q)} ` +
      `and dropped with probability p = ${formatNumber(p)} on each draw. A kept unit outputs h without scaling, ` +
      `or h/q = ${formatNumber(h / q)} with inverted scaling; a dropped unit outputs 0. Over hundreds of draws the ` +
      `running mean of the outputs settles near q·h = ${formatNumber(none)} without scaling and near h = ` +
      `${formatNumber(h, 1)} with inverted scaling.`
    );
  },
  printCaption: ({ seed }) =>
    `The first ${DRAWS_TOTAL} draws of seed ${seed} at these settings, as the simulation shows them after “Run”.`,
});
