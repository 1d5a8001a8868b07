import { describe, expect, it } from 'vitest';
import {
  dropoutPenalties,
  energies,
  expectedDropoutLoss,
  fits,
  L2_DATA,
  meanSquaredError,
  penalizedWeights,
  regressionData,
  sampleDropoutLoss,
  type RegressionData,
} from '../../src/sim/dropout-l2.ts';
import { l2Scales } from '../../src/lib/lesson-figures.ts';
import { Pcg32, Stream, streamRng } from '../../src/sim/random.ts';
import { sampleMoments } from '../../src/sim/sampling.ts';

const SEEDS = [1, 2, 3, 4, 5];

/** The gradient of the expected dropout loss at w, by central differences. */
function numericGradient(data: RegressionData, w: Float64Array, p: number, h = 1e-6): Float64Array {
  return w.map((_, j) => {
    const up = Float64Array.from(w);
    const down = Float64Array.from(w);
    up[j] = up[j]! + h;
    down[j] = down[j]! - h;
    return (expectedDropoutLoss(data, up, p) - expectedDropoutLoss(data, down, p)) / (2 * h);
  });
}

describe('the regression data set', () => {
  it('is the same for the same seed and differs between seeds', () => {
    expect(regressionData(7)).toEqual(regressionData(7));
    expect(regressionData(7).x).not.toEqual(regressionData(8).x);
  });

  it.each(SEEDS)('seed %i: its inputs have clearly different energies, in the order of their scales', (seed) => {
    const e = energies(regressionData(seed));
    expect(e).toHaveLength(L2_DATA.scales.length);
    for (let j = 1; j < e.length; j++) expect(e[j - 1]!).toBeGreaterThan(e[j]!);
    expect(e[0]! / e[e.length - 1]!).toBeGreaterThan(10);
  });

  it('has scales in one ratio from each input to the next, the ratio the lesson quotes', () => {
    const ratios = L2_DATA.scales.slice(1).map((s, j) => L2_DATA.scales[j]! / s);
    expect(new Set(ratios)).toEqual(new Set([Number(l2Scales)]));
  });
});

describe('the expected dropout loss', () => {
  it('equals the mean over every mask of a small set, enumerated', () => {
    const data: RegressionData = {
      x: Float64Array.of(1.5, -0.5, 0.25, 2),
      y: Float64Array.of(1, -1),
      size: 2,
      inputs: 2,
    };
    const w = [0.7, -1.3];
    for (const p of [0.1, 0.5, 0.8]) {
      const q = 1 - p;
      let mean = 0;
      for (let bits = 0; bits < 16; bits++) {
        let probability = 1;
        let sum = 0;
        for (let i = 0; i < 2; i++) {
          let residual = data.y[i]!;
          for (let j = 0; j < 2; j++) {
            const keep = (bits >> (2 * i + j)) & 1;
            probability *= keep ? q : p;
            residual -= (w[j]! * keep * data.x[2 * i + j]!) / q;
          }
          sum += residual ** 2;
        }
        mean += probability * (sum / 2);
      }
      expect(expectedDropoutLoss(data, w, p)).toBeCloseTo(mean, 12);
    }
  });

  it.each(SEEDS.flatMap((seed) => [0.2, 0.5, 0.8].map((p) => [seed, p])))(
    'seed %i, p = %f: the Monte Carlo estimate over 20,000 masks lies within 4 standard errors of the formula',
    (seed, p) => {
      const data = regressionData(seed);
      const w = fits(data, p, 10).none;
      const { means, errors } = sampleDropoutLoss(data, w, p, 20_000, new Pcg32(seed, Stream.mask));
      const exact = expectedDropoutLoss(data, w, p);
      expect(Math.abs(means[19_999]! - exact)).toBeLessThan(4 * errors[19_999]!);
      // The bound is not empty: the penalty the formula adds is many standard errors wide.
      expect(exact - meanSquaredError(data, w)).toBeGreaterThan(10 * errors[19_999]!);
    },
  );

  it('keeps a running mean and a standard error that agree with the samples, the same for the same generator', () => {
    const data = regressionData(3);
    const w = fits(data, 0.5, 10).dropout;
    const a = sampleDropoutLoss(data, w, 0.5, 500, streamRng(3, Stream.mask));
    const b = sampleDropoutLoss(data, w, 0.5, 500, streamRng(3, Stream.mask));
    expect(a).toEqual(b);
    const { mean, variance } = sampleMoments(a.losses);
    expect(a.means[499]).toBeCloseTo(mean, 10);
    expect(a.errors[499]).toBeCloseTo(Math.sqrt(variance / 500), 10);
  });
});

