import type { Floats } from './shape.ts';

/**
 * The pointwise steps between the convolution and the pooling: the ReLU and the dropout mask.
 * Each works on the first `count` numbers of flat arrays, in any layout, e.g.
 * [batch][channel][row][col].
 */

/** a = max(z, 0). */
export function reluForward(z: Floats, a: Floats, count: number): void {
  for (let k = 0; k < count; k++) a[k] = Math.max(z[k]!, 0);
}

/** ∂L/∂z = ∂L/∂a where z > 0, else 0 (the subgradient 0 at z = 0). */
export function reluBackward(z: Floats, da: Floats, dz: Floats, count: number): void {
  for (let k = 0; k < count; k++) dz[k] = z[k]! > 0 ? da[k]! : 0;
}

/**
 * Inverted dropout: out = a · scale where the mask keeps (1) and exactly 0 where it drops (0);
 * `scale` is 1/q in training. Serves forward (a the activations) and backward (a = ∂L/∂out gives
 * ∂L/∂a, through the same mask and the same 1/q).
 */
export function applyMask(a: Floats, mask: Uint8Array, scale: number, out: Floats, count: number): void {
  for (let k = 0; k < count; k++) out[k] = mask[k] === 0 ? 0 : a[k]! * scale;
}
