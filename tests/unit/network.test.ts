import { describe, expect, it } from 'vitest';
import { DROPOUT_MODES, type DropoutMode } from '../../src/sim/dropout.ts';
import { Network, type Activation, type DropoutSettings, type OutputLoss } from '../../src/sim/network.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';
import { fillNormal } from '../../src/sim/sampling.ts';

const BATCH = 4;
const SIZES = [3, 6, 5, 2];
const L2 = 0.01;

function setup(activation: Activation, output: OutputLoss) {
  const network = new Network({ sizes: SIZES, activation, output, maxBatch: BATCH });
  network.initialize(new Pcg32(11, Stream.init));
  // Non-zero biases, so ReLU units sit away from their kink.
  const data = new Pcg32(12, Stream.data);
  for (const b of network.biases) fillNormal(b, data, 0.1, 0.3);
  const inputs = new Float64Array(BATCH * 3);
  fillNormal(inputs, data);
  const targets = new Float64Array(BATCH * 2);
  for (let k = 0; k < targets.length; k++) targets[k] = output === 'sigmoid-bce' ? k % 2 : Math.sin(k);
  return { network, inputs, targets };
}

/** The training objective: data loss plus (λ/2)·Σw². */
function objective(network: Network, targets: Float64Array): number {
  let penalty = 0;
  for (const w of network.weights) for (const v of w) penalty += v * v;
  return network.loss(targets) + 0.5 * L2 * penalty;
}

/**
 * Largest relative error between the backward pass and central finite differences over
 * every weight and bias, with the dropout masks held fixed.
 */
function gradientError(activation: Activation, output: OutputLoss, mode: DropoutMode): number {
  const { network, inputs, targets } = setup(activation, output);
  const dropout: DropoutSettings = { mode, p: [0.2, 0.5, 0.3] };
  const masks = new Pcg32(13, Stream.mask);
  network.forward(inputs, BATCH, true, dropout, masks);
  network.backward(targets, L2);
  const eps = 1e-6;
  let worst = 0;
  const groups = [
    ...network.weights.map((values, l) => ({ values, grads: network.weightGrads[l] ?? values })),
    ...network.biases.map((values, l) => ({ values, grads: network.biasGrads[l] ?? values })),
  ];
  for (const { values, grads } of groups) {
    for (let k = 0; k < values.length; k++) {
      const original = values[k] ?? 0;
      values[k] = original + eps;
      network.forward(inputs, BATCH, true, dropout, masks, true);
      const up = objective(network, targets);
      values[k] = original - eps;
      network.forward(inputs, BATCH, true, dropout, masks, true);
      const down = objective(network, targets);
      values[k] = original;
      const numeric = (up - down) / (2 * eps);
      const analytic = grads[k] ?? Number.NaN;
      worst = Math.max(worst, Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), 1e-6));
    }
  }
  return worst;
}

describe('backward pass against finite differences (Float64, masks held fixed)', () => {
  // every mode whose backward pass is meant to be right
  const modes = DROPOUT_MODES.filter((mode) => mode !== 'no-backward-mask');
  for (const activation of ['tanh', 'relu'] as const) {
    for (const output of ['sigmoid-bce', 'linear-mse'] as const) {
      it.each(modes)(`${activation} + ${output}, dropout %s: relative error < 1e-4`, (mode) => {
        expect(gradientError(activation, output, mode)).toBeLessThan(1e-4);
      });
    }
  }

  it('the mistake of forgetting the mask in the backward pass gives wrong gradients', () => {
    expect(gradientError('tanh', 'sigmoid-bce', 'no-backward-mask')).toBeGreaterThan(0.1);
  });
});

describe('forward pass', () => {
  it('is deterministic for a seed, and masks differ between seeds', () => {
    const { network, inputs } = setup('tanh', 'sigmoid-bce');
    const dropout: DropoutSettings = { mode: 'inverted', p: [0, 0.5, 0.5] };
    const run = (seed: number) => {
      network.forward(inputs, BATCH, true, dropout, new Pcg32(seed, Stream.mask));
      return Float64Array.from(network.activations[3] ?? []);
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });

  it('skips dropped units: their activations are not computed and they send nothing', () => {
    const { network, inputs } = setup('tanh', 'sigmoid-bce');
    network.forward(inputs, BATCH, true, { mode: 'inverted', p: [0, 0.5, 0.5] }, new Pcg32(3, Stream.mask));
    const r = network.multipliers[1] ?? new Float64Array();
    const a = network.activations[1] ?? new Float64Array();
    const sent = network.dropped[1] ?? new Float64Array();
    let dropped = 0;
    for (let k = 0; k < BATCH * 6; k++) {
      if (r[k] === 0) {
        dropped++;
        expect(a[k]).toBe(0);
        expect(sent[k]).toBe(0);
      } else {
        expect(r[k]).toBe(2);
        expect(sent[k]).toBeCloseTo((a[k] ?? 0) * 2, 15);
      }
    }
    expect(dropped).toBeGreaterThan(0);
  });

  it('rejects a batch larger than the buffers and malformed sizes', () => {
    const { network, inputs } = setup('tanh', 'sigmoid-bce');
    expect(() => network.forward(inputs, BATCH + 1, false, { mode: 'none', p: [0, 0, 0] }, new Pcg32(1, 1))).toThrow(
      /batch must be/,
    );
    expect(() => new Network({ sizes: [3], activation: 'tanh', output: 'linear-mse', maxBatch: 1 })).toThrow(/sizes/);
  });
});
