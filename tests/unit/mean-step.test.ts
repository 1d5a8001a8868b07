import { describe, expect, it } from 'vitest';
import { meanStepFacts, stepsOverMasks } from '../../src/sim/mean-step.ts';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const RATE = 0.05;
const MASKS = 4000;

describe('the inverted-dropout step over masks, against no dropout', () => {
  it.each([0.2, 0.5, 0.8])(
    'at p = %f, the sampled means and spreads agree with the exact moments on every seed',
    (p) => {
      for (const seed of SEEDS) {
        const steps = stepsOverMasks(seed, p, MASKS, RATE);
        for (const kind of [steps.outgoing, steps.incoming]) {
          for (let j = 0; j < kind.none.length; j++) {
            // The mean of 4,000 independent steps: within 5 standard errors of the exact mean.
            expect(Math.abs(kind.mean[j]! - kind.exactMean[j]!)).toBeLessThanOrEqual(
              (5 * kind.exactSd[j]!) / Math.sqrt(MASKS),
            );
            // A standard deviation from 4,000 draws of a bounded variable: within 10 % of the exact one.
            expect(Math.abs(kind.sd[j]! - kind.exactSd[j]!)).toBeLessThanOrEqual(0.1 * kind.exactSd[j]! + 1e-15);
          }
        }
      }
    },
  );

  it('has an exact mean that is minus the learning rate times the gradient of the expected loss (finite differences)', () => {
    const p = 0.6;
    const q = 1 - p;
    const { outgoing, activations: a, outWeights } = stepsOverMasks(4, p, 10, RATE);
    // E over masks of ½(Σ w_j a_j m_j/q − y)² = ½(Σ w a − y)² + ½·(p/q)·Σ w² a², with y = Σ w a − 1.
    const target = a.reduce((sum, aj, j) => sum + outWeights[j]! * aj, 0) - 1;
    const expectedLoss = (w: Float64Array) => {
      let output = 0;
      let penalty = 0;
      for (let j = 0; j < w.length; j++) {
        output += w[j]! * a[j]!;
        penalty += (w[j]! * a[j]!) ** 2;
      }
      return 0.5 * (output - target) ** 2 + 0.5 * (p / q) * penalty;
    };
    const h = 1e-6;
    for (let j = 0; j < outWeights.length; j++) {
      const up = outWeights.slice();
      const down = outWeights.slice();
      up[j]! += h;
      down[j]! -= h;
      const gradient = (expectedLoss(up) - expectedLoss(down)) / (2 * h);
      expect(outgoing.exactMean[j]).toBeCloseTo(-RATE * gradient, 8);
    }
  });

  it('gives both weights of a unit the same factor: mean step ÷ step without dropout', () => {
    const { outgoing, incoming } = stepsOverMasks(7, 0.5, 10, RATE);
    for (let j = 0; j < outgoing.none.length; j++) {
      if (Math.abs(incoming.none[j]!) < 1e-12) continue;
      expect(incoming.exactMean[j]! / incoming.none[j]!).toBeCloseTo(outgoing.exactMean[j]! / outgoing.none[j]!, 10);
    }
  });

  it('has a mean step near the step without dropout at small p, and a spread that grows with p', () => {
    for (const seed of SEEDS) {
      for (const kind of ['outgoing', 'incoming'] as const) {
        const facts = [0.05, 0.5, 0.8].map((p) => meanStepFacts(stepsOverMasks(seed, p, 2000, RATE)[kind], 2000));
        expect(Math.abs(facts[0]!.meanRatio - 1)).toBeLessThan(0.1);
        expect(facts[0]!.spreadRatio).toBeLessThan(facts[1]!.spreadRatio);
        expect(facts[1]!.spreadRatio).toBeLessThan(facts[2]!.spreadRatio);
      }
    }
  });

  it('has, at p = 0.5 on every test seed, a mean step within a quarter of the step without dropout, for weights into and out of the layer (the lesson says so)', () => {
    for (const seed of SEEDS) {
      const steps = stepsOverMasks(seed, 0.5, 2000, RATE);
      for (const kind of [steps.outgoing, steps.incoming]) {
        const facts = meanStepFacts(kind, 2000);
        expect(Math.abs(facts.meanRatio - 1)).toBeLessThan(0.25);
        expect(facts.spreadRatio).toBeGreaterThan(1);
      }
    }
  });

  it('is reproducible from its seed', () => {
    const a = stepsOverMasks(3, 0.4, 200, RATE);
    const b = stepsOverMasks(3, 0.4, 200, RATE);
    expect(Array.from(a.outgoing.mean)).toEqual(Array.from(b.outgoing.mean));
    expect(Array.from(a.incoming.sd)).toEqual(Array.from(b.incoming.sd));
  });
});
