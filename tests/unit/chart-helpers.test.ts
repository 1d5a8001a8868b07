import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { decimatedIndices } from '../../src/charts/decimate.ts';
import { classPaths, dotPath } from '../../src/charts/dot-path.ts';
import { binValues, extent } from '../../src/charts/bins.ts';
import { sampleMoments } from '../../src/sim/sampling.ts';
import { networkLayout } from '../../src/charts/network-layout.ts';
import { probabilityScale, rangeScale, type Frame } from '../../src/charts/scales.ts';

const frame: Frame = { width: 400, height: 200, margin: { top: 10, right: 20, bottom: 30, left: 40 } };

describe('binValues', () => {
  it('puts each value in its bin, hi in the last one, and drops values outside', () => {
    const { lo, width, counts } = binValues([0, 0.5, 1, 1.99, 2, -0.1, 2.1, Number.NaN], 0, 2, 4);
    expect(lo).toBe(0);
    expect(width).toBe(0.5);
    expect([...counts]).toEqual([1, 1, 1, 2]);
  });
});

describe('extent and sampleMoments', () => {
  it('span the values and the extra marks, widening a single point', () => {
    expect(extent([3, 1, 2], [5])).toEqual([1, 5]);
    expect(extent([2, 2])).toEqual([1.5, 2.5]);
    expect(extent([])).toEqual([0, 1]);
  });
  it('widen values that differ only in their last bits as one point, so an axis has distinct ticks', () => {
    // p = 0 in the expected-value lab: every sampled sum one ulp from the exact mean.
    const v = 2.1225569600603866;
    const [lo, hi] = extent([v * (1 + 2e-16)], [v]);
    expect(hi - lo).toBeCloseTo(1, 12);
    const ticks = scaleLinear().domain([lo, hi]).nice(5).ticks(5);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(extent([1, 1 + 1e-6])).toEqual([1, 1 + 1e-6]);
  });
  it('give the mean and the unbiased variance', () => {
    expect(sampleMoments([1, 2, 3, 4])).toEqual({ mean: 2.5, variance: 5 / 3 });
  });
});

describe('histogram scales', () => {
  it('rangeScale maps the range onto the plotting area', () => {
    const x = rangeScale(10, 20, frame);
    expect(x(10)).toBe(40);
    expect(x(20)).toBe(380);
  });
  it('probabilityScale starts at 0 when linear and keeps a millionth of the peak in view when logarithmic', () => {
    const linear = probabilityScale(0.2, frame, false);
    expect(linear(0)).toBe(170);
    expect(linear.domain()[1]).toBeGreaterThanOrEqual(0.2);
    const log = probabilityScale(0.2, frame, true);
    expect(log(0.2e-6)).toBeCloseTo(170, 6);
    expect(log(1e-30)).toBe(170);
    expect(log(0.2)).toBeLessThan(170);
    expect(log(0.2)).toBeGreaterThan(10);
  });
});

describe('networkLayout', () => {
  it('puts each layer in its own column, centred, in order', () => {
    const units = networkLayout([3, 6, 4, 1], 400, 200, 30);
    expect(units).toHaveLength(14);
    const column = (layer: number) => units.filter((u) => u.layer === layer);
    expect(new Set(column(1).map((u) => u.x)).size).toBe(1);
    expect(column(0)[0]!.x).toBeLessThan(column(1)[0]!.x);
    const ys = column(1).map((u) => u.y);
    expect((ys[0]! + ys[5]!) / 2).toBeCloseTo(100, 9);
    expect(ys[1]! - ys[0]!).toBeCloseTo(30, 9);
    expect(column(3)[0]!.y).toBeCloseTo(100, 9);
  });
  it('shrinks the spacing so the largest layer fits', () => {
    const units = networkLayout([40], 100, 200, 30);
    expect(Math.max(...units.map((u) => u.y)) - Math.min(...units.map((u) => u.y))).toBeLessThanOrEqual(200);
  });
});

