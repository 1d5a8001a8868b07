import { afterEach, describe, expect, it, vi } from 'vitest';
import { DROPOUT_MODES, type DropoutMode } from '../../src/sim/dropout.ts';
import type { KernelChoice } from '../../src/sim/network-memory.ts';
import { Network, type Activation, type NetworkShape } from '../../src/sim/network.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';
import { fillNormal } from '../../src/sim/sampling.ts';

interface Run {
  shape: NetworkShape;
  mode: DropoutMode;
  p: number[];
  batch: number;
}

/**
 * Trains a network of `run` for `steps` plain gradient steps (forward, backward, w −= 0.05·g)
 * on seeded data, and returns it with every loss on the way.
 */
function train(run: Run, kernels: KernelChoice, steps: number, NetworkClass = Network) {
  const { shape, mode, p, batch } = run;
  const network = new NetworkClass(shape, kernels);
  network.initialize(new Pcg32(3, Stream.init));
  const data = new Pcg32(4, Stream.data);
  const inputs = new Float64Array(batch * shape.sizes[0]!);
  fillNormal(inputs, data);
  const targets = Float64Array.from({ length: batch * shape.sizes.at(-1)! }, (_, k) => ((k * 7) % 3 === 0 ? 1 : 0));
  const masks = new Pcg32(5, Stream.mask);
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    network.forward(inputs, batch, true, { mode, p }, masks);
    losses.push(network.loss(targets));
    network.backward(targets, 1e-3);
    network.weights.forEach((w, l) => w.forEach((v, k) => (w[k] = v - 0.05 * network.weightGrads[l]![k]!)));
    network.biases.forEach((b, l) => b.forEach((v, k) => (b[k] = v - 0.05 * network.biasGrads[l]![k]!)));
  }
  return { network, losses };
}

/** Every number of the two networks' parameters, gradients and last pass, in one list. */
function state(network: Network): number[] {
  const groups = [network.weights, network.biases, network.weightGrads, network.biasGrads];
  const pass = [network.activations, network.preActivations, network.deltas, network.multipliers, network.dropped];
  return [...groups, ...pass].flatMap((arrays) => arrays.flatMap((array) => [...array]));
}

/** Indices where two lists differ bit for bit (−0 differs from 0; NaN equals NaN). */
const differences = (a: number[], b: number[]) => a.flatMap((v, k) => (Object.is(v, b[k]) ? [] : [k]));

const shape = (sizes: number[], activation: Activation, maxBatch: number): NetworkShape => ({
  sizes,
  activation,
  output: 'sigmoid-bce',
  maxBatch,
});

