import { describe, expect, it } from 'vitest';
import {
  binomialCdf,
  binomialLogPmf,
  binomialMean,
  binomialPmf,
  binomialPmfTable,
  binomialQuantile,
  binomialVariance,
  binomialWithin,
  logGamma,
} from '../../src/sim/binomial.ts';

/** Relative difference |a − b| / |b|. */
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** C(n, k) p^k q^(n−k) from exact integer binomial coefficients, for small n. */
function directPmf(k: number, n: number, p: number): number {
  let c = 1n;
  for (let i = 0; i < k; i++) c = (c * BigInt(n - i)) / BigInt(i + 1);
  return Number(c) * p ** k * (1 - p) ** (n - k);
}

describe('logGamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [11, Math.log(3628800)],
    [101, 363.73937555556347],
  ])('ln Γ(%s) = %s', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
  });
});

describe('binomial PMF', () => {
  it('gives P(X = 512) = 0.024928 for n = 1024, p = 0.5 (five significant digits)', () => {
    expect(binomialPmf(512, 1024, 0.5).toPrecision(5)).toBe('0.024928');
  });

  it.each([
    // exact values from integer arithmetic: C(n, k) / 2^n and C(1000, k) 0.1^k 0.9^(1000−k)
    [500_000, 1_000_000, 0.5, 0.0007978843613317501],
    [499_000, 1_000_000, 0.5, 0.00010798197801891516],
    [502_000, 1_000_000, 0.5, 2.6765681581248823e-7],
    [100, 1000, 0.1, 0.04201679086108544],
    [60, 1000, 0.1, 1.9202885341157464e-6],
    [150, 1000, 0.1, 1.7150019584540083e-7],
  ])('P(X = %i) for n = %i, p = %s matches the exact value to 1e-10', (k, n, p, exact) => {
    expect(relative(binomialPmf(k, n, p), exact)).toBeLessThan(1e-10);
  });

  it('agrees with direct products for every k of small n', () => {
    for (const n of [1, 2, 5, 17, 30]) {
      for (const p of [0.1, 0.25, 0.5, 0.8]) {
        for (let k = 0; k <= n; k++) expect(relative(binomialPmf(k, n, p), directPmf(k, n, p))).toBeLessThan(1e-12);
      }
    }
  });

  it.each([
    [10, 0.3],
    [1024, 0.5],
    [100_000, 0.2],
    [1_000_000, 0.5],
  ])('sums to 1 over k = 0…n for n = %i, p = %s', (n, p) => {
    const table = binomialPmfTable(n, p);
    expect(table).toHaveLength(n + 1);
    expect(Math.abs(table.reduce((sum, value) => sum + value, 0) - 1)).toBeLessThan(1e-10);
  });

  it('is symmetric: P(X = k; n, p) = P(X = n − k; n, 1 − p)', () => {
    for (const [k, n, p] of [
      [3, 10, 0.3],
      [400, 1024, 0.4],
      [123_456, 1_000_000, 0.1234],
    ] as const) {
      expect(relative(binomialPmf(k, n, p), binomialPmf(n - k, n, 1 - p))).toBeLessThan(1e-12);
    }
  });

  it('handles the edges: k outside 0…n, p = 0 and p = 1', () => {
    expect(binomialPmf(-1, 10, 0.5)).toBe(0);
    expect(binomialPmf(11, 10, 0.5)).toBe(0);
    expect(binomialPmf(2.5, 10, 0.5)).toBe(0);
    expect(binomialPmf(0, 10, 0)).toBe(1);
    expect(binomialPmf(10, 10, 1)).toBe(1);
    expect(binomialLogPmf(3, 10, 0)).toBe(-Infinity);
    expect(() => binomialPmf(1, -1, 0.5)).toThrow(/n must be/);
    expect(() => binomialPmf(1, 10, 1.5)).toThrow(/p must be/);
  });
});

describe('binomial CDF, quantiles and moments', () => {
  it('matches the summed PMF, in both tails', () => {
    for (const [n, p] of [
      [30, 0.3],
      [1024, 0.5],
    ] as const) {
      let sum = 0;
      for (let k = 0; k < n; k++) {
        sum += directPmf(k, n, p);
        expect(Math.abs(binomialCdf(k, n, p) - sum)).toBeLessThan(1e-12);
      }
      expect(binomialCdf(n, n, p)).toBe(1);
      expect(binomialCdf(-1, n, p)).toBe(0);
    }
  });

  it('keeps the relative precision of a far lower tail', () => {
    // P(X ≤ 0) = q^n exactly
    expect(relative(binomialCdf(0, 1000, 0.5), 0.5 ** 1000)).toBeLessThan(1e-12);
  });

  it('inverts the CDF with quantiles', () => {
    for (const [n, p] of [
      [1024, 0.5],
      [100_000, 0.1],
      [7, 0.9],
    ] as const) {
      for (const u of [0, 0.001, 0.025, 0.5, 0.975, 0.999, 1]) {
        const k = binomialQuantile(u, n, p);
        expect(binomialCdf(k, n, p)).toBeGreaterThanOrEqual(u - 1e-12);
        if (k > 0) expect(binomialCdf(k - 1, n, p)).toBeLessThan(u);
      }
    }
    expect(binomialQuantile(0.5, 1024, 0.5)).toBe(512);
  });

  it('gives mean np and variance npq', () => {
    expect(binomialMean(1024, 0.5)).toBe(512);
    expect(binomialVariance(1024, 0.5)).toBe(256);
    expect(binomialVariance(100, 0.2)).toBeCloseTo(16, 12);
  });

  it('gives P(|X − np| ≤ k) from the central terms', () => {
    // exact: sum of C(1024, k) / 2^1024 for k = 496…528
    expect(relative(binomialWithin(16, 1024, 0.5), 0.6975788498413152)).toBeLessThan(1e-10);
    expect(binomialWithin(0, 1024, 0.5)).toBeCloseTo(binomialPmf(512, 1024, 0.5), 15);
    expect(binomialWithin(1024, 1024, 0.5)).toBeCloseTo(1, 12);
    expect(binomialWithin(-1, 1024, 0.5)).toBe(0);
  });
});
