import { describe, expect, it } from 'vitest';
import { Pcg32, Stream } from '../../src/sim/random.ts';
import { expectedUnitOutput, sampleUnitDraws, unitOutputSd, type UnitDrawsParams } from '../../src/sim/unit-draws.ts';

function last(values: Float64Array): number {
  return values.at(-1) ?? Number.NaN;
}

function draws(params: UnitDrawsParams, count: number, seed = 11) {
  const mask = new Uint8Array(count);
  const outputs = new Float64Array(count);
  const means = new Float64Array(count);
  sampleUnitDraws(params, new Pcg32(seed, Stream.mask), mask, outputs, means);
  return { mask, outputs, means };
}

describe('expectedUnitOutput and unitOutputSd', () => {
  it.each([
    { h: 2, p: 0.5, scaling: 'none', mean: 1, sd: 1 },
    { h: 2, p: 0.5, scaling: 'inverted', mean: 2, sd: 2 },
    { h: 1, p: 0.2, scaling: 'none', mean: 0.8, sd: 0.4 },
    { h: 1, p: 0.2, scaling: 'inverted', mean: 1, sd: 0.5 },
    { h: -3, p: 0, scaling: 'inverted', mean: -3, sd: 0 },
  ] as const)('h=$h p=$p $scaling: mean $mean, sd $sd', ({ mean, sd, ...params }) => {
    expect(expectedUnitOutput(params)).toBeCloseTo(mean, 12);
    expect(unitOutputSd(params)).toBeCloseTo(sd, 12);
  });
});

describe('sampleUnitDraws', () => {
  const n = 50_000;

  it.each([
    { h: 1.5, p: 0.5, scaling: 'none' },
    { h: 1.5, p: 0.5, scaling: 'inverted' },
    { h: 0.7, p: 0.2, scaling: 'none' },
    { h: 0.7, p: 0.2, scaling: 'inverted' },
    { h: 2, p: 0.9, scaling: 'inverted' },
  ] as const)('the mean of $p-dropout ($scaling) is within 4 sigma of its expectation', (params) => {
    const { means } = draws(params, n);
    const bound = (4 * unitOutputSd(params)) / Math.sqrt(n);
    expect(Math.abs(last(means) - expectedUnitOutput(params))).toBeLessThan(bound);
  });

  it('inverted scaling preserves h in expectation; no scaling shrinks it to q·h', () => {
    const h = 1.5;
    const p = 0.5;
    const none = last(draws({ h, p, scaling: 'none' }, n).means);
    const inverted = last(draws({ h, p, scaling: 'inverted' }, n).means);
    // 4-sigma bounds: sd of one draw is 0.75 (none) and 1.5 (inverted)
    expect(Math.abs(none - 0.75)).toBeLessThan((4 * 0.75) / Math.sqrt(n));
    expect(Math.abs(inverted - 1.5)).toBeLessThan((4 * 1.5) / Math.sqrt(n));
  });

  it('outputs are h (or h/q) where the mask keeps and 0 where it drops; means are running means', () => {
    const params = { h: 2, p: 0.75, scaling: 'inverted' } as const;
    const { mask, outputs, means } = draws(params, 200);
    let sum = 0;
    mask.forEach((m, i) => {
      expect(outputs[i]).toBe(m === 1 ? 8 : 0);
      sum += outputs[i] ?? Number.NaN;
      expect(means[i]).toBeCloseTo(sum / (i + 1), 12);
    });
    expect(mask.includes(0) && mask.includes(1)).toBe(true);
  });

  it('the same seed gives the same masks; scaling does not change which units are kept', () => {
    const a = draws({ h: 1, p: 0.5, scaling: 'none' }, 500, 5);
    const b = draws({ h: 1, p: 0.5, scaling: 'inverted' }, 500, 5);
    const c = draws({ h: 1, p: 0.5, scaling: 'none' }, 500, 6);
    expect(b.mask).toEqual(a.mask);
    expect(c.mask).not.toEqual(a.mask);
  });

  it('keeps every draw at p = 0', () => {
    const { mask, means } = draws({ h: 1.2, p: 0, scaling: 'none' }, 100);
    expect(mask.every((m) => m === 1)).toBe(true);
    expect(means[99]).toBeCloseTo(1.2, 12);
  });

  it('rejects a drop probability outside [0, 0.95], a non-finite h and mismatched lengths', () => {
    const rng = new Pcg32(1, Stream.mask);
    const a = new Uint8Array(3);
    const f = new Float64Array(3);
    const g = new Float64Array(3);
    expect(() => sampleUnitDraws({ h: 1, p: 1, scaling: 'inverted' }, rng, a, f, g)).toThrow(/drop probability/);
    expect(() => sampleUnitDraws({ h: 1, p: -0.1, scaling: 'none' }, rng, a, f, g)).toThrow(/drop probability/);
    expect(() => sampleUnitDraws({ h: Number.NaN, p: 0.5, scaling: 'none' }, rng, a, f, g)).toThrow(/activation/);
    expect(() => sampleUnitDraws({ h: 1, p: 0.5, scaling: 'none' }, rng, a, new Float64Array(2), g)).toThrow(
      /same length/,
    );
  });
});
