import { describe, expect, it } from 'vitest';
import { MAX_SMOOTHING, smoothSeries } from '../../src/sim/smoothing.ts';

describe('smoothSeries', () => {
  const noisy = [0.9, 0.4, 0.75, 0.3, 0.62, 0.28, 0.55, 0.25];

  it('returns the raw series exactly at weight 0', () => {
    const raw = [0.1 + 0.2, 1 / 3, 7e-12, 123.456];
    expect(smoothSeries(raw, 0)).toEqual(raw);
    expect(smoothSeries(Float64Array.from(raw), 0)).toEqual(Array.from(Float64Array.from(raw)));
  });

  it.each([0.3, 0.6, MAX_SMOOTHING])('keeps a constant series constant from its first point (weight %s)', (w) => {
    for (const value of smoothSeries(Array(50).fill(0.6931), w)) expect(value).toBeCloseTo(0.6931, 12);
  });

  it('debiases the start: the first point is its own value, the second the weighted mean of two', () => {
    const [first, second] = smoothSeries([2, 4], 0.6);
    expect(first).toBe(2);
    // (0.6 · 0.4 · 2 + 0.4 · 4) / (0.6 · 0.4 + 0.4): the earlier point weighted 0.6 against 1.
    expect(second).toBeCloseTo((0.6 * 2 + 4) / 1.6, 12);
  });

  it('matches the moving average written out as a weighted mean of all earlier points', () => {
    const w = 0.8;
    const smoothed = smoothSeries(noisy, w);
    noisy.forEach((_, i) => {
      const weights = noisy.slice(0, i + 1).map((__, k) => w ** (i - k));
      const mean = noisy.slice(0, i + 1).reduce((acc, v, k) => acc + v * weights[k]!, 0);
      expect(smoothed[i]).toBeCloseTo(mean / weights.reduce((a, b) => a + b, 0), 12);
    });
  });

  it('calms the jitter: the smoothed curve moves less from point to point than the raw one', () => {
    const travel = (values: number[]) => values.slice(1).reduce((acc, v, i) => acc + Math.abs(v - values[i]!), 0);
    expect(travel(smoothSeries(noisy, 0.6))).toBeLessThan(travel(noisy) / 2);
  });

  it('passes a value that is not finite through and leaves it out of the later averages', () => {
    const smoothed = smoothSeries([1, Number.NaN, 1, Number.POSITIVE_INFINITY, 1], 0.5);
    expect(smoothed[1]).toBeNaN();
    expect(smoothed[3]).toBe(Number.POSITIVE_INFINITY);
    expect([smoothed[0], smoothed[2], smoothed[4]]).toEqual([1, 1, 1]);
    expect(smoothSeries([Number.NaN, 3, 5], 0.5)).toEqual([Number.NaN, 3, (0.5 * 3 + 5) / 1.5]);
  });

  it('clamps the weight into 0 to 0.95, and leaves the input untouched', () => {
    const input = [...noisy];
    expect(smoothSeries(input, -1)).toEqual(noisy);
    expect(smoothSeries(input, 1)).toEqual(smoothSeries(noisy, MAX_SMOOTHING));
    expect(smoothSeries([], 0.6)).toEqual([]);
    expect(input).toEqual(noisy);
  });
});