describe('decimatedIndices', () => {
  it('keeps every point when there are at most four a column', () => {
    expect(decimatedIndices([3, 1, 2, 5, 4], 5, 2)).toEqual([0, 1, 2, 3, 4]);
    expect(decimatedIndices([3, 1, 2, 5, 4], 3, 100)).toEqual([0, 1, 2]);
  });

  it("keeps each column's first, last, lowest and highest point, in order, and nothing else", () => {
    // 100 columns of 50 points of a noisy wave: the drawn envelope must be exactly the data's.
    const ys = Array.from({ length: 5000 }, (_, i) => Math.sin(i / 300) + 0.3 * Math.sin(i * 7.1));
    const kept = decimatedIndices(ys, ys.length, 100);
    expect(kept.length).toBeLessThanOrEqual(400);
    expect(kept.every((index, k) => k === 0 || index > (kept[k - 1] ?? -1))).toBe(true);
    for (let b = 0; b < 100; b += 1) {
      const column = ys.slice(b * 50, (b + 1) * 50);
      const inColumn = kept.filter((i) => i >= b * 50 && i < (b + 1) * 50).map((i) => ys[i] ?? 0);
      expect(inColumn).toContain(column[0]);
      expect(inColumn).toContain(column[49]);
      expect(Math.min(...inColumn)).toBe(Math.min(...column));
      expect(Math.max(...inColumn)).toBe(Math.max(...column));
    }
  });

  it('never picks a non-finite value as a lowest or highest point', () => {
    const ys = [1, 2, Number.NaN, 0.5, Number.POSITIVE_INFINITY, 3, 2, 1, 1, 1];
    const kept = decimatedIndices(ys, ys.length, 2);
    // The first column's highest is the 2 at index 1, not the NaN at 2 or the infinity at 4 (kept only as the last point).
    expect(kept).toEqual([0, 1, 3, 4, 5, 7, 9]);
  });
});

describe('dotPath', () => {
  it('draws one closed circle of radius r around each point, to a tenth of a unit', () => {
    const xs = [10, 123.456, 0];
    const ys = [20, 7.04, 299.99];
    const d = dotPath(xs, ys, 4);
    const circles = [...d.matchAll(/M(-?[\d.]+) (-?[\d.]+)a4 4 0 1 0 8 0a4 4 0 1 0 -8 0z/g)];
    expect(circles.map((m) => m[0]).join('')).toBe(d);
    expect(circles.map((m) => [Number(m[1]) + 4, Number(m[2])])).toEqual([
      [10, 20],
      [123.5, 7],
      [0, 300],
    ]);
  });
  it('draws nothing for no points, and stops at the shorter coordinate list', () => {
    expect(dotPath([], [], 2)).toBe('');
    expect(dotPath([1, 2], [3], 2)).toBe('M-1 3a2 2 0 1 0 4 0a2 2 0 1 0 -4 0z');
  });
});

describe('classPaths', () => {
  const points = { inputs: new Float64Array([-1, 1, 1, -1, 0, 0]), targets: new Float64Array([0, 1, 0]) };
  const plane = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

  it('draws each class as one path, class 0 first, on the square with y upwards', () => {
    const [zero, one] = classPaths(points, 2, plane, 100);
    expect(zero).toEqual({ one: false, d: dotPath([0, 50], [0, 50], 2) });
    expect(one).toEqual({ one: true, d: dotPath([100], [100], 2) });
  });
  it('gives the same points on the same plane the paths already drawn, and draws again for another plane', () => {
    const first = classPaths(points, 2, plane, 100);
    expect(classPaths(points, 2, { ...plane }, 100)).toBe(first);
    const wider = classPaths(points, 2, { ...plane, xMax: 3 }, 100);
    expect(wider).not.toBe(first);
    expect(wider[1]?.d).toBe(dotPath([50], [100], 2));
  });
});
