import type { DeltaPass, ForwardPass, GradientPass, SendPass, UnitListPass } from './passes.ts';

/**
 * The JavaScript kernels of a classifier's layers, in single precision: every sum, product and
 * quotient is rounded to float32 (`Math.fround`) exactly where wasm/classifier.wat's f32x4
 * instructions round, in the same order, so the two give the same bits. Rounding a double
 * result of two floats' sum, product, quotient or square root to float32 gives the float32
 * result itself (a double carries more than twice float32's digits), so each `fround` is one
 * float32 instruction.
 *
 * A unit that sends 0 is skipped whole: its row of weights is never read in the forward pass,
 * its row of gradients is written 0 without a product, and it gets no δ. Dropout makes a unit
 * send 0, and so do a ReLU at rest and a blank pixel, which the same lists skip.
 */

const fround = Math.fround;

/**
 * x = f(source) · 1/q where the mask keeps a unit and exactly 0 where it drops one (`scale` is
 * 1/q in float32), and each example's live units, those with x ≠ 0, with their values.
 */
export function send(pass: SendPass, batch: number, scale: number): void {
  const { source, mask, x, n, relu } = pass;
  const { units, counts, values } = pass.live;
  for (let e = 0; e < batch; e++) {
    const row = e * n;
    let c = 0;
    for (let k = 0; k < n; k++) {
      const v = relu ? Math.max(source[row + k]!, 0) : source[row + k]!;
      const s = mask[row + k] === 0 ? 0 : fround(v * scale);
      x[row + k] = s;
      // Written every time and kept by advancing the count: no branch on a random outcome.
      units[row + c] = k;
      values[row + c] = s;
      c += Number(s !== 0);
    }
    counts[e] = c;
  }
}

/**
 * Lists a layer's live (example, value) pairs by unit (see {@link UnitLists}), for the weight
 * gradients, which add up one unit's row over the examples in which it is live.
 */
export function listByUnit(pass: UnitListPass, batch: number): void {
  const { live, byUnit, n } = pass;
  const { starts, examples, values } = byUnit;
  starts.fill(0, 0, n + 1);
  for (let e = 0; e < batch; e++) {
    for (let c = e * n; c < e * n + live.counts[e]!; c++) starts[live.units[c]! + 1]!++;
  }
  for (let j = 0; j < n; j++) starts[j + 1]! += starts[j]!;
  // starts[j] serves as unit j's cursor, ending where unit j + 1 starts; then shifted back.
  for (let e = 0; e < batch; e++) {
    for (let c = e * n; c < e * n + live.counts[e]!; c++) {
      const at = starts[live.units[c]!]!++;
      examples[at] = e;
      values[at] = live.values[c]!;
    }
  }
  for (let j = n; j > 0; j--) starts[j] = starts[j - 1]!;
  starts[0] = 0;
}

/**
 * out[at + i] = init[i] + Σ_t coefficients[t] · matrix[rows[t] · n + i] for t = first … end − 1
 * and i < n: each sum starts from its init term and adds one rounded product at a time, in
 * order of t. The forward pass combines rows of weights, the weight gradients rows of δ. Four
 * outputs per block.
 */
function combineRows(
  out: Float32Array,
  at: number,
  init: Float32Array,
  coefficients: Float32Array,
  rows: Int32Array,
  first: number,
  end: number,
  matrix: Float32Array,
  n: number,
): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    let s0 = init[i]!,
      s1 = init[i + 1]!,
      s2 = init[i + 2]!,
      s3 = init[i + 3]!;
    for (let t = first; t < end; t++) {
      const u = coefficients[t]!;
      const r = rows[t]! * n + i;
      s0 = fround(s0 + fround(u * matrix[r]!));
      s1 = fround(s1 + fround(u * matrix[r + 1]!));
      s2 = fround(s2 + fround(u * matrix[r + 2]!));
      s3 = fround(s3 + fround(u * matrix[r + 3]!));
    }
    out[at + i] = s0;
    out[at + i + 1] = s1;
    out[at + i + 2] = s2;
    out[at + i + 3] = s3;
  }
  for (; i < n; i++) {
    let s = init[i]!;
    for (let t = first; t < end; t++) s = fround(s + fround(coefficients[t]! * matrix[rows[t]! * n + i]!));
    out[at + i] = s;
  }
}

/** z = b + Σ_j x_j · W_j for each example, over its live inputs j in ascending order. */
export function forward(pass: ForwardPass, batch: number): void {
  const { live, w, b, z, nIn, nOut } = pass;
  for (let e = 0; e < batch; e++) {
    combineRows(z, e * nOut, b, live.values, live.units, e * nIn, e * nIn + live.counts[e]!, w, nOut);
  }
}

/**
 * gW_j = Σ_e x_ej · δ_e over the examples in which input j is live (ascending, from 0; a row of
 * zeros for an input live in none), and gb = Σ_e δ_e over every example.
 */
export function gradients(pass: GradientPass, batch: number): void {
  const { delta, gw, gb, zeros, nIn, nOut } = pass;
  const { starts, examples, values } = pass.byUnit;
  for (let j = 0; j < nIn; j++)
    combineRows(gw, j * nOut, zeros, values, examples, starts[j]!, starts[j + 1]!, delta, nOut);
  for (let i = 0; i < nOut; i++) {
    let s = 0;
    for (let e = 0; e < batch; e++) s = fround(s + delta[e * nOut + i]!);
    gb[i] = s;
  }
}

/**
 * δ_lower of each live unit j: the dot product of W_j with δ_upper, times `scale` (1/q). The dot
 * product runs as SIMD does: four partial sums, lane k over outputs i ≡ k (mod 4) of the whole
 * blocks of four, added as (s0 + s1) + (s2 + s3), then the remaining outputs one at a time.
 */
export function deltas(pass: DeltaPass, batch: number, scale: number): void {
  const { upper, w, lower, nIn, nOut } = pass;
  const { units, counts } = pass.live;
  const blocks = nOut & ~3;
  for (let e = 0; e < batch; e++) {
    const row = e * nIn;
    const dRow = e * nOut;
    lower.fill(0, row, row + nIn);
    for (let c = 0; c < counts[e]!; c++) {
      const j = units[row + c]!;
      const r = j * nOut;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      let i = 0;
      for (; i < blocks; i += 4) {
        s0 = fround(s0 + fround(upper[dRow + i]! * w[r + i]!));
        s1 = fround(s1 + fround(upper[dRow + i + 1]! * w[r + i + 1]!));
        s2 = fround(s2 + fround(upper[dRow + i + 2]! * w[r + i + 2]!));
        s3 = fround(s3 + fround(upper[dRow + i + 3]! * w[r + i + 3]!));
      }
      let s = fround(fround(s0 + s1) + fround(s2 + s3));
      for (; i < nOut; i++) s = fround(s + fround(upper[dRow + i]! * w[r + i]!));
      lower[row + j] = fround(s * scale);
    }
  }
}
