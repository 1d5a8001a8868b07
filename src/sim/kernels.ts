/**
 * The two dense products of a layer, on row-major typed arrays. Both walk the inputs of
 * each example and skip an input that is exactly 0, which is how a dropped unit costs
 * nothing: its whole row of weights is never read.
 */

/**
 * z = x · W + b for `batch` examples: x [batch][nIn], W [nIn][nOut], b [nOut], z [batch][nOut].
 */
export function affineForward(
  x: Float64Array,
  w: Float64Array,
  b: Float64Array,
  z: Float64Array,
  batch: number,
  nIn: number,
  nOut: number,
): void {
  for (let e = 0; e < batch; e++) {
    const zRow = e * nOut;
    for (let i = 0; i < nOut; i++) z[zRow + i] = b[i]!;
    const xRow = e * nIn;
    for (let j = 0; j < nIn; j++) {
      const xj = x[xRow + j]!;
      if (xj === 0) continue;
      const wRow = j * nOut;
      for (let i = 0; i < nOut; i++) z[zRow + i]! += w[wRow + i]! * xj;
    }
  }
}

/**
 * Adds the gradients of a layer's parameters over `batch` examples: gW += xᵀ · δ and
 * gb += Σ δ, for x [batch][nIn] and δ = ∂loss/∂z [batch][nOut].
 */
export function accumulateGradients(
  x: Float64Array,
  delta: Float64Array,
  gw: Float64Array,
  gb: Float64Array,
  batch: number,
  nIn: number,
  nOut: number,
): void {
  for (let e = 0; e < batch; e++) {
    const dRow = e * nOut;
    for (let i = 0; i < nOut; i++) gb[i]! += delta[dRow + i]!;
    const xRow = e * nIn;
    for (let j = 0; j < nIn; j++) {
      const xj = x[xRow + j]!;
      if (xj === 0) continue;
      const wRow = j * nOut;
      for (let i = 0; i < nOut; i++) gw[wRow + i]! += xj * delta[dRow + i]!;
    }
  }
}
