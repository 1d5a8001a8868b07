import type { ConstrainPass, UpdatePass } from './passes.ts';

/**
 * The JavaScript kernels of a classifier's update, in single precision, rounding where
 * wasm/classifier.wat's f32x4 instructions round (see kernels.ts): SGD with momentum, and the
 * max-norm constraint. Every parameter is updated on its own, so the vector lanes and these
 * loops give the same bits.
 */

const fround = Math.fround;

/** v ← μ·v − η·g, then w ← w + v, for every parameter of the group; η and μ in float32. */
export function update(pass: UpdatePass, learningRate: number, momentum: number): void {
  const { values, grads, velocity } = pass;
  const rate = fround(learningRate);
  const mu = fround(momentum);
  for (let k = 0; k < values.length; k++) {
    const v = fround(fround(mu * velocity[k]!) - fround(rate * grads[k]!));
    velocity[k] = v;
    values[k] = fround(values[k]! + v);
  }
}

/**
 * Scales each column of W (an upper unit's incoming weights) whose norm exceeds c back to
 * norm c (Srivastava et al. 2014, section 5.1): w ← w · c/‖w‖. The squares are added up row by
 * row, each column on its own; c in float32.
 */
export function constrain(pass: ConstrainPass, maxNorm: number): void {
  const { w, sums, nIn, nOut } = pass;
  const c = fround(maxNorm);
  sums.fill(0, 0, nOut);
  for (let j = 0; j < nIn; j++) {
    const row = j * nOut;
    for (let i = 0; i < nOut; i++) sums[i] = fround(sums[i]! + fround(w[row + i]! * w[row + i]!));
  }
  let over = false;
  for (let i = 0; i < nOut; i++) {
    const norm = fround(Math.sqrt(sums[i]!));
    over ||= norm > c;
    sums[i] = norm > c ? fround(c / norm) : 1;
  }
  if (!over) return;
  for (let j = 0; j < nIn; j++) {
    const row = j * nOut;
    for (let i = 0; i < nOut; i++) w[row + i] = fround(w[row + i]! * sums[i]!);
  }
}
