import { describe, expect, it } from 'vitest';
import { binomialPmf } from '../../src/sim/binomial.ts';
import {
  countBins,
  dropCountFacts,
  exactBinProbabilities,
  sampleBinFractions,
  sampleDropCounts,
} from '../../src/sim/drop-counts.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';

describe('exact drop-count facts', () => {
  it('gives the lessons’ example: n = 1024, p = 0.5', () => {
    const facts = dropCountFacts({ n: 1024, p: 0.5 }, 16);
    expect(facts.mean).toBe(512);
    expect(facts.sd).toBe(16);
    expect(facts.modeCount).toBe(512);
    expect(facts.exactlyExpected.toPrecision(5)).toBe('0.024928');
    let within = 0;
    for (let k = 496; k <= 528; k++) within += binomialPmf(k, 1024, 0.5);
    expect(facts.within).toBeCloseTo(within, 12);
  });
});

describe('sampled drop counts', () => {
  const M = 20_000;
  it('are reproducible for a seed and differ between seeds', () => {
    const draw = (seed: number) => {
      const counts = new Int32Array(100);
      sampleDropCounts({ n: 1024, p: 0.5 }, new Pcg32(seed, Stream.mask), counts);
      return counts;
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
  });

  it.each([
    [10, 0.5],
    [1024, 0.5],
    [100_000, 0.2],
  ])('n = %i, p = %f: the sample mean is within 4 standard errors of np', (n, p) => {
    const counts = new Int32Array(M);
    sampleDropCounts({ n, p }, new Pcg32(9, Stream.mask), counts);
    const mean = counts.reduce((s, c) => s + c, 0) / M;
    // The mean of M counts has standard error √(npq/M); 4 of them bound a false failure below 1e-4.
    expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / M));
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...counts)).toBeLessThanOrEqual(n);
  });

  it('fill the exact bins in proportion: the sampled fraction of P(X = 512) is within 4 standard errors', () => {
    const counts = new Int32Array(M);
    sampleDropCounts({ n: 1024, p: 0.5 }, new Pcg32(10, Stream.mask), counts);
    const bins = countBins({ n: 1024, p: 0.5 }, 1000);
    expect(bins.width).toBe(1);
    const { fractions, outside } = sampleBinFractions(counts, bins);
    const exact = exactBinProbabilities({ n: 1024, p: 0.5 }, bins);
    const b = 512 - bins.start;
    const se = Math.sqrt((exact[b]! * (1 - exact[b]!)) / M);
    expect(Math.abs(fractions[b]! - exact[b]!)).toBeLessThan(4 * se);
    expect(outside).toBe(0);
  });
});

describe('count bins', () => {
  it.each([
    [1, 0.5],
    [10, 0.3],
    [1024, 0.5],
    [100_000, 0.5],
    [100_000, 0.01],
  ])('n = %i, p = %f: at most 60 bins whose exact probabilities sum to 1 (to 1e-6)', (n, p) => {
    const bins = countBins({ n, p }, 60);
    expect(bins.bins).toBeLessThanOrEqual(60);
    expect(bins.start).toBeGreaterThanOrEqual(0);
    expect(bins.start + bins.bins * bins.width - 1).toBeGreaterThanOrEqual(Math.min(n, n * p));
    const total = exactBinProbabilities({ n, p }, bins).reduce((s, v) => s + v, 0);
    expect(total).toBeGreaterThan(1 - 1e-6);
    expect(total).toBeLessThan(1 + 1e-9);
  });

  it('counts a sample outside every bin as outside', () => {
    const bins = { start: 10, width: 5, bins: 2 };
    const { fractions, outside } = sampleBinFractions(Int32Array.of(10, 14, 15, 19, 20, 9), bins);
    expect([...fractions]).toEqual([2 / 6, 2 / 6]);
    expect(outside).toBe(2);
  });
});