describe('the WebAssembly kernels of a network', () => {
  it('run the training passes of a network in this engine, in one memory', () => {
    const network = new Network(shape([2, 64, 64, 1], 'tanh', 200));
    expect(network.kernels).toBe('webassembly');
    const buffers = new Set([...network.weights, ...network.activations, ...network.deltas].map((a) => a.buffer));
    expect(buffers.size).toBe(1);
    expect(new Network(shape([2, 8, 1], 'tanh', 4), 'javascript').kernels).toBe('javascript');
  });

  // Odd widths leave partial blocks on both sides; 200 examples span several chunks. Without
  // dropout (none, gaussian) every layer takes the dense pass: 64, 16 and 8 outputs fill its
  // blocks of eight, 7, 13 and 2 leave pairs and an odd one.
  const runs: [string, Run][] = [
    [
      'the reference task, inverted, tanh',
      { shape: shape([2, 64, 64, 1], 'tanh', 200), mode: 'inverted', p: [0, 0.5, 0.5], batch: 200 },
    ],
    ...DROPOUT_MODES.map((mode): [string, Run] => [
      `${mode}, ReLU, odd widths`,
      { shape: shape([3, 7, 13, 2], 'relu', 40), mode, p: [0.2, 0.5, 0.3], batch: 37 },
    ]),
    [
      'the reference network without dropout, as the lab pairs it',
      { shape: shape([2, 64, 64, 1], 'tanh', 200), mode: 'none', p: [0, 0, 0], batch: 200 },
    ],
    [
      'gaussian, tanh, widths of 16 and 8',
      { shape: shape([4, 16, 8, 1], 'tanh', 20), mode: 'gaussian', p: [0.2, 0.5, 0.5], batch: 20 },
    ],
    [
      'no-backward-mask, tanh',
      { shape: shape([4, 10, 9, 1], 'tanh', 24), mode: 'no-backward-mask', p: [0.1, 0.4, 0.6], batch: 24 },
    ],
    [
      'inverted, tanh, p = 0.9',
      { shape: shape([5, 9, 6, 1], 'tanh', 33), mode: 'inverted', p: [0.9, 0.9, 0.9], batch: 33 },
    ],
  ];
  it.each(runs)('give the same bits as the JavaScript kernels over 12 steps: %s', (_, run) => {
    const wasm = train(run, 'webassembly', 12);
    const js = train(run, 'javascript', 12);
    expect(wasm.network.kernels).toBe('webassembly');
    expect(js.network.kernels).toBe('javascript');
    expect(differences(wasm.losses, js.losses)).toEqual([]);
    expect(differences(state(wasm.network), state(js.network))).toEqual([]);
    // The run really trained: the loss moved.
    expect(js.losses.at(-1)).not.toBe(js.losses[0]);
  });

  it('give the same bits on reused masks, and on a backward pass after an evaluation pass', () => {
    const run: Run = { shape: shape([3, 12, 11, 2], 'relu', 40), mode: 'inverted', p: [0.2, 0.5, 0.5], batch: 40 };
    const wasm = train(run, 'webassembly', 3).network;
    const js = train(run, 'javascript', 3).network;
    expect(wasm.kernels).toBe('webassembly');
    const inputs = Float64Array.from({ length: 40 * 3 }, (_, k) => Math.cos(k));
    const targets = Float64Array.from({ length: 40 * 2 }, (_, k) => k % 2);
    const passes: [string, boolean, boolean][] = [
      ['reused masks', true, true],
      ['evaluation', false, false],
    ];
    for (const [name, training, reuse] of passes) {
      for (const network of [wasm, js]) {
        network.forward(inputs, 40, training, { mode: run.mode, p: run.p }, new Pcg32(9, Stream.mask), reuse);
        network.backward(targets);
      }
      expect(differences(state(wasm), state(js)), name).toEqual([]);
    }
  });
});

describe('where the engine refuses a memory', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  /** WebAssembly as it is, except that instantiating throws `error`. */
  function refusing(error: Error) {
    const { validate, Module } = WebAssembly;
    return {
      validate,
      Module,
      // A constructor function: `new` on it throws, as the engine's Instance does when refused.
      Instance: function Instance() {
        throw error;
      },
    };
  }

  it('a network falls back to the JavaScript kernels when out of memory; other failures are not hidden', async () => {
    vi.stubGlobal('WebAssembly', refusing(new RangeError('WebAssembly.Instance(): Out of memory')));
    vi.resetModules();
    const { Network: Refused } = await import('../../src/sim/network.ts');
    expect(new Refused(shape([2, 8, 1], 'tanh', 4)).kernels).toBe('javascript');
    vi.stubGlobal('WebAssembly', refusing(new TypeError('a missing import')));
    vi.resetModules();
    const { Network: Broken } = await import('../../src/sim/network.ts');
    expect(() => new Broken(shape([2, 8, 1], 'tanh', 4))).toThrow(TypeError);
  });
});

describe('without WebAssembly', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('networks run the JavaScript kernels, and train to the same bits', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    vi.resetModules();
    const { Network: Unassisted } = await import('../../src/sim/network.ts');
    const run: Run = { shape: shape([2, 16, 16, 1], 'tanh', 20), mode: 'inverted', p: [0, 0.5, 0.5], batch: 20 };
    const fallback = train(run, 'webassembly', 5, Unassisted);
    expect(fallback.network.kernels).toBe('javascript');
    vi.unstubAllGlobals();
    const wasm = train(run, 'webassembly', 5);
    expect(wasm.network.kernels).toBe('webassembly');
    expect(differences(state(fallback.network), state(wasm.network))).toEqual([]);
  });
});
