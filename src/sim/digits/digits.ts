/**
 * Handwritten digits as the course keeps them: 28 × 28 grey levels of 8 bits, one label each.
 * A pixel byte v stands for the intensity v / 255 in [0, 1], the scale networks see.
 */

/** Pixels along each side of a digit. */
export const DIGIT_SIDE = 28;

/** Pixels in one digit, row by row from the top left. */
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;

/** The classes, the digits 0–9. */
export const DIGIT_CLASSES = 10;

/** A set of digits: `pixels` holds `count` rows of {@link DIGIT_PIXELS} bytes, `labels` one 0–9 each. */
export interface Digits {
  readonly count: number;
  readonly pixels: Uint8Array;
  readonly labels: Uint8Array;
}

/** Checks that a set's arrays agree with its count and that every label is a digit. */
export function assertDigits({ count, pixels, labels }: Digits): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`digits: count ${count} is not a whole number`);
  if (pixels.length !== count * DIGIT_PIXELS || labels.length !== count) {
    throw new RangeError(`digits: ${count} digits need ${count * DIGIT_PIXELS} pixels and ${count} labels`);
  }
  const bad = labels.findIndex((label) => label >= DIGIT_CLASSES);
  if (bad >= 0) throw new RangeError(`digits: label ${labels[bad]} of digit ${bad} is not 0–9`);
}
