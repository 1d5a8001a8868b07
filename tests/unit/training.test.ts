import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../src/sim/datasets.ts';
import { OVERFITTING_PRESET } from '../../src/sim/presets.ts';
import { pairedTrainers, Trainer, type TrainingConfig } from '../../src/sim/train.ts';

const small: TrainingConfig = {
  shape: { sizes: [2, 16, 16, 1], activation: 'tanh', output: 'sigmoid-bce' },
  dropout: { mode: 'inverted', p: [0, 0.5, 0.5] },
  schedule: { kind: 'constant' },
  update: { learningRate: 0.1, momentum: 0.9, maxNorm: 0 },
  l2: 0,
  batchSize: 10,
  seed: 5,
};
const data = makeDataset({ kind: 'moons', trainSize: 40, validationSize: 40, noise: 0.1, seed: 5 });

describe('Trainer', () => {
  it('the same seed gives the same run, to the last bit', () => {
    const a = new Trainer(small, data.train);
    const b = new Trainer(small, data.train);
    for (let e = 0; e < 5; e++) expect(a.trainEpoch()).toBe(b.trainEpoch());
    expect(a.network.weights).toEqual(b.network.weights);
  });

  it('a different seed gives a different run', () => {
    const a = new Trainer(small, data.train);
    const b = new Trainer({ ...small, seed: 6 }, data.train);
    expect(a.network.weights[0]).not.toEqual(b.network.weights[0]);
  });

  it('lowers the training loss', () => {
    const trainer = new Trainer({ ...small, dropout: { mode: 'none', p: [0, 0, 0] } }, data.train);
    const before = trainer.evaluate(data.train).loss;
    for (let e = 0; e < 50; e++) trainer.trainEpoch();
    expect(trainer.evaluate(data.train).loss).toBeLessThan(before * 0.7);
  });

  it('anneals the drop probability linearly to zero', () => {
    const trainer = new Trainer({ ...small, schedule: { kind: 'linear', epochs: 4 } }, data.train);
    const seen: number[] = [];
    for (let e = 0; e < 6; e++) {
      trainer.trainEpoch();
      seen.push(trainer.currentDrop[1] ?? Number.NaN);
    }
    expect(seen).toEqual([0.5, 0.375, 0.25, 0.125, 0, 0]);
  });
});

describe('paired runs', () => {
  it('start from identical weights and see identical minibatches', () => {
    const { withDropout, withoutDropout } = pairedTrainers(small, data.train);
    expect(withDropout.network.weights).toEqual(withoutDropout.network.weights);
    expect(withDropout.network.biases).toEqual(withoutDropout.network.biases);
    // One epoch, then compare the last minibatch each network saw.
    withDropout.trainEpoch();
    withoutDropout.trainEpoch();
    const last = (t: Trainer) => Float64Array.from(t.network.activations[0]?.subarray(0, 10 * 2) ?? []);
    expect(last(withDropout)).toEqual(last(withoutDropout));
    expect(withDropout.network.weights).not.toEqual(withoutDropout.network.weights);
  });
});

describe('the overfitting preset', () => {
  it('ends with lower validation loss with dropout than without on at least 8 of 10 seeds', () => {
    const { dataset, training, epochs } = OVERFITTING_PRESET;
    let wins = 0;
    const gaps: string[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const { train, validation } = makeDataset({ ...dataset, seed });
      const { withDropout, withoutDropout } = pairedTrainers({ ...training, seed }, train);
      for (let e = 0; e < epochs; e++) {
        withDropout.trainEpoch();
        withoutDropout.trainEpoch();
      }
      const a = withDropout.evaluate(validation).loss;
      const b = withoutDropout.evaluate(validation).loss;
      gaps.push(`seed ${seed}: ${a.toFixed(3)} with, ${b.toFixed(3)} without`);
      if (a < b) wins++;
    }
    expect(wins, gaps.join('\n')).toBeGreaterThanOrEqual(8);
  }, 120_000);
});
