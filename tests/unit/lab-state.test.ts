import { describe, expect, it } from 'vitest';
import { describeMonteCarlo, uncertaintyInsideOutside } from '../../src/islands/monte-carlo/summary.ts';
import {
  appendRecords,
  describeTraining,
  emptyHistory,
  presetState,
  runSettings,
} from '../../src/islands/training/summary.ts';
import { curveInputs, monteCarloCurve } from '../../src/sim/monte-carlo-curve.ts';
import { LAB_PRESETS, OVERFITTING_PRESET } from '../../src/sim/presets.ts';
import { RECORD_FIELDS } from '../../src/worker/trainer-protocol.ts';

describe('training lab state', () => {
  it('turns the default preset back into exactly the preset’s configuration', () => {
    const { dataset, training, epochs } = runSettings(presetState('overfits', 7));
    expect(dataset).toEqual({ ...OVERFITTING_PRESET.dataset, seed: 7 });
    expect(training).toEqual({ ...OVERFITTING_PRESET.training, seed: 7 });
    expect(epochs).toBe(OVERFITTING_PRESET.epochs);
  });

  it('anneals to p = 0 three quarters of the way through', () => {
    expect(runSettings(presetState('annealed')).training.schedule).toEqual({ kind: 'linear', epochs: 300 });
    expect(Object.keys(LAB_PRESETS)).toHaveLength(5);
  });

  it('collects paired records into curves and describes the last epoch', () => {
    const width = RECORD_FIELDS.length;
    const records = new Float64Array(2 * 2 * width);
    // epoch 1 and 2; fields: epoch, trainingLoss, trainLoss, trainAccuracy, validationLoss, validationAccuracy
    records.set([1, 0.7, 0.6, 0.5, 0.65, 0.5], 0);
    records.set([1, 0.7, 0.5, 0.5, 0.66, 0.5], width);
    records.set([2, 0.6, 0.4, 0.6, 0.45, 0.6], 2 * width);
    records.set([2, 0.6, 0.2, 0.6, 0.71, 0.6], 3 * width);
    const history = appendRecords(emptyHistory(), records);
    expect(history).toEqual({
      epochs: [1, 2],
      train: [0.6, 0.4],
      validation: [0.65, 0.45],
      trainPlain: [0.5, 0.2],
      validationPlain: [0.66, 0.71],
      accuracy: [
        { trainAccuracy: [0.5, 0.6], validationAccuracy: [0.5, 0.6] },
        { trainAccuracy: [0.5, 0.6], validationAccuracy: [0.5, 0.6] },
      ],
    });
    expect(describeTraining(history)).toBe(
      'After 2 epochs: validation loss 0.45 with dropout, 0.71 without. Generalization gap 0.05 with dropout, 0.51 without.',
    );
    expect(describeTraining(emptyHistory())).toMatch(/^Not trained yet/);
  });
});

describe('Monte Carlo dropout picture', () => {
  const xs = curveInputs(41);
  const settings = { p: 0.2, passes: 60, epochs: 300, trainSize: 40, seed: 1 };
  const curve = monteCarloCurve(settings, xs);

  it('is reproducible for a seed', () => {
    expect(monteCarloCurve(settings, xs).mean).toEqual(curve.mean);
  });

  it('spreads more outside the training data than inside it', () => {
    const spread = uncertaintyInsideOutside(xs, curve.sd);
    expect(spread.outside).toBeGreaterThan(spread.inside);
    expect(describeMonteCarlo({ p: 0.2, passes: 60, seed: 1 }, spread)).toContain('with 60 passes at p = 0.20');
  });

  it('fits the data: inside [−1, 1] the mean is within 0.3 of the training targets on average', () => {
    let error = 0;
    for (let e = 0; e < curve.train.size; e++) {
      const x = curve.train.inputs[e]!;
      const i = Math.round(((x + 2) / 4) * (xs.length - 1));
      error += Math.abs(curve.mean[i]! - curve.train.targets[e]!);
    }
    expect(error / curve.train.size).toBeLessThan(0.3);
  });
});
