/**
 * The points of the digits experiments: what one worker trains and measures in one run, and what
 * it reports. A point trains one network ("arm"), with or without dropout; the two arms of a pair
 * start from the same weights and see the same minibatches, because both are drawn from the same
 * seed, so they can run in two workers at once and still form a paired comparison.
 */

import { MAX_SEED } from '../../random.ts';

/** The network a point trains: with the recipe's dropout, or the same network without it. */
export type Arm = 'dropout' | 'plain';

/** Units in each of the two hidden layers of 784 → H → H → 10. */
export const HIDDEN_WIDTHS = [128, 256, 512, 1024] as const;
export type HiddenWidth = (typeof HIDDEN_WIDTHS)[number];

/** What every point names: the seed of its weights, minibatches and masks, and its network's width. */
interface PointBase {
  /** 0 to 2³² − 1 */
  seed: number;
  hidden: HiddenWidth;
}

/** Test error after every epoch of training on the whole training set (the paper's Fig. 9 in small). */
export interface EpochsPoint extends PointBase {
  experiment: 'epochs';
  arm: Arm;
  /** 1 to {@link MAX_EPOCHS} */
  epochs: number;
}

/** Test error after a fixed number of updates on the first `size` training digits (the paper's Fig. 10). */
export interface SizePoint extends PointBase {
  experiment: 'size';
  arm: Arm;
  /** training digits, 100 to the training set's size */
  size: number;
  /** minibatch updates, whatever the size: 1 to {@link MAX_UPDATES} */
  updates: number;
}

/**
 * A network trained with dropout, then tested two ways (the paper's Fig. 11): the average of the
 * class probabilities of k thinned networks for k = 1 … `samples`, and the full network.
 */
export interface AveragingPoint extends PointBase {
  experiment: 'averaging';
  epochs: number;
  /** thinned networks averaged, 1 to {@link MAX_SAMPLES} */
  samples: number;
}

/** The first layer's weights and the hidden activations of a trained network (the paper's Figs. 7–8). */
export interface FeaturesPoint extends PointBase {
  experiment: 'features';
  arm: Arm;
  epochs: number;
}

/** One point of any experiment. */
export type DigitsPoint = EpochsPoint | SizePoint | AveragingPoint | FeaturesPoint;

/** The experiments, by name. */
export type Experiment = DigitsPoint['experiment'];

/** Test error (a fraction) after each epoch so far. */
export interface EpochsResult {
  experiment: 'epochs';
  testError: Float64Array;
  /** the mean training loss of each epoch, with the masks of its arm */
  trainingLoss: Float64Array;
}

/** Test error and training error (fractions) at the end; NaN until then. */
export interface SizeResult {
  experiment: 'size';
  testError: number;
  trainError: number;
}

/** Test error of the full network, and of the average of the first k thinned networks for each k so far. */
export interface AveragingResult {
  experiment: 'averaging';
  scaledError: number;
  averagedError: Float64Array;
}

/**
 * A trained network's first-layer weights and hidden activations on the test digits; empty
 * arrays until training ends.
 */
export interface FeaturesResult {
  experiment: 'features';
  /** the incoming weights of the first {@link FEATURE_UNITS} units of the first hidden layer, 784 each */
  weights: Float32Array;
  /** activations of the second hidden layer: counts in {@link ACTIVATION_BINS} bins from 0 to {@link ACTIVATION_MAX} (the last bin holds everything above) */
  histogram: Float64Array;
  /** the mean activation of the second hidden layer over units and test digits */
  meanActivation: number;
  /** the fraction of second-layer activations that are exactly 0 */
  zeroFraction: number;
}

/** What a point reports. */
export type PointResult = EpochsResult | SizeResult | AveragingResult | FeaturesResult;

/** Bounds on a point's numbers, so a request from a URL cannot ask for hours of work. */
export const MAX_EPOCHS = 200;
export const MAX_UPDATES = 20_000;
export const MAX_SAMPLES = 200;
/** First-layer units a features point reports. */
export const FEATURE_UNITS = 16;
/** The activation histogram's bins and upper end. */
export const ACTIVATION_BINS = 40;
export const ACTIVATION_MAX = 4;

/** The fewest training digits a size point may use: one minibatch's worth. */
export const MIN_SIZE = 100;

function checkWhole(name: string, value: unknown, low: number, high: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < low || value > high) {
    throw new RangeError(`${name} must be a whole number from ${low} to ${high}, not ${String(value)}`);
  }
}

function checkArm(arm: unknown): void {
  if (arm !== 'dropout' && arm !== 'plain')
    throw new RangeError(`arm must be "dropout" or "plain", not ${String(arm)}`);
}

/**
 * Throws a RangeError naming the first number of `point` out of its bounds (a request built from
 * a URL or a message can hold anything); `trainDigits` is the size of the training set.
 */
export function checkPoint(point: DigitsPoint, trainDigits: number): void {
  checkWhole('seed', point.seed, 0, MAX_SEED);
  if (!(HIDDEN_WIDTHS as readonly unknown[]).includes(point.hidden)) {
    throw new RangeError(`hidden units must be one of ${HIDDEN_WIDTHS.join(', ')}, not ${String(point.hidden)}`);
  }
  switch (point.experiment) {
    case 'epochs':
      checkArm(point.arm);
      checkWhole('epochs', point.epochs, 1, MAX_EPOCHS);
      return;
    case 'size':
      checkArm(point.arm);
      checkWhole('training digits', point.size, MIN_SIZE, trainDigits);
      checkWhole('updates', point.updates, 1, MAX_UPDATES);
      return;
    case 'averaging':
      checkWhole('epochs', point.epochs, 1, MAX_EPOCHS);
      checkWhole('thinned networks', point.samples, 1, MAX_SAMPLES);
      return;
    case 'features':
      checkArm(point.arm);
      checkWhole('epochs', point.epochs, 1, MAX_EPOCHS);
      return;
    default:
      throw new RangeError(`no experiment is called ${String((point as { experiment: unknown }).experiment)}`);
  }
}
