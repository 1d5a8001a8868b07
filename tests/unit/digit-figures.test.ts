import { describe, expect, it } from 'vitest';
import { readMnistPackage } from '../../src/data/mnist-source.ts';
import { digitCounts, digitSide } from '../../src/lib/digit-figures.ts';
import { DIGIT_PIXELS } from '../../src/sim/digits/digits.ts';
import { splitDigits } from '../../src/sim/digits/split.ts';

describe('digit figures', () => {
  it('are the sizes of the split of the mnist package, which uses every digit it holds', async () => {
    const all = await readMnistPackage();
    const split = splitDigits(all);
    const written = (n: number) => n.toLocaleString('en');
    expect(digitCounts).toEqual({
      train: written(split.train.count),
      validation: written(split.validation.count),
      test: written(split.test.count),
      total: written(all.count),
    });
    expect(digitCounts).toEqual({ train: '6,000', validation: '1,000', test: '3,000', total: '10,000' });
  });

  it('give the side of a square digit', () => {
    expect(Number(digitSide) ** 2).toBe(DIGIT_PIXELS);
  });
});
