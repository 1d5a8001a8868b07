/**
 * Masks on a weight matrix, row-major [output][input], 1 kept and 0 dropped at drop probability p.
 * Unit dropout on a layer's inputs silences an input for every unit it feeds: in the weight
 * matrix, a whole column at once. DropConnect (Wan, Zeiler, Zhang, LeCun and Fergus, "Regularization
 * of Neural Networks using DropConnect", ICML 2013) draws a coin for every weight instead.
 */
import { type Rng } from './random.ts';
import { fillBernoulliMask } from './sampling.ts';

/** Unit dropout of the inputs as a weight mask: one coin per input, repeated down its column. */
export function unitWeightMask(outputs: number, inputs: number, p: number, rng: Rng): Uint8Array {
  const keep = new Uint8Array(inputs);
  fillBernoulliMask(keep, 1 - p, rng);
  return Uint8Array.from({ length: outputs * inputs }, (_, i) => keep[i % inputs]!);
}

/** DropConnect's weight mask: one coin per weight. */
export function dropConnectMask(outputs: number, inputs: number, p: number, rng: Rng): Uint8Array {
  const mask = new Uint8Array(outputs * inputs);
  fillBernoulliMask(mask, 1 - p, rng);
  return mask;
}

/** log₂ of how many different masks each scheme can draw: one bit per input, or one per weight. */
export function maskBits(outputs: number, inputs: number): { unit: number; dropConnect: number } {
  return { unit: inputs, dropConnect: outputs * inputs };
}
