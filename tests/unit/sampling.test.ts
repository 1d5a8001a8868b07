import { describe, expect, it } from 'vitest';
import { binomialPmf, binomialQuantile } from '../../src/sim/binomial.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';
import {
  fillBernoulliMask,
  fillBinomial,
  fillNormal,
  normal,
  sampleBinomial,
  shuffle,
} from '../../src/sim/sampling.ts';

const rng = (seed = 7) => new Pcg32(seed, Stream.mask);

describe('fillBernoulliMask', () => {
  it.each([0.1, 0.5, 0.8])(
    'the number of dropped units at p = %s lies within the Binomial(n, p) 1e-6 quantiles',
    (p) => {
      const n = 10_000;
      const generator = rng();
      const mask = new Uint8Array(n);
      for (let trial = 0; trial < 50; trial++) {
        const kept = fillBernoulliMask(mask, 1 - p, generator);
        expect(mask.reduce((sum, m) => sum + m, 0)).toBe(kept);
        const dropped = n - kept;
        expect(dropped).toBeGreaterThanOrEqual(binomialQuantile(1e-6, n, p));
        expect(dropped).toBeLessThanOrEqual(binomialQuantile(1 - 1e-6, n, p));
      }
    },
  );

  it('keeps everything at q = 1 and nothing at q = 0', () => {
    const mask = new Uint8Array(100);
    expect(fillBernoulliMask(mask, 1, rng())).toBe(100);
    expect(fillBernoulliMask(mask, 0, rng())).toBe(0);
    expect(() => fillBernoulliMask(mask, 1.2, rng())).toThrow(/keep probability/);
  });
});

describe('uniform53 and normal', () => {
  it('uniform53 stays in [0, 1) and uses more than 32 bits', () => {
    const generator = rng();
    const values = Array.from({ length: 1000 }, () => generator.uniform53());
    expect(values.every((u) => u >= 0 && u < 1)).toBe(true);
    expect(values.some((u) => !Number.isInteger(u * 2 ** 32))).toBe(true);
  });

  it('normal draws have mean 0 and variance 1 within 4 sigma', () => {
    const n = 100_000;
    const out = new Float64Array(n);
    fillNormal(out, rng(3));
    const mean = out.reduce((s, x) => s + x, 0) / n;
    const variance = out.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    // Var of the sample variance of N(0, 1) is 2 / (n − 1)
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / (n - 1)));
    expect(Number.isFinite(normal(rng()))).toBe(true);
  });

  it('fillNormal applies the mean and standard deviation', () => {
    const out = new Float64Array(50_000);
    fillNormal(out, rng(4), 10, 0.5);
    const mean = out.reduce((s, x) => s + x, 0) / out.length;
    expect(Math.abs(mean - 10)).toBeLessThan((4 * 0.5) / Math.sqrt(out.length));
  });
});

describe('sampleBinomial', () => {
  it('matches the Binomial(10, 0.3) PMF by a chi-square test (critical value at 0.999)', () => {
    const n = 10;
    const p = 0.3;
    const draws = 20_000;
    const counts = new Float64Array(n + 1);
    const generator = rng(5);
    for (let i = 0; i < draws; i++) {
      const k = sampleBinomial(n, p, generator);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    // Bins 0…6 and a pooled 7…10 (expected counts stay above 5): 8 bins, 7 degrees of freedom.
    let chi2 = 0;
    let tailObserved = 0;
    let tailExpected = 0;
    for (let k = 0; k <= n; k++) {
      const expected = draws * binomialPmf(k, n, p);
      if (k <= 6) chi2 += ((counts[k] ?? 0) - expected) ** 2 / expected;
      else {
        tailObserved += counts[k] ?? 0;
        tailExpected += expected;
      }
    }
    chi2 += (tailObserved - tailExpected) ** 2 / tailExpected;
    expect(chi2).toBeLessThan(24.32);
  });

  it.each([
    [1_000_000, 0.5],
    [100_000, 0.01],
    [50, 0.9],
  ])('Binomial(%i, %s) draws have mean np and variance npq within 4 sigma', (n, p) => {
    const draws = new Float64Array(4000);
    fillBinomial(draws, n, p, rng(6));
    const m = draws.length;
    const mean = draws.reduce((s, x) => s + x, 0) / m;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (m - 1);
    const npq = n * p * (1 - p);
    expect(draws.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
    expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt(npq / m));
    // sd of the sample variance ≈ npq·√(2 / (m − 1)) for near-normal draws; 6 sigma for skew
    expect(Math.abs(variance - npq)).toBeLessThan(6 * npq * Math.sqrt(2 / (m - 1)));
  });

  it('is reproducible from the seed and handles p = 0 and p = 1', () => {
    expect(sampleBinomial(1000, 0.3, rng(9))).toBe(sampleBinomial(1000, 0.3, rng(9)));
    expect(sampleBinomial(10, 0, rng())).toBe(0);
    expect(sampleBinomial(10, 1, rng())).toBe(10);
    expect(() => sampleBinomial(-1, 0.5, rng())).toThrow(/n must be/);
  });
});

describe('shuffle', () => {
  it('gives a permutation, reproducible from the seed, and moves every element somewhere', () => {
    const a = Uint32Array.from({ length: 100 }, (_, i) => i);
    const b = Uint32Array.from({ length: 100 }, (_, i) => i);
    shuffle(a, rng(1));
    shuffle(b, rng(1));
    expect(a).toEqual(b);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(a.some((value, index) => value !== index)).toBe(true);
  });

  it('puts each element first about equally often', () => {
    const firsts = new Float64Array(4);
    const generator = rng(2);
    const trials = 40_000;
    for (let t = 0; t < trials; t++) {
      const order = Uint32Array.from([0, 1, 2, 3]);
      shuffle(order, generator);
      firsts[order[0] ?? 0] = (firsts[order[0] ?? 0] ?? 0) + 1;
    }
    // each count ~ Binomial(40000, 1/4): sd ≈ 86.6
    for (const count of firsts) expect(Math.abs(count - trials / 4)).toBeLessThan(4 * Math.sqrt(trials * 0.25 * 0.75));
  });
});
