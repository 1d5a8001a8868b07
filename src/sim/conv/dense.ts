import type { Floats } from './shape.ts';

/**
 * A fully connected layer z = b + x · W for each example, with W row-major [nIn][nOut] as the digit
 * classifier stores it, x [batch][nIn], b [nOut] and z [batch][nOut].
 */

/** The sizes of one dense layer. */
export interface DenseSize {
  /** examples in the batch */
  readonly batch: number;
  /** inputs per example */
  readonly nIn: number;
  /** outputs per example */
  readonly nOut: number;
}

/** z = b + x · W. An input that is exactly 0 (a dropped map, a ReLU at rest) skips its row of W. */
export function denseForward({ batch, nIn, nOut }: DenseSize, x: Floats, w: Floats, b: Floats, z: Floats): void {
  for (let e = 0; e < batch; e++) {
    const row = e * nOut;
    for (let i = 0; i < nOut; i++) z[row + i] = b[i]!;
    for (let j = 0; j < nIn; j++) {
      const v = x[e * nIn + j]!;
      if (v === 0) continue;
      for (let i = 0; i < nOut; i++) z[row + i]! += v * w[j * nOut + i]!;
    }
  }
}

/**
 * From δ = ∂L/∂z ([batch][nOut]): ∂L/∂W = Σ_e x_eᵀ δ_e into `gw` ([nIn][nOut]), ∂L/∂b = Σ_e δ_e
 * into `gb` ([nOut]) and ∂L/∂x = δ · Wᵀ into `dx` ([batch][nIn]).
 */
export function denseBackward(
  { batch, nIn, nOut }: DenseSize,
  x: Floats,
  w: Floats,
  delta: Floats,
  gw: Floats,
  gb: Floats,
  dx: Floats,
): void {
  gw.fill(0, 0, nIn * nOut);
  gb.fill(0, 0, nOut);
  for (let e = 0; e < batch; e++) {
    const row = e * nOut;
    for (let i = 0; i < nOut; i++) gb[i]! += delta[row + i]!;
    for (let j = 0; j < nIn; j++) {
      const v = x[e * nIn + j]!;
      let sum = 0;
      for (let i = 0; i < nOut; i++) {
        sum += w[j * nOut + i]! * delta[row + i]!;
        if (v !== 0) gw[j * nOut + i]! += v * delta[row + i]!;
      }
      dx[e * nIn + j] = sum;
    }
  }
}
