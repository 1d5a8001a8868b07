/**
 * The course's one split of the MNIST digits into training, validation and test sets: a seeded
 * shuffle of all of them, so that each part mixes the classes (the source lists all 0s, then all
 * 1s, …), cut into parts of fixed sizes. The same digits always give the same split.
 */
import { Stream, streamRng } from '../random.ts';
import { shuffle } from '../sampling.ts';
import { DIGIT_PIXELS, type Digits } from './digits.ts';

/** Digits the networks train on. */
export const TRAIN_DIGITS = 6_000;

/** Digits held out to choose settings and stop training (validation loss and accuracy). */
export const VALIDATION_DIGITS = 1_000;

/** Digits held out to report the test error, never used to choose anything. */
export const TEST_DIGITS = 3_000;

/** The seed of the shuffle (the data stream of `src/sim/random.ts`): 1998, the year of LeCun et al.'s MNIST paper. */
export const SPLIT_SEED = 1998;

/** Training, validation and test digits: disjoint sets drawn from one source. */
export interface DigitSplit {
  readonly train: Digits;
  readonly validation: Digits;
  readonly test: Digits;
}

/** The name of one part of a split. */
export type SplitPart = keyof DigitSplit;

/** The parts of a split, in the order the digit file stores them. */
export const SPLIT_PARTS: readonly SplitPart[] = ['train', 'validation', 'test'];

/**
 * Splits `all` into {@link TRAIN_DIGITS}, {@link VALIDATION_DIGITS} and {@link TEST_DIGITS}
 * digits after a Fisher–Yates shuffle of every index with {@link SPLIT_SEED}; digits beyond
 * those the parts need are left out. Each part is a copy, in shuffled order.
 * @throws RangeError when `all` has fewer digits than the three parts together
 */
export function splitDigits(all: Digits): DigitSplit {
  const needed = TRAIN_DIGITS + VALIDATION_DIGITS + TEST_DIGITS;
  if (all.count < needed) {
    throw new RangeError(
      `splitDigits: ${all.count} digits are too few; the split needs ${needed} (${TRAIN_DIGITS} training, ${VALIDATION_DIGITS} validation, ${TEST_DIGITS} test)`,
    );
  }
  const order = Uint32Array.from({ length: all.count }, (_, i) => i);
  shuffle(order, streamRng(SPLIT_SEED, Stream.data));
  const train = order.subarray(0, TRAIN_DIGITS);
  const validation = order.subarray(TRAIN_DIGITS, TRAIN_DIGITS + VALIDATION_DIGITS);
  const test = order.subarray(TRAIN_DIGITS + VALIDATION_DIGITS, needed);
  return { train: pickDigits(all, train), validation: pickDigits(all, validation), test: pickDigits(all, test) };
}

/**
 * The first `count` digits of a set, sharing its memory (subarrays, no copy): a smaller training
 * set that is a prefix of the larger one.
 * @throws RangeError when `count` is not a whole number from 0 to `digits.count`
 */
export function firstDigits(digits: Digits, count: number): Digits {
  if (!Number.isInteger(count) || count < 0 || count > digits.count) {
    throw new RangeError(`firstDigits: count ${count} is not a whole number from 0 to ${digits.count}`);
  }
  return {
    count,
    pixels: digits.pixels.subarray(0, count * DIGIT_PIXELS),
    labels: digits.labels.subarray(0, count),
  };
}

/**
 * A new set of the digits at `indices` of `digits`, in that order (copied).
 * @throws RangeError when an index is not a whole number below `digits.count`
 */
export function pickDigits(digits: Digits, indices: ArrayLike<number>): Digits {
  const count = indices.length;
  const pixels = new Uint8Array(count * DIGIT_PIXELS);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const from = indices[i]!;
    if (!Number.isInteger(from) || from < 0 || from >= digits.count) {
      throw new RangeError(`pickDigits: index ${from} is not a digit of a set of ${digits.count}`);
    }
    labels[i] = digits.labels[from]!;
    pixels.set(digits.pixels.subarray(from * DIGIT_PIXELS, (from + 1) * DIGIT_PIXELS), i * DIGIT_PIXELS);
  }
  return { count, pixels, labels };
}
