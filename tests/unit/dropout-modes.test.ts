import { describe, expect, it } from 'vitest';
import { MISTAKE_MODES, trainTestRatio, type DropoutMode } from '../../src/sim/dropout.ts';
import { predictMonteCarlo } from '../../src/sim/monte-carlo.ts';
import { Network } from '../../src/sim/network.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';
import { binomialQuantile } from '../../src/sim/binomial.ts';
import { fillNormal } from '../../src/sim/sampling.ts';

/** A linear layer of 50 inputs to one output, dropout on its inputs at p. */
function linearLayer(p: number, mode: DropoutMode) {
  const network = new Network({ sizes: [50, 1], activation: 'tanh', output: 'linear-mse', maxBatch: 1 });
  network.initialize(new Pcg32(1, Stream.init));
  const input = new Float64Array(50);
  fillNormal(input, new Pcg32(2, Stream.data), 1, 0.5);
  return { network, input, dropout: { mode, p: [p] } };
}

/** Mean and standard deviation of the training-time output over `masks` masks, and the test output. */
function trainVersusTest(p: number, mode: DropoutMode, masks = 20_000) {
  const { network, input, dropout } = linearLayer(p, mode);
  const rng = new Pcg32(3, Stream.mask);
  let sum = 0;
  let sumSq = 0;
  for (let t = 0; t < masks; t++) {
    network.forward(input, 1, true, dropout, rng);
    const y = network.activations[1]![0]!;
    sum += y;
    sumSq += y * y;
  }
  const mean = sum / masks;
  const sd = Math.sqrt(sumSq / masks - mean * mean);
  network.forward(input, 1, false, dropout, rng);
  return { mean, sd, test: network.activations[1]![0]!, masks };
}

describe('expected training output against the test network', () => {
  // Bound: |mean − ratio·test| < 4·sd/√masks, four standard errors of the sample mean.
  it.each([
    ['inverted', 0.5],
    ['inverted', 0.2],
    ['classic', 0.5],
    ['classic', 0.3],
    ['gaussian', 0.5],
    ['scale-by-p', 0.2],
    ['double-scaling', 0.5],
  ] as const)('%s at p = %s: the mean matches the test output times the mode’s ratio', (mode, p) => {
    const { mean, sd, test, masks } = trainVersusTest(p, mode);
    const ratio = trainTestRatio(mode, p);
    expect(Math.abs(mean - ratio * test)).toBeLessThan((4 * sd) / Math.sqrt(masks));
  });

  it('correct modes preserve the expectation; each scaling mistake shows its wrong ratio', () => {
    for (const mode of ['none', 'inverted', 'classic', 'gaussian'] as const) expect(trainTestRatio(mode, 0.2)).toBe(1);
    expect(trainTestRatio('scale-by-p', 0.2)).toBeCloseTo(4, 12); // q/p: training sees 4× the test input
    expect(trainTestRatio('double-scaling', 0.5)).toBeCloseTo(2, 12); // 1/q: test sees half
    expect(MISTAKE_MODES).toContain('on-at-eval');
  });

  it('dropout left on at evaluation makes the test network random', () => {
    const { network, input, dropout } = linearLayer(0.5, 'on-at-eval');
    const rng = new Pcg32(4, Stream.mask);
    const outputs = new Set<number>();
    for (let t = 0; t < 20; t++) {
      network.forward(input, 1, false, dropout, rng);
      outputs.add(network.activations[1]![0]!);
    }
    expect(outputs.size).toBeGreaterThan(15);
    const correct = linearLayer(0.5, 'inverted');
    const fixed = new Set<number>();
    for (let t = 0; t < 5; t++) {
      correct.network.forward(correct.input, 1, false, correct.dropout, rng);
      fixed.add(correct.network.activations[1]![0]!);
    }
    expect(fixed.size).toBe(1);
  });

  it('drops a fraction of units within the Binomial(n, p) 1e-6 quantiles', () => {
    const network = new Network({ sizes: [64, 64, 1], activation: 'tanh', output: 'linear-mse', maxBatch: 200 });
    network.initialize(new Pcg32(5, Stream.init));
    const inputs = new Float64Array(200 * 64).fill(0.5);
    const rng = new Pcg32(6, Stream.mask);
    const units = 200 * 64;
    for (let t = 0; t < 20; t++) {
      network.forward(inputs, 200, true, { mode: 'inverted', p: [0.2, 0.5] }, rng);
      for (const [layer, p] of [
        [0, 0.2],
        [1, 0.5],
      ] as const) {
        const dropped = network.multipliers[layer]!.reduce((n, r) => n + (r === 0 ? 1 : 0), 0);
        expect(dropped).toBeGreaterThanOrEqual(binomialQuantile(1e-6, units, p));
        expect(dropped).toBeLessThanOrEqual(binomialQuantile(1 - 1e-6, units, p));
      }
    }
  });
});

describe('Monte Carlo dropout', () => {
  it('without dropout every pass agrees: variance 0, mean the test output', () => {
    const { network, input } = linearLayer(0, 'inverted');
    const mean = new Float64Array(1);
    const variance = new Float64Array(1);
    predictMonteCarlo(network, input, 1, { mode: 'inverted', p: [0] }, 10, new Pcg32(7, 4), mean, variance);
    network.forward(input, 1, false, { mode: 'none', p: [0] }, new Pcg32(7, 4));
    expect(variance[0]).toBe(0);
    expect(mean[0]).toBeCloseTo(network.activations[1]![0]!, 12);
  });

  it('with dropout the passes spread, and their mean estimates the test output within 4 sigma', () => {
    const { network, input, dropout } = linearLayer(0.5, 'classic');
    const passes = 5000;
    const mean = new Float64Array(1);
    const variance = new Float64Array(1);
    predictMonteCarlo(network, input, 1, dropout, passes, new Pcg32(8, 4), mean, variance);
    network.forward(input, 1, false, { mode: 'none', p: [0] }, new Pcg32(8, 4));
    const test = network.activations[1]![0]!;
    expect(variance[0]).toBeGreaterThan(0);
    expect(Math.abs(mean[0]! - test)).toBeLessThan((4 * Math.sqrt(variance[0]!)) / Math.sqrt(passes));
  });
});
