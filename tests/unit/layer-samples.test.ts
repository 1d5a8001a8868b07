import { describe, expect, it } from 'vitest';
import { DROPOUT_MODES, fillTrainingMultipliers, type DropoutMode } from '../../src/sim/dropout.ts';
import {
  exampleLayer,
  multiplierMoments,
  samplePreActivations,
  testPreActivation,
  trainingMoments,
} from '../../src/sim/layer-samples.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';

const N = 40_000;
const layer = exampleLayer(new Pcg32(1, Stream.data));

function moments(values: Float64Array) {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

describe.each(DROPOUT_MODES.map((mode) => [mode]))('mode %s at p = 0.3', (mode: DropoutMode) => {
  const p = 0.3;

  it('multiplier moments match the multipliers the network draws (4 standard errors)', () => {
    const r = new Float64Array(N);
    fillTrainingMultipliers(r, N, mode, p, new Pcg32(2, Stream.mask));
    const sampled = moments(r);
    const exact = multiplierMoments(mode, p);
    expect(Math.abs(sampled.mean - exact.mean)).toBeLessThanOrEqual(4 * Math.sqrt(exact.variance / N) + 1e-12);
    // Variance of a sample variance is below 2σ⁴/(N−1) + the fourth-moment term; 10 % is > 10 SE here.
    expect(sampled.variance).toBeCloseTo(exact.variance, exact.variance === 0 ? 12 : 1);
  });

  it('the sampled pre-activations have the exact training mean (4 standard errors) and variance (within 5 %)', () => {
    const values = new Float64Array(N);
    samplePreActivations(layer, mode, p, new Pcg32(3, Stream.mask), values);
    const exact = trainingMoments(layer, mode, p);
    const sampled = moments(values);
    // 1e-9 absorbs rounding in sums of 40 000 terms when the variance is 0.
    expect(Math.abs(sampled.mean - exact.mean)).toBeLessThanOrEqual(4 * Math.sqrt(exact.variance / N) + 1e-9);
    // The relative standard error of a variance from 40 000 samples is about 1 %: 5 % is about 5 of them.
    if (exact.variance === 0) expect(sampled.variance).toBeLessThan(1e-20);
    else expect(Math.abs(sampled.variance / exact.variance - 1)).toBeLessThan(0.05);
  });
});

describe('the test network', () => {
  it('computes the training mean for every correct mode', () => {
    for (const mode of ['none', 'inverted', 'classic', 'gaussian', 'no-backward-mask'] as const) {
      expect(testPreActivation(layer, mode, 0.4)).toBeCloseTo(trainingMoments(layer, mode, 0.4).mean, 12);
    }
  });

  it('is off by the mistake’s factor, or random when dropout stays on', () => {
    const sum = layer.weights.reduce((s, w, j) => s + w * layer.activations[j]!, 0);
    const p = 0.2;
    expect(trainingMoments(layer, 'scale-by-p', p).mean - layer.bias).toBeCloseTo((0.8 / 0.2) * sum, 10);
    expect(testPreActivation(layer, 'scale-by-p', p)! - layer.bias).toBeCloseTo(sum, 10);
    expect(testPreActivation(layer, 'double-scaling', p)! - layer.bias).toBeCloseTo(0.8 * sum, 10);
    expect(testPreActivation(layer, 'on-at-eval', p)).toBeUndefined();
  });
});
