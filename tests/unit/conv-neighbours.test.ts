import { describe, expect, it } from 'vitest';
import { fillChannelMask } from '../../src/sim/conv/masks.ts';
import { holePrediction, neighbourCorrelation } from '../../src/sim/conv/neighbours.ts';
import type { MapLayout } from '../../src/sim/conv/shape.ts';
import { Pcg32, Stream, streamRng } from '../../src/sim/random.ts';
import { fillNormal } from '../../src/sim/sampling.ts';

/** Maps of `layout` whose channel `channel` holds f(e, y, x) and every other channel noise. */
function maps(layout: MapLayout, channel: number, f: (e: number, y: number, x: number) => number): Float64Array {
  const { examples, channels, height, width } = layout;
  const values = new Float64Array(examples * channels * height * width);
  fillNormal(values, new Pcg32(1, 0));
  for (let e = 0; e < examples; e++)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) values[((e * channels + channel) * height + y) * width + x] = f(e, y, x);
  return values;
}

/** A mask that drops channel `channel`'s pixels for which `dropped(y, x)` holds, in every example. */
function holes(layout: MapLayout, channel: number, dropped: (y: number, x: number) => boolean): Uint8Array {
  const { examples, channels, height, width } = layout;
  const mask = new Uint8Array(examples * channels * height * width).fill(1);
  for (let e = 0; e < examples; e++)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) if (dropped(y, x)) mask[((e * channels + channel) * height + y) * width + x] = 0;
  return mask;
}

const LAYOUT: MapLayout = { examples: 4, channels: 2, height: 8, width: 8 };

describe('neighbourCorrelation', () => {
  it.each([
    ['a plane', 1, 1, (e: number, y: number, x: number) => 2 * x - 3 * y + e],
    ['a checkerboard', -1, -1, (e: number, y: number, x: number) => (e + 1) * (-1) ** (x + y)],
    ['vertical stripes', -1, 1, (e: number, _y: number, x: number) => (e + 1) * (-1) ** x],
  ])(
    'gives %s the correlations it has (horizontal %s, vertical %s), whatever the other channel holds',
    (_, h, v, f) => {
      const r = neighbourCorrelation(maps(LAYOUT, 1, f), LAYOUT, 1);
      expect(r.horizontal).toBeCloseTo(h, 12);
      expect(r.vertical).toBeCloseTo(v, 12);
    },
  );

  it('finds independent noise uncorrelated: |r| within 5/√n of 0 over n pairs', () => {
    const layout: MapLayout = { examples: 200, channels: 1, height: 10, width: 10 };
    const noise = new Float64Array(20_000);
    fillNormal(noise, new Pcg32(2, 0));
    const r = neighbourCorrelation(noise, layout, 0);
    expect(Math.abs(r.horizontal)).toBeLessThan(5 / Math.sqrt(200 * 10 * 9));
    expect(Math.abs(r.vertical)).toBeLessThan(5 / Math.sqrt(200 * 10 * 9));
  });

  it('is NaN for constant maps, which have no correlation', () => {
    const r = neighbourCorrelation(
      maps(LAYOUT, 0, () => 3),
      LAYOUT,
      0,
    );
    expect([r.horizontal, r.vertical]).toEqual([Number.NaN, Number.NaN]);
  });
});

describe('holePrediction', () => {
  // Holes on a lattice away from the edges of an 8 × 8 or 12 × 12 map, every neighbour of each kept.
  const lattice = (y: number, x: number) => y % 3 === 1 && x % 3 === 1 && y < 7 && x < 7;
  const wideLattice = (y: number, x: number) => y % 3 === 1 && x % 3 === 1;

  it('predicts a plane’s isolated holes exactly from the mean of their four neighbours', () => {
    const values = maps(LAYOUT, 0, (e, y, x) => 0.5 * x + 2 * y - e);
    const result = holePrediction(values, holes(LAYOUT, 0, lattice), LAYOUT, 0);
    expect([result.holes, result.predictable]).toEqual([4 * 4, 4 * 4]);
    expect(result.r2).toBeCloseTo(1, 12);
    expect(result.relativeError).toBeCloseTo(0, 6);
  });

  it('gets a checkerboard’s holes exactly wrong: the neighbours’ mean is −v, so R² = 1 − 4 = −3', () => {
    const values = maps(LAYOUT, 0, (_, y, x) => (-1) ** (x + y));
    const result = holePrediction(values, holes(LAYOUT, 0, lattice), LAYOUT, 0);
    expect(result.r2).toBeCloseTo(-3, 12);
  });

  it('on independent noise, R² is about −1/4: the error v − mean of 4 has variance σ²(1 + 1/4)', () => {
    const layout: MapLayout = { examples: 500, channels: 1, height: 12, width: 12 };
    const values = new Float64Array(500 * 144);
    fillNormal(values, new Pcg32(3, 0));
    const result = holePrediction(values, holes(layout, 0, wideLattice), layout, 0);
    expect(result.holes).toBe(500 * 16);
    // 8,000 holes: the estimate's standard error is about 0.02.
    expect(result.r2).toBeGreaterThan(-0.35);
    expect(result.r2).toBeLessThan(-0.15);
  });

  it('uses only kept neighbours inside the map, and calls a hole with none unpredictable', () => {
    const values = maps(LAYOUT, 0, (_, y, x) => x + 10 * y);
    // The corner (0, 0) and its two neighbours (0, 1) and (1, 0): the corner has no kept neighbour;
    // (0, 1) is predicted from (0, 2) and (1, 1), i.e. 11/2 + 1 − ... as the mean 7.
    const dropped = new Set(['0,0', '0,1', '1,0']);
    const result = holePrediction(
      values,
      holes(LAYOUT, 0, (y, x) => dropped.has(`${y},${x}`)),
      LAYOUT,
      0,
    );
    expect([result.holes, result.predictable]).toEqual([12, 8]);
  });

  it('finds nothing to predict from under channel dropout: R² is 0, the error the holes’ whole spread', () => {
    const layout: MapLayout = { examples: 50, channels: 4, height: 8, width: 8 };
    const values = maps(layout, 2, (e, y, x) => x + y + e);
    const [mask, channelMask] = [new Uint8Array(50 * 4 * 64), new Uint8Array(200)];
    fillChannelMask(mask, channelMask, layout, 0.5, streamRng(4, Stream.mask));
    const result = holePrediction(values, mask, layout, 2);
    expect(result.holes).toBeGreaterThan(0);
    expect(result.predictable).toBe(0);
    expect(result.r2).toBe(0);
    expect(result.relativeError).toBe(1);
  });
});
