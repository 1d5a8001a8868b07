/**
 * The figures of the course's handwritten digits that pages quote (the About page's credit of
 * the data), taken from the code that makes the split, so the text cannot disagree with it.
 */
import { DIGIT_SIDE } from '../sim/digits/digits.ts';
import { TEST_DIGITS, TRAIN_DIGITS, VALIDATION_DIGITS } from '../sim/digits/split.ts';

/** A count as prose writes it: "6,000". */
const count = (n: number) => n.toLocaleString('en');

/** How many digits each part of the split holds, and all three together, as prose writes them. */
export const digitCounts = {
  train: count(TRAIN_DIGITS),
  validation: count(VALIDATION_DIGITS),
  test: count(TEST_DIGITS),
  total: count(TRAIN_DIGITS + VALIDATION_DIGITS + TEST_DIGITS),
};

/** The pixels along each side of a digit: "28". */
export const digitSide = String(DIGIT_SIDE);
