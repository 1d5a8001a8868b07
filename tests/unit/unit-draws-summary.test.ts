import { describe, expect, it } from 'vitest';
import { describeDraws, keptCount } from '../../src/islands/bernoulli-draws/summary.ts';
import { formatNumber } from '../../src/lib/format.ts';

describe('formatNumber', () => {
  it.each([
    [0.754, 2, '0.75'],
    [-1.5, 1, '−1.5'],
    [-0.001, 2, '0.00'],
    [2, 0, '2'],
    [Number.NaN, 2, 'NaN'],
  ])('%s with %s decimals is %s', (value, decimals, text) => {
    expect(formatNumber(value, decimals)).toBe(text);
  });
});

describe('keptCount', () => {
  it('counts kept draws among the shown ones only', () => {
    const mask = Uint8Array.from([1, 0, 1, 1, 0]);
    expect(keptCount(mask, 0)).toBe(0);
    expect(keptCount(mask, 3)).toBe(2);
    expect(keptCount(mask, 99)).toBe(3);
  });
});

describe('describeDraws', () => {
  it('names the target before any draw', () => {
    expect(describeDraws({ shown: 0, total: 400, kept: 0, mean: 0, expected: 0.75, scaling: 'none' })).toBe(
      'No draws yet out of 400. The running mean will approach the expected value q·h = 0.75.',
    );
  });
  it('reports counts, the running mean and the expected value under inverted scaling', () => {
    expect(describeDraws({ shown: 37, total: 400, kept: 19, mean: 1.6216, expected: 1.5, scaling: 'inverted' })).toBe(
      'After 37 draws of 400: kept 19, dropped 18. Running mean 1.62; expected value h = 1.50.',
    );
  });
  it('uses the singular for one draw', () => {
    expect(describeDraws({ shown: 1, total: 400, kept: 1, mean: 1.5, expected: 0.75, scaling: 'none' })).toMatch(
      /^After 1 draw of 400/,
    );
  });
});
