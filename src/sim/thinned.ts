import { Network } from './network.ts';
import { noDraws, type Rng } from './random.ts';

/**
 * How the units a mask keeps are scaled in the neuron-toggling picture:
 * - `none`: kept units pass a unchanged (training without scaling);
 * - `inverted`: kept units pass a/q (inverted dropout's training pass);
 * - `classic-test`: the test network of classic dropout, every unit present and scaled by q
 *   (the mask plays no part).
 */
export type ThinnedScaling = 'none' | 'inverted' | 'classic-test';

/** The scalings, for validating input. */
export const THINNED_SCALINGS: readonly ThinnedScaling[] = ['none', 'inverted', 'classic-test'];

/** The toggling network: 3 inputs, hidden layers of 6 and 4 tanh units, one sigmoid output. */
export const THINNED_SIZES = [3, 6, 4, 1] as const;

/** Hidden units in the toggling network; a mask has one bit for each. */
export const THINNED_HIDDEN = THINNED_SIZES[1] + THINNED_SIZES[2];

/** The input the toggling network is shown with. */
export const THINNED_INPUT = Float64Array.of(0.8, -0.4, 1.2);

/** Number of different thinned networks a mask over `hidden` units can pick: 2^hidden. */
export function thinnedNetworkCount(hidden: number): number {
  return 2 ** hidden;
}

/** The toggling network with weights drawn from `rng` (Glorot) and biases 0.1. */
export function thinnedNetwork(rng: Rng): Network {
  // One example on the page's main thread: the JavaScript kernels, with no module to compile.
  const network = new Network(
    { sizes: THINNED_SIZES, activation: 'tanh', output: 'sigmoid-bce', maxBatch: 1 },
    'javascript',
  );
  network.initialize(rng);
  for (const b of network.biases) b.fill(0.1);
  return network;
}

/**
 * The factor a hidden unit's activation is multiplied by under `scaling` at drop probability p:
 * 0 for a dropped unit, 1 or 1/q for a kept one, and q for every unit of the classic test network.
 */
export function thinnedFactor(kept: boolean, p: number, scaling: ThinnedScaling): number {
  const q = 1 - p;
  if (scaling === 'classic-test') return q;
  if (!kept) return 0;
  return scaling === 'inverted' ? 1 / q : 1;
}

/** One layer's numbers after a pass: pre-activations z, activations a, and what each unit sends on. */
export interface LayerState {
  z: Float64Array;
  a: Float64Array;
  sent: Float64Array;
}

/**
 * Runs the network on {@link THINNED_INPUT} with the hidden units kept where `mask` is 1
 * (hidden units in order, first layer first), scaled as `scaling` says, and returns every
 * layer's numbers. The network's own forward pass does the work, with its multipliers set
 * from the mask.
 */
export function thinnedPass(network: Network, mask: Uint8Array, p: number, scaling: ThinnedScaling): LayerState[] {
  let bit = 0;
  for (let l = 1; l < network.layers; l++) {
    const r = network.multipliers[l]!;
    for (let i = 0; i < r.length; i++) r[i] = thinnedFactor(mask[bit++] === 1, p, scaling);
  }
  network.multipliers[0]!.fill(1);
  // Masks are set by hand above and reused; the mode only tells the pass that zeros are drops.
  const dropout = { mode: 'classic' as const, p: network.weights.map((_, l) => (l === 0 ? 0 : Math.max(p, 1e-9))) };
  network.forward(THINNED_INPUT, 1, true, dropout, NO_RANDOMNESS, true);
  return network.activations.map((a, l) => ({
    z: network.preActivations[l]!.slice(),
    a: a.slice(),
    sent: l < network.layers ? network.dropped[l]!.slice() : a.slice(),
  }));
}

/** The pass reuses masks, so it never draws. */
const NO_RANDOMNESS = noDraws('the thinned pass draws no random numbers');
