import { describe, expect, it } from 'vitest';
import { BN_EPSILON, simulateVarianceShift, type ShiftRun } from '../../src/sim/variance-shift/batch-norm.ts';
import {
  bnVariances,
  PLACEMENTS,
  shiftRatio,
  testVariance,
  trainingVariance,
  type UnitMoments,
} from '../../src/sim/variance-shift/moments.ts';

/** Units and drop probabilities the formulas and the sampler are checked at: (c, v, p). */
const CASES: [number, number, number][] = [
  [0, 1, 0.5],
  [1, 1, 0.5],
  [2, 0.5, 0.2],
  [-1, 4, 0.8],
  [0.5, 2, 0.1],
];

const run = (c: number, v: number, p: number, changes: Partial<ShiftRun> = {}): ShiftRun => ({
  mean: c,
  variance: v,
  p,
  placement: 'before-bn',
  batchSize: 64,
  batches: 400,
  testSize: 20_000,
  ...changes,
});

describe('the closed form', () => {
  it.each(CASES)('c = %f, v = %f, p = %f: equals the variance of m·x/q enumerated over a two-point x', (c, v, p) => {
    // x = c ± √v with probability ½ each has mean c and variance v; m is 1 with probability q.
    const q = 1 - p;
    const outcomes = [0, 1].flatMap((m) =>
      [-1, 1].map((sign) => ({ value: (m * (c + sign * Math.sqrt(v))) / q, probability: (m ? q : p) / 2 })),
    );
    const mean = outcomes.reduce((sum, o) => sum + o.probability * o.value, 0);
    const variance = outcomes.reduce((sum, o) => sum + o.probability * (o.value - mean) ** 2, 0);
    expect(mean).toBeCloseTo(c, 12);
    expect(trainingVariance({ mean: c, variance: v }, p)).toBeCloseTo(variance, 12);
    expect(testVariance({ mean: c, variance: v }, p)).toBe(v);
    expect(shiftRatio({ mean: c, variance: v }, p)).toBeCloseTo(v / variance, 12);
  });

  it.each([0.1, 0.5, 0.8])('p = %f: a standard normal unit has training variance 1/q (Li et al., Figure 1)', (p) => {
    expect(trainingVariance({ mean: 0, variance: 1 }, p)).toBeCloseTo(1 / (1 - p), 12);
  });

  it.each(CASES)('c = %f, v = %f: p = 0 leaves no shift', (c, v) => {
    expect(trainingVariance({ mean: c, variance: v }, 0)).toBeCloseTo(v, 12);
    expect(shiftRatio({ mean: c, variance: v }, 0)).toBeCloseTo(1, 12);
  });

  it('has the ratio q for a zero-mean unit, and a smaller ratio, falling with p, for a non-zero mean', () => {
    const ps = [0.1, 0.3, 0.5, 0.7, 0.9];
    for (const p of ps) expect(shiftRatio({ mean: 0, variance: 2 }, p)).toBeCloseTo(1 - p, 12);
    const ratios = ps.map((p) => shiftRatio({ mean: 1, variance: 1 }, p));
    ratios.forEach((ratio, k) => expect(ratio).toBeLessThan(1 - ps[k]!));
    for (let k = 1; k < ratios.length; k++) expect(ratios[k]).toBeLessThan(ratios[k - 1]!);
  });

  it.each(CASES)('c = %f, v = %f, p = %f: BN sees the shift before it and none after it', (c, v, p) => {
    const unit = { mean: c, variance: v };
    expect(bnVariances(unit, p, 'before-bn')).toEqual({
      training: trainingVariance(unit, p),
      test: v,
      ratio: shiftRatio(unit, p),
    });
    expect(bnVariances(unit, p, 'after-bn')).toEqual({ training: v, test: v, ratio: 1 });
  });

  const invalid: [string, UnitMoments, number, RegExp][] = [
    ['p = 1', { mean: 0, variance: 1 }, 1, /drop probability p must be in \[0, 1\): at p = 1 nothing is kept, got 1/],
    ['p < 0', { mean: 0, variance: 1 }, -0.1, /drop probability p must be in \[0, 1\).*got -0\.1/],
    ['p = NaN', { mean: 0, variance: 1 }, Number.NaN, /drop probability p .*got NaN/],
    ['v = 0', { mean: 1, variance: 0 }, 0.5, /variance v must be a finite number above 0, got 0/],
    ['v < 0', { mean: 1, variance: -2 }, 0.5, /variance v must be .* above 0, got -2/],
    ['v infinite', { mean: 1, variance: Infinity }, 0.5, /variance v must be a finite number above 0, got Infinity/],
    ['c = NaN', { mean: Number.NaN, variance: 1 }, 0.5, /mean c must be a finite number, got NaN/],
  ];
  it.each(invalid)('rejects %s with a message naming the value and its range', (_, unit, p, message) => {
    expect(() => trainingVariance(unit, p)).toThrow(RangeError);
    expect(() => trainingVariance(unit, p)).toThrow(message);
    expect(() => shiftRatio(unit, p)).toThrow(message);
    for (const placement of PLACEMENTS) expect(() => bnVariances(unit, p, placement)).toThrow(message);
  });
});

