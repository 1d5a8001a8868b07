import type { FixedLayer } from './layer-samples.ts';
import { Network } from './network.ts';
import { noDraws } from './random.ts';

/** One gradient step of one output unit fed by a layer under a fixed mask, seen in the test network. */
export interface TestStep {
  /** per input unit: how much the test network's weight moves (0 for a dropped unit) */
  weightSteps: Float64Array;
  /** how much the test network's output for these activations moves */
  outputStep: number;
}

/**
 * The same training example, mask and learning rate under classic and under inverted dropout,
 * on equivalent weights (inverted w′ = q·w computes the same training output as classic w), with
 * half the squared error to `target` as the loss. Returns each scheme's step as the test network
 * sees it: classic's test network uses q·w, inverted's uses w′. The course's `Network` computes
 * the gradients, with the masks set by hand.
 */
export function compareSteps(layer: FixedLayer, keep: Uint8Array, p: number, target: number, rate: number) {
  const q = 1 - p;
  const n = layer.activations.length;
  const step = (mode: 'classic' | 'inverted'): TestStep => {
    // One example on the page's main thread: the JavaScript kernels, with no module to compile.
    const network = new Network({ sizes: [n, 1], activation: 'tanh', output: 'linear-mse', maxBatch: 1 }, 'javascript');
    const scale = mode === 'inverted' ? q : 1;
    for (let j = 0; j < n; j++) network.weights[0]![j] = scale * layer.weights[j]!;
    network.biases[0]![0] = layer.bias;
    const r = network.multipliers[0]!;
    for (let j = 0; j < n; j++) r[j] = keep[j] === 1 ? (mode === 'inverted' ? 1 / q : 1) : 0;
    network.forward(layer.activations, 1, true, { mode, p: [p] }, NO_DRAWS, true);
    network.backward(Float64Array.of(target));
    // The test network's weight is q·w for classic and w′ itself for inverted.
    const testScale = mode === 'classic' ? q : 1;
    const weightSteps = network.weightGrads[0]!.map((g) => -rate * g * testScale);
    let outputStep = -rate * network.biasGrads[0]![0]!;
    for (let j = 0; j < n; j++) outputStep += weightSteps[j]! * layer.activations[j]!;
    return { weightSteps, outputStep };
  };
  return { classic: step('classic'), inverted: step('inverted') };
}

/** The masks are set by hand and reused, so nothing is drawn. */
const NO_DRAWS = noDraws('compareSteps draws no random numbers');
