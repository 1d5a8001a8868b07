import { describe, expect, it } from 'vitest';
import { Pcg32, Stream } from '../../src/sim/random.ts';
import {
  drawTimeMasks,
  keptThroughout,
  redropFraction,
  TIME_MASK_KINDS,
  type TimeMaskKind,
} from '../../src/sim/recurrent-masks.ts';

const rng = (seed: number) => new Pcg32(seed, Stream.mask);
const row = (masks: Uint8Array, t: number, units: number) => Array.from(masks.subarray(t * units, (t + 1) * units));

describe('masks over time', () => {
  it.each(TIME_MASK_KINDS)('%s: [step][unit] entries of 0 and 1, the same for the same seed', (kind) => {
    const masks = drawTimeMasks(12, 40, 0.3, kind, rng(5));
    expect(masks).toHaveLength(12 * 40);
    for (const m of masks) expect([0, 1]).toContain(m);
    expect(drawTimeMasks(12, 40, 0.3, kind, rng(5))).toEqual(masks);
    expect(drawTimeMasks(12, 40, 0.3, kind, rng(6))).not.toEqual(masks);
  });

  it('variational repeats the first step’s mask, which is naive’s first step from the same generator', () => {
    const variational = drawTimeMasks(20, 64, 0.5, 'variational', rng(3));
    const naive = drawTimeMasks(20, 64, 0.5, 'naive', rng(3));
    for (let t = 0; t < 20; t++) expect(row(variational, t, 64)).toEqual(row(variational, 0, 64));
    expect(row(naive, 0, 64)).toEqual(row(variational, 0, 64));
    const distinct = new Set(Array.from({ length: 20 }, (_, t) => row(naive, t, 64).join('')));
    expect(distinct.size).toBe(20);
  });

  it.each(TIME_MASK_KINDS.flatMap((kind) => [0.2, 0.5, 0.8].map((p) => [kind, p] as const)))(
    '%s, p = %f: keeps a fraction q of units within 4 standard errors',
    (kind, p) => {
      // Variational masks repeat one row, so only the units of one row are independent draws.
      const [steps, units] = [50, 400];
      const masks = drawTimeMasks(steps, units, p, kind, rng(9));
      const kept = masks.reduce((sum, m) => sum + m, 0) / masks.length;
      const draws = kind === 'naive' ? steps * units : units;
      expect(Math.abs(kept - (1 - p))).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / draws));
    },
  );

  it('keeps every unit at p = 0 and none at p = 1', () => {
    for (const kind of TIME_MASK_KINDS) {
      expect(drawTimeMasks(5, 8, 0, kind, rng(1)).every((m) => m === 1)).toBe(true);
      expect(drawTimeMasks(5, 8, 1, kind, rng(1)).every((m) => m === 0)).toBe(true);
    }
  });

  const invalid: [string, number, number, number, TimeMaskKind, RegExp][] = [
    ['no steps', 0, 4, 0.5, 'naive', /steps must be a whole number ≥ 1, got 0/],
    ['fractional units', 3, 2.5, 0.5, 'naive', /units must be a whole number ≥ 1, got 2.5/],
    ['p above 1', 3, 4, 1.2, 'variational', /drop probability p must be in \[0, 1\], got 1.2/],
    ['an unknown kind', 3, 4, 0.5, 'fresh' as TimeMaskKind, /kind must be 'naive' or 'variational', got fresh/],
  ];
  it.each(invalid)('rejects %s with a message naming it', (_, steps, units, p, kind, message) => {
    expect(() => drawTimeMasks(steps, units, p, kind, rng(1))).toThrow(message);
  });
});

describe('what a unit dropped at the first step does later', () => {
  it('counts by hand on a small mask', () => {
    // Steps 0, 1, 2 of units 0 to 3; units 1 and 3 are dropped at step 0.
    const masks = Uint8Array.of(1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0);
    // Later, unit 1 is dropped at step 1 and kept at step 2; unit 3 is kept at step 1 and dropped at step 2.
    expect(redropFraction(masks, 3, 4)).toBe(2 / 4);
    // Only unit 2 is kept at every step.
    expect(keptThroughout(masks, 3, 4)).toBe(1 / 4);
  });

  it.each([1, 2, 3].flatMap((seed) => [0.2, 0.5, 0.8].map((p) => [seed, p])))(
    'seed %i, p = %f: naive masks drop it again at a fraction p of later steps (4 standard errors), variational at all',
    (seed, p) => {
      const [steps, units] = [30, 200];
      const naive = drawTimeMasks(steps, units, p, 'naive', rng(seed));
      const droppedFirst = row(naive, 0, units).filter((m) => m === 0).length;
      const pairs = droppedFirst * (steps - 1);
      expect(Math.abs(redropFraction(naive, steps, units) - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / pairs));
      expect(redropFraction(drawTimeMasks(steps, units, p, 'variational', rng(seed)), steps, units)).toBe(1);
    },
  );

  it.each([0.2, 0.5])(
    'p = %f: naive masks keep a unit at all steps with probability q^T (4 standard errors), variational with q',
    (p) => {
      const [steps, units, q] = [3, 2000, 1 - p];
      const naive = keptThroughout(drawTimeMasks(steps, units, p, 'naive', rng(4)), steps, units);
      const expected = q ** steps;
      expect(Math.abs(naive - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / units));
      const variational = drawTimeMasks(steps, units, p, 'variational', rng(4));
      const keptFirst = row(variational, 0, units).filter((m) => m === 1).length / units;
      expect(keptThroughout(variational, steps, units)).toBe(keptFirst);
      expect(Math.abs(keptFirst - q)).toBeLessThan(4 * Math.sqrt((p * q) / units));
    },
  );

  it('is undefined (NaN) with nothing dropped at the first step or a single step', () => {
    expect(redropFraction(drawTimeMasks(6, 10, 0, 'naive', rng(1)), 6, 10)).toBeNaN();
    expect(redropFraction(drawTimeMasks(1, 10, 0.5, 'naive', rng(1)), 1, 10)).toBeNaN();
  });

  it('rejects masks of the wrong size', () => {
    const masks = new Uint8Array(11);
    expect(() => redropFraction(masks, 3, 4)).toThrow('masks must hold steps × units = 12 entries, got 11');
    expect(() => keptThroughout(masks, 3, 4)).toThrow('masks must hold steps × units = 12 entries, got 11');
  });
});
