import { describe, expect, it } from 'vitest';
import { DATASET_KINDS, makeDataset, regressionTruth } from '../../src/sim/datasets.ts';
import { dropFactor, scheduledDrop } from '../../src/sim/schedule.ts';

describe('makeDataset', () => {
  it.each(DATASET_KINDS)('%s: sizes, shapes, finite values, reproducible from the seed', (kind) => {
    const settings = { kind, trainSize: 50, validationSize: 30, noise: 0.1, seed: 3 };
    const { train, validation } = makeDataset(settings);
    expect(train.size).toBe(50);
    expect(validation.size).toBe(30);
    expect(train.inputs).toHaveLength(50 * train.inputSize);
    expect(train.targets).toHaveLength(50 * train.outputSize);
    expect([...train.inputs, ...train.targets].every(Number.isFinite)).toBe(true);
    expect(makeDataset(settings).train.inputs).toEqual(train.inputs);
    expect(makeDataset({ ...settings, seed: 4 }).train.inputs).not.toEqual(train.inputs);
  });

  it.each(DATASET_KINDS.filter((kind) => kind !== 'regression'))(
    '%s: balanced classes, and about the asked fraction of labels flipped',
    (kind) => {
      const clean = makeDataset({ kind, trainSize: 2000, validationSize: 1, noise: 0, seed: 9 }).train;
      const noisy = makeDataset({ kind, trainSize: 2000, validationSize: 1, noise: 0.2, seed: 9 }).train;
      expect(clean.targets.reduce((s, y) => s + y, 0)).toBe(1000);
      let flipped = 0;
      noisy.targets.forEach((y, e) => (flipped += y === e % 2 ? 0 : 1));
      // Binomial(2000, 0.2): mean 400, sd ≈ 17.9; 4 sigma
      expect(Math.abs(flipped - 400)).toBeLessThan(4 * Math.sqrt(2000 * 0.2 * 0.8));
    },
  );

  it('regression targets scatter around the true function with the asked standard deviation', () => {
    const { train } = makeDataset({ kind: 'regression', trainSize: 5000, validationSize: 1, noise: 0.2, seed: 1 });
    let sumSq = 0;
    train.inputs.forEach((x, e) => (sumSq += (train.targets[e]! - regressionTruth(x)) ** 2));
    const sd = Math.sqrt(sumSq / train.size);
    // sd of a sample standard deviation ≈ σ/√(2n)
    expect(Math.abs(sd - 0.2)).toBeLessThan((4 * 0.2) / Math.sqrt(2 * train.size));
  });

  it('rejects sizes and noise out of range', () => {
    expect(() => makeDataset({ kind: 'moons', trainSize: 0, validationSize: 5, noise: 0, seed: 1 })).toThrow(
      /trainSize/,
    );
    expect(() => makeDataset({ kind: 'xor', trainSize: 5, validationSize: 5, noise: 0.7, seed: 1 })).toThrow(/noise/);
  });
});

describe('drop-probability schedules', () => {
  it.each([
    [{ kind: 'constant' } as const, [1, 1, 1, 1]],
    [{ kind: 'linear', epochs: 2 } as const, [1, 0.5, 0, 0]],
    [{ kind: 'custom', factors: [1, 0.8, 0.3] } as const, [1, 0.8, 0.3, 0.3]],
  ])('%j gives factors %j for epochs 0…3', (schedule, factors) => {
    expect([0, 1, 2, 3].map((epoch) => dropFactor(schedule, epoch))).toEqual(factors);
  });

  it('applies the factor to every layer', () => {
    const out: number[] = [];
    scheduledDrop([0.2, 0.5], { kind: 'linear', epochs: 4 }, 1, out);
    expect(out[0]).toBeCloseTo(0.15, 15);
    expect(out[1]).toBeCloseTo(0.375, 15);
  });
});
