import { createHash } from 'node:crypto';
import type { DigitsAsset } from '../../src/sim/digits/digit-asset.ts';
import { DIGIT_PIXELS, type Digits } from '../../src/sim/digits/digits.ts';
import type { DigitSplit } from '../../src/sim/digits/split.ts';
import { Pcg32 } from '../../src/sim/random.ts';

/** `count` digits of random labels and pixels: a file of them hardly compresses. */
function randomDigits(count: number, seed: number): Digits {
  const rng = new Pcg32(seed, 0);
  return {
    count,
    labels: Uint8Array.from({ length: count }, () => rng.nextUint32() % 10),
    pixels: Uint8Array.from({ length: count * DIGIT_PIXELS }, () => rng.nextUint32() & 255),
  };
}

/** A split of ten digits, for the tests of the digit file and its download. */
export const SMALL_SPLIT: DigitSplit = {
  train: randomDigits(5, 1),
  validation: randomDigits(2, 2),
  test: randomDigits(3, 3),
};

/** The asset that describes `file`, as the build would record it. */
export function assetOf(file: Uint8Array): DigitsAsset {
  const sha256 = createHash('sha256').update(file).digest('hex');
  return { url: `/data/mnist-${sha256.slice(0, 8)}.bin`, sha256, bytes: file.length };
}
