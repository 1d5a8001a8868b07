import { beforeAll, describe, expect, it } from 'vitest';
import { readMnistPackage } from '../../src/data/mnist-source.ts';
import { DIGIT_CLASSES, DIGIT_PIXELS, assertDigits, type Digits } from '../../src/sim/digits/digits.ts';
import {
  SPLIT_PARTS,
  TEST_DIGITS,
  TRAIN_DIGITS,
  VALIDATION_DIGITS,
  firstDigits,
  pickDigits,
  splitDigits,
} from '../../src/sim/digits/split.ts';

const NEEDED = TRAIN_DIGITS + VALIDATION_DIGITS + TEST_DIGITS;

/**
 * `count` digits, sorted by label as the mnist package lists them, each digit's pixels holding its
 * index (low byte in pixel 0, high byte in pixel 1), so a digit can be traced to where it came from.
 */
function tracedDigits(count: number): Digits {
  const pixels = new Uint8Array(count * DIGIT_PIXELS);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = Math.floor((i * DIGIT_CLASSES) / count);
    pixels[i * DIGIT_PIXELS] = i & 255;
    pixels[i * DIGIT_PIXELS + 1] = i >>> 8;
    pixels[(i + 1) * DIGIT_PIXELS - 1] = labels[i]!;
  }
  return { count, pixels, labels };
}

/** The source index of each digit of a set of traced digits. */
function sources(digits: Digits): number[] {
  return Array.from({ length: digits.count }, (_, i) => {
    const at = i * DIGIT_PIXELS;
    return digits.pixels[at]! + 256 * digits.pixels[at + 1]!;
  });
}

describe('splitDigits', () => {
  const all = tracedDigits(NEEDED);
  const split = splitDigits(all);

  it('makes parts of 6,000, 1,000 and 3,000 valid digits', () => {
    expect(SPLIT_PARTS.map((part) => split[part].count)).toEqual([TRAIN_DIGITS, VALIDATION_DIGITS, TEST_DIGITS]);
    expect([TRAIN_DIGITS, VALIDATION_DIGITS, TEST_DIGITS]).toEqual([6000, 1000, 3000]);
    for (const part of SPLIT_PARTS) assertDigits(split[part]);
  });

  it('uses every source digit exactly once, each with its own label and pixels', () => {
    const used = SPLIT_PARTS.flatMap((part) => sources(split[part]));
    expect([...used].sort((a, b) => a - b)).toEqual(Array.from({ length: NEEDED }, (_, i) => i));
    for (const part of SPLIT_PARTS) {
      const { labels, pixels } = split[part];
      sources(split[part]).forEach((from, i) => {
        expect(labels[i]).toBe(all.labels[from]);
        expect(pixels[(i + 1) * DIGIT_PIXELS - 1]).toBe(all.labels[from]);
      });
    }
  });

  it('gives the same split every time, in shuffled order', () => {
    const again = splitDigits(tracedDigits(NEEDED));
    for (const part of SPLIT_PARTS) {
      expect(Buffer.compare(again[part].pixels, split[part].pixels)).toBe(0);
      expect(Buffer.compare(again[part].labels, split[part].labels)).toBe(0);
    }
    expect(sources(split.train).slice(0, 20)).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('leaves out the digits beyond the ones it needs, from anywhere in the source', () => {
    const larger = splitDigits(tracedDigits(NEEDED + 500));
    const used = SPLIT_PARTS.flatMap((part) => sources(larger[part]));
    expect(new Set(used).size).toBe(NEEDED);
    expect(used.some((from) => from >= NEEDED)).toBe(true);
  });

  it('says how many digits it needs when there are too few', () => {
    expect(() => splitDigits(tracedDigits(NEEDED - 1))).toThrow(
      new RangeError(
        'splitDigits: 9999 digits are too few; the split needs 10000 (6000 training, 1000 validation, 3000 test)',
      ),
    );
  });
});

describe('the split of the mnist package', () => {
  let split: ReturnType<typeof splitDigits>;
  beforeAll(async () => {
    split = splitDigits(await readMnistPackage());
  });

  // The package holds 863 to 1,127 digits of each class (8.6 % to 11.3 %). A random 6,000 of its
  // 10,000 give each class its share to within about 0.25 points (one standard deviation), and a
  // split that did not mix the classes would leave some out of training altogether.
  it('mixes the classes: each is 8 % to 12 % of the training digits, and present in every part', () => {
    const counts = new Array<number>(DIGIT_CLASSES).fill(0);
    for (const label of split.train.labels) counts[label]!++;
    for (const count of counts) {
      expect(count / TRAIN_DIGITS).toBeGreaterThan(0.08);
      expect(count / TRAIN_DIGITS).toBeLessThan(0.12);
    }
    for (const part of SPLIT_PARTS) expect(new Set(split[part].labels).size).toBe(DIGIT_CLASSES);
  });
});

describe('firstDigits', () => {
  const digits = tracedDigits(100);

  it('is a prefix that shares the set’s memory', () => {
    const first = firstDigits(digits, 30);
    expect(first.count).toBe(30);
    expect(sources(first)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(first.pixels.buffer).toBe(digits.pixels.buffer);
    expect(first.labels.buffer).toBe(digits.labels.buffer);
    digits.labels[0] = 7;
    expect(first.labels[0]).toBe(7);
    assertDigits(first);
  });

  it.each([0, 100])('takes %i digits', (count) => {
    expect(firstDigits(digits, count).labels.length).toBe(count);
  });

  it.each([-1, 101, 2.5, Number.NaN])('refuses a count of %s', (count) => {
    expect(() => firstDigits(digits, count)).toThrow(
      new RangeError(`firstDigits: count ${count} is not a whole number from 0 to 100`),
    );
  });
});

describe('pickDigits', () => {
  const digits = tracedDigits(100);

  it('copies the chosen digits in the order asked, repeats included', () => {
    const picked = pickDigits(digits, [42, 7, 42]);
    expect(sources(picked)).toEqual([42, 7, 42]);
    expect([...picked.labels]).toEqual([digits.labels[42], digits.labels[7], digits.labels[42]]);
    expect(picked.pixels.buffer).not.toBe(digits.pixels.buffer);
    assertDigits(picked);
  });

  it.each([-1, 100, 0.5])('refuses the index %s', (index) => {
    expect(() => pickDigits(digits, [0, index])).toThrow(
      new RangeError(`pickDigits: index ${index} is not a digit of a set of 100`),
    );
  });
});