describe('the fitted weights', () => {
  it.each(SEEDS)('seed %i: each solves its normal equations', (seed) => {
    const data = regressionData(seed);
    const penalties = [3, 0, 7.5, 1];
    const w = penalizedWeights(data, penalties);
    const { x, y, size, inputs } = data;
    for (let r = 0; r < inputs; r++) {
      let lhs = penalties[r]! * w[r]!;
      let rhs = 0;
      for (let i = 0; i < size; i++) {
        let prediction = 0;
        for (let c = 0; c < inputs; c++) prediction += x[i * inputs + c]! * w[c]!;
        lhs += x[i * inputs + r]! * prediction;
        rhs += x[i * inputs + r]! * y[i]!;
      }
      expect(lhs).toBeCloseTo(rhs, 9);
    }
  });

  it.each(SEEDS.flatMap((seed) => [0.1, 0.5, 0.9].map((p) => [seed, p])))(
    'seed %i, p = %f: the dropout weights are where the expected loss has zero gradient, and gradient descent ends there',
    (seed, p) => {
      const data = regressionData(seed);
      const w = fits(data, p, 0).dropout;
      for (const g of numericGradient(data, w, p)) expect(Math.abs(g)).toBeLessThan(1e-6);
      // Gradient descent on the formula from zero, with its gradient by hand: (2/N)(Xᵀ(Xw − y) + diag(penalties)·w).
      const penalties = dropoutPenalties(data, p);
      const { x, y, size, inputs } = data;
      const gradient = (v: Float64Array) => {
        const g = v.map((vj, j) => (2 * penalties[j]! * vj) / size);
        for (let i = 0; i < size; i++) {
          let residual = -y[i]!;
          for (let j = 0; j < inputs; j++) residual += x[i * inputs + j]! * v[j]!;
          for (let j = 0; j < inputs; j++) g[j] = g[j]! + (2 * x[i * inputs + j]! * residual) / size;
        }
        return g;
      };
      const probe = Float64Array.of(0.3, -0.2, 1, 2);
      gradient(probe).forEach((g, j) => expect(g).toBeCloseTo(numericGradient(data, probe, p)[j]!, 5));
      const descended = new Float64Array(inputs);
      const rate = size / (4 * energies(data).reduce((a, b) => a + b) * (1 + p / (1 - p)));
      for (let step = 0; step < 100_000; step++)
        gradient(descended).forEach((g, j) => (descended[j] = descended[j]! - rate * g));
      for (let j = 0; j < inputs; j++) expect(descended[j]).toBeCloseTo(w[j]!, 6);
    },
  );

  it.each([0.2, 0.5, 0.8])(
    'at p = %f, ridge at λ = (p/q)·E gives the dropout weights when every input has energy E',
    (p) => {
      const data = regressionData(4);
      const e = energies(data);
      const target = 30;
      // Each input rescaled to the energy 30.
      const x = data.x.map((v, k) => v * Math.sqrt(target / e[k % data.inputs]!));
      const equal = { ...data, x };
      energies(equal).forEach((v) => expect(v).toBeCloseTo(target, 9));
      const { dropout, ridge } = fits(equal, p, (p / (1 - p)) * target);
      for (let j = 0; j < data.inputs; j++) expect(ridge[j]).toBeCloseTo(dropout[j]!, 10);
      // With the inputs' own, unequal energies, no one λ does.
      const unequal = fits(data, p, (p / (1 - p)) * target);
      expect(Math.max(...unequal.ridge.map((v, j) => Math.abs(v - unequal.dropout[j]!)))).toBeGreaterThan(0.05);
    },
  );
});
