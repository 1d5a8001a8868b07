/**
 * The spatial-dropout experiment the lesson, its claims and its simulation share: a small
 * convolutional network trained on the first digits of the course's split three times (no
 * dropout, element-wise, whole channels), paired, and measured on validation digits. Small
 * enough to train in the browser's worker in a few seconds. p is the drop probability.
 */
import { MAX_SEED } from '../random.ts';

/** The experiment's fixed sizes and training settings. */
export const SPATIAL_SETUP = {
  /** training digits: the first of the split's training part */
  trainDigits: 600,
  /** epochs of each run */
  epochs: 4,
  /** feature maps of the convolution */
  channels: 6,
  /** digits per minibatch */
  batchSize: 50,
  /** learning rate η */
  learningRate: 0.05,
  /** momentum μ */
  momentum: 0.9,
  /** validation digits each trained network is scored on: the split's first */
  validationDigits: 1000,
  /** validation digits whose maps the neighbour measures read */
  measureDigits: 50,
  /** validation digits whose maps the simulation shows, one at a time */
  shownDigits: 12,
} as const;

/** The drop probability the lesson trains with. */
export const SPATIAL_LESSON_P = 0.3;

/** The drop probabilities a run may use: as the simulation's p field offers them. */
export const SPATIAL_P_RANGE = { min: 0.05, max: 0.6 } as const;

/** What the worker trains and measures: every run of one seed at one drop probability. */
export interface SpatialPoint {
  experiment: 'spatial';
  /** seed of the weights, the minibatch order and the masks, 0 to 2³² − 1 */
  seed: number;
  /** drop probability p of an activation (element-wise) or a whole map (channel) */
  p: number;
}

/** Throws a RangeError naming the first number of `point` out of bounds (a request can hold anything). */
export function checkSpatialPoint({ experiment, seed, p }: SpatialPoint): void {
  if (experiment !== 'spatial') throw new RangeError(`not a spatial-dropout point: ${String(experiment)}`);
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED))
    throw new RangeError(`seed must be a whole number from 0 to ${MAX_SEED}, not ${String(seed)}`);
  if (!(typeof p === 'number' && p >= SPATIAL_P_RANGE.min && p <= SPATIAL_P_RANGE.max))
    throw new RangeError(`p must be from ${SPATIAL_P_RANGE.min} to ${SPATIAL_P_RANGE.max}, not ${String(p)}`);
}
