/**
 * The spatial-dropout experiment computed at build time, for the printed picture and the lesson's
 * figures: the digits the site ships, and a point computed to its end as the worker computes it,
 * once per seed and p. Node only.
 */
import { formatNumber, formatPercent } from '../lib/format.ts';
import { computeSpatialPoint, type SpatialResult } from '../sim/conv/spatial-job.ts';
import { SPATIAL_LESSON_P, SPATIAL_SETUP } from '../sim/conv/spatial-setup.ts';
import { shippedDigits } from './digits-reference-build.ts';

const { split } = await shippedDigits();
const points = new Map<string, SpatialResult>();

/** The point of `seed` at drop probability p, computed on first use (about two seconds). */
export function spatialPointAt(seed: number, p: number): SpatialResult {
  const key = `${seed} ${p}`;
  let found = points.get(key);
  if (!found) points.set(key, (found = computeSpatialPoint({ experiment: 'spatial', seed, p }, split)));
  return found;
}

/** The seed the lesson's figures and the simulation's starting state share. */
export const SPATIAL_LESSON_SEED = 1;

/** The lesson's figures: its point on the simulation's starting seed, formatted as the lesson prints them. */
export const SPATIAL_LESSON_FIGURES = (() => {
  const { correlation, elementR2, errors } = spatialPointAt(SPATIAL_LESSON_SEED, SPATIAL_LESSON_P);
  const [none = Number.NaN, element = Number.NaN, channel = Number.NaN] = errors;
  return {
    seed: SPATIAL_LESSON_SEED,
    correlation: formatNumber(correlation),
    elementR2: formatNumber(elementR2),
    none: formatPercent(none, 1),
    element: formatPercent(element, 1),
    channel: formatPercent(channel, 1),
    /** maps a channel mask drops at every step, on average: p × channels */
    mapsDropped: formatNumber(SPATIAL_LESSON_P * SPATIAL_SETUP.channels, 1),
  };
})();
