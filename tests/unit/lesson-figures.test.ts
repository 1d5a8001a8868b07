import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../src/lib/format.ts';
import {
  centralCoefficientOverflowsFrom,
  digitsOfCentralCoefficient,
  halfPowerLastNonzero,
  keptAtMost3Of8,
  runningExample,
  twoToMinus1024,
} from '../../src/lib/lesson-figures.ts';
import { OVERFITTING_PRESET } from '../../src/sim/presets.ts';

/** C(n, ⌊n/2⌋) exactly, in integers. */
function exactCentralCoefficient(n: number): bigint {
  const k = Math.floor(n / 2);
  let c = 1n;
  for (let i = 0; i < k; i++) c = (c * BigInt(n - i)) / BigInt(i + 1);
  return c;
}

describe('lesson figures: doubles in the binomial formula (how-many-units-drop)', () => {
  it('C(n, ⌊n/2⌋) first overflows a double at n = 1030, as exact integers converted to doubles confirm', () => {
    expect(centralCoefficientOverflowsFrom).toBe(1030);
    expect(Number(exactCentralCoefficient(centralCoefficientOverflowsFrom - 1))).toBeLessThan(Number.MAX_VALUE);
    expect(Number(exactCentralCoefficient(centralCoefficientOverflowsFrom))).toBe(Infinity);
  });

  it('C(1024, 512) has 307 digits and still fits in a double', () => {
    const exact = exactCentralCoefficient(1024);
    expect(digitsOfCentralCoefficient).toBe(String(exact.toString().length));
    expect(digitsOfCentralCoefficient).toBe('307');
    expect(Number.isFinite(Number(exact))).toBe(true);
  });

  it('0.5ⁿ is the smallest subnormal at n = 1074 and 0 from n = 1075', () => {
    expect(halfPowerLastNonzero).toBe(1074);
    expect(0.5 ** halfPowerLastNonzero).toBe(Number.MIN_VALUE);
    expect(0.5 ** (halfPowerLastNonzero + 1)).toBe(0);
  });

  it('2⁻¹⁰²⁴ is a subnormal double, about 5.6 × 10⁻³⁰⁹', () => {
    expect(2 ** -1024).toBeGreaterThan(0);
    expect(2 ** -1024).toBeLessThan(2 ** -1022); // below the smallest normal double
    expect(2 ** -1024 * 2 ** 512 * 2 ** 512).toBe(1); // and exact
    expect(twoToMinus1024).toBe('5.6 × 10⁻³⁰⁹');
  });
});

describe('lesson figures: a narrow layer (dropout-in-practice)', () => {
  it('8 units at p = 0.5 keep 3 or fewer on 93 of the 256 equally likely masks, about 36 %', () => {
    expect(keptAtMost3Of8).toBe(formatPercent((1 + 8 + 28 + 56) / 256, 0));
    expect(keptAtMost3Of8).toBe('36 %');
  });
});

describe("lesson 1's running example", () => {
  it('is the lab’s default preset, with its parameters counted layer by layer', () => {
    // 2 → 64 → 64 → 1: each layer's weights and its biases.
    const sizes = OVERFITTING_PRESET.training.shape.sizes;
    expect(sizes).toEqual([2, 64, 64, 1]);
    expect(runningExample.parameters).toBe((2 * 64 + 64 + 64 * 64 + 64 + 64 * 1 + 1).toLocaleString('en'));
    expect(runningExample.points).toBe(String(OVERFITTING_PRESET.dataset.trainSize));
    expect(Number(runningExample.perPoint)).toBe(Math.floor(4417 / OVERFITTING_PRESET.dataset.trainSize));
    expect(runningExample.flipped).toBe(
      String(Math.round(OVERFITTING_PRESET.dataset.trainSize * OVERFITTING_PRESET.dataset.noise)),
    );
  });
});