describe('the Monte Carlo run', () => {
  it.each(CASES.flatMap((c) => [1, 2, 3].map((seed) => [...c, seed])))(
    'c = %f, v = %f, p = %f, seed %i: what BN learns, the test variance and BN’s output lie within 4 standard errors of the formulas',
    (c, v, p, seed) => {
      const unit = { mean: c, variance: v };
      const r = run(c, v, p);
      const s = simulateVarianceShift(r, seed);
      // BN's learned variance is a mean over minibatches: its standard error comes from their spread.
      const batchSpread = Math.sqrt(
        s.batchVariances.reduce((sum, b) => sum + (b - s.runningVariance) ** 2, 0) / (r.batches - 1),
      );
      const runningError = batchSpread / Math.sqrt(r.batches);
      const training = trainingVariance(unit, p);
      expect(Math.abs(s.runningVariance - training)).toBeLessThan(4 * runningError);
      // The bound is not empty: the shift is many standard errors wide.
      expect(training - v).toBeGreaterThan(10 * runningError);
      const meanError = Math.sqrt(training / (r.batches * r.batchSize));
      expect(Math.abs(s.runningMean - c)).toBeLessThan(4 * meanError);
      // The sample variance of n normal draws has relative standard error √(2/(n − 1)).
      const testRelative = Math.sqrt(2 / (r.testSize - 1));
      expect(Math.abs(s.testVariance / v - 1)).toBeLessThan(4 * testRelative);
      // BN's output variance is the test variance over the learned one; their errors add in quadrature.
      expect(s.outputVariance).toBeCloseTo(s.testVariance / (s.runningVariance + BN_EPSILON), 10);
      const outputRelative = Math.hypot(testRelative, runningError / training);
      expect(Math.abs(s.outputVariance / shiftRatio(unit, p) - 1)).toBeLessThan(4 * outputRelative);
      // And BN's output is clearly off 1: the closest case, p = 0.1, is over 5 standard errors away.
      expect(s.outputVariance).toBeLessThan(1 - 5 * outputRelative);
      const outputMeanError = Math.hypot(Math.sqrt(v / r.testSize), meanError) / Math.sqrt(training);
      expect(Math.abs(s.outputMean)).toBeLessThan(4 * outputMeanError);
    },
  );

  it.each(CASES.map(([c, v]) => [c, v]))(
    'c = %f, v = %f: at p = 0, or with dropout after BN, BN’s output at test has variance 1 within 4 standard errors',
    (c, v) => {
      for (const r of [run(c, v, 0), run(c, v, 0.5, { placement: 'after-bn' })]) {
        const s = simulateVarianceShift(r, 7);
        const error = Math.hypot(Math.sqrt(2 / (r.testSize - 1)), Math.sqrt(2 / (r.batches * (r.batchSize - 1))));
        expect(Math.abs(s.runningVariance / v - 1)).toBeLessThan(4 * Math.sqrt(2 / (r.batches * (r.batchSize - 1))));
        expect(Math.abs(s.outputVariance - 1)).toBeLessThan(4 * error);
      }
    },
  );

  it('gives the same numbers for the same seed, other numbers for another, and the same data whatever p', () => {
    const r = run(1, 1, 0.5, { batches: 50, testSize: 500 });
    expect(simulateVarianceShift(r, 11)).toEqual(simulateVarianceShift(r, 11));
    expect(simulateVarianceShift(r, 12).runningVariance).not.toBe(simulateVarianceShift(r, 11).runningVariance);
    // Masks come from their own stream: changing p or the placement leaves the draws of x alone.
    const base = simulateVarianceShift(r, 11);
    for (const other of [run(1, 1, 0.2, { batches: 50, testSize: 500 }), { ...r, placement: 'after-bn' as const }]) {
      expect(simulateVarianceShift(other, 11).testVariance).toBe(base.testVariance);
    }
    const none = simulateVarianceShift({ ...r, p: 0 }, 11);
    expect(simulateVarianceShift({ ...r, placement: 'after-bn' }, 11)).toEqual(none);
  });

  const invalid: [string, Partial<ShiftRun>, RegExp][] = [
    ['a batch of one', { batchSize: 1 }, /batchSize must be a whole number ≥ 2, got 1/],
    ['no batches', { batches: 0 }, /batches must be a whole number ≥ 1, got 0/],
    ['a fractional test size', { testSize: 10.5 }, /testSize must be a whole number ≥ 2, got 10.5/],
    ['p = 1', { p: 1 }, /drop probability p must be in \[0, 1\)/],
    ['a zero variance', { variance: 0 }, /variance v must be a finite number above 0/],
    [
      'an unknown placement',
      { placement: 'between' as never },
      /placement must be 'before-bn' or 'after-bn', got between/,
    ],
  ];
  it.each(invalid)('rejects %s with a message naming the field', (_, changes, message) => {
    expect(() => simulateVarianceShift(run(0, 1, 0.5, changes), 1)).toThrow(message);
  });
});
