import { createHash } from 'node:crypto';
import type { DigitsAsset } from '../../src/sim/digits/digit-asset.ts';
import { DIGIT_PIXELS, type Digits } from '../../src/sim/digits/digits.ts';
import type { DigitSplit } from '../../src/sim/digits/split.ts';

/** `count` digits of one label, every pixel 20 times the label. */
function sameDigits(count: number, label: number): Digits {
  return {
    count,
    labels: new Uint8Array(count).fill(label),
    pixels: new Uint8Array(count * DIGIT_PIXELS).fill(label * 20),
  };
}

/** A split of six digits, for the tests of the digit file's download and checks. */
export const SMALL_SPLIT: DigitSplit = {
  train: sameDigits(3, 1),
  validation: sameDigits(1, 2),
  test: sameDigits(2, 3),
};

/** The asset that describes `file`, as the build would record it. */
export function assetOf(file: Uint8Array): DigitsAsset {
  const sha256 = createHash('sha256').update(file).digest('hex');
  return { url: `/data/mnist-${sha256.slice(0, 8)}.bin`, sha256, bytes: file.length };
}
