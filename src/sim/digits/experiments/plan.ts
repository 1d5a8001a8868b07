import type { AveragingPoint, DigitsPoint, EpochsPoint, FeaturesPoint, HiddenWidth, SizePoint } from './points.ts';

/**
 * The reference points: what `npm run reference:digits` computes with fixed seeds and the site
 * ships (src/data/digits-reference.json), so every figure is complete on first view. The lab's
 * controls start from these settings, so a point a learner re-runs lands beside its reference.
 */

/** The hidden width of every reference network: 784 → 256 → 256 → 10. */
export const REFERENCE_HIDDEN: HiddenWidth = 256;

/** Epochs of the epochs, averaging and features experiments. */
export const REFERENCE_EPOCHS = 50;

/** The training-set sizes of the size sweep (the paper's Fig. 10 goes from 100 to 50,000). */
export const REFERENCE_SIZES = [100, 250, 500, 1000, 2500, 5000] as const;

/** Minibatch updates at every size of the sweep. */
export const REFERENCE_UPDATES = 2000;

/** Thinned networks averaged at most (the paper's Fig. 11 goes to 100 … 120). */
export const REFERENCE_SAMPLES = 100;

/** Seeds of the size sweep: ten, so the prose can say on how many of them a difference holds. */
export const SIZE_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** Seeds of the epochs and averaging experiments. */
export const CURVE_SEEDS = [1, 2, 3] as const;

/** The seed of the features experiment. */
export const FEATURES_SEED = 1;

const ARMS = ['dropout', 'plain'] as const;

export const EPOCHS_POINTS: readonly EpochsPoint[] = CURVE_SEEDS.flatMap((seed) =>
  ARMS.map((arm): EpochsPoint => ({
    experiment: 'epochs',
    arm,
    hidden: REFERENCE_HIDDEN,
    seed,
    epochs: REFERENCE_EPOCHS,
  })),
);

export const SIZE_POINTS: readonly SizePoint[] = SIZE_SEEDS.flatMap((seed) =>
  REFERENCE_SIZES.flatMap((size) =>
    ARMS.map((arm): SizePoint => ({
      experiment: 'size',
      arm,
      hidden: REFERENCE_HIDDEN,
      seed,
      size,
      updates: REFERENCE_UPDATES,
    })),
  ),
);

export const AVERAGING_POINTS: readonly AveragingPoint[] = CURVE_SEEDS.map((seed) => ({
  experiment: 'averaging',
  hidden: REFERENCE_HIDDEN,
  seed,
  epochs: REFERENCE_EPOCHS,
  samples: REFERENCE_SAMPLES,
}));

export const FEATURES_POINTS: readonly FeaturesPoint[] = ARMS.map((arm) => ({
  experiment: 'features',
  arm,
  hidden: REFERENCE_HIDDEN,
  seed: FEATURES_SEED,
  epochs: REFERENCE_EPOCHS,
}));

/** Every reference point, in the order the reference file lists them. */
export const REFERENCE_POINTS: readonly DigitsPoint[] = [
  ...EPOCHS_POINTS,
  ...SIZE_POINTS,
  ...AVERAGING_POINTS,
  ...FEATURES_POINTS,
];

/** Two points are the same when every field is: the key a point is found by. */
export function pointKey(point: DigitsPoint): string {
  return Object.entries(point)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${String(value)}`)
    .join('&');
}
