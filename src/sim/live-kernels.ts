import type { LiveBackward, LiveForward, LiveGradients, LiveUnits } from './layer-passes.ts';

/**
 * Kernels of a layer that only touch the units taking part in a pass. With inverted dropout
 * at p = 0.5 on both sides of a 64 × 64 layer, a training example needs about a quarter of
 * the products of the dense layer: a dropped input sends nothing, a dropped output is never
 * computed, and neither receives a gradient. Each example has its own mask, so the units are
 * listed per example.
 *
 * Weights are row-major [nIn][nOut]; the whole matrix of a small network fits in the first
 * cache level, so reading it by gathered indices costs about what reading it in order would.
 */

/** Lists for `maxBatch` examples of a layer of n units, from `i32` (on the heap unless given). */
export function liveUnits(
  maxBatch: number,
  n: number,
  i32: (length: number) => Int32Array = (length) => new Int32Array(length),
): LiveUnits {
  return { units: i32(maxBatch * n), counts: i32(maxBatch) };
}

/**
 * Lists the live units of examples start…end: those whose multiplier r is not 0, or every
 * unit when `r` is undefined.
 */
export function listLive(live: LiveUnits, r: Float64Array | undefined, start: number, end: number, n: number): void {
  const { units, counts } = live;
  for (let e = start; e < end; e++) {
    const row = e * n;
    let c = 0;
    if (r === undefined) for (; c < n; c++) units[row + c] = c;
    else
      for (let k = 0; k < n; k++) {
        // Written every time and kept by advancing the count: no branch to mispredict on a random
        // mask. Number(boolean) compiles to a flag read; the ternary `? 1 : 0` to a branch.
        units[row + c] = k;
        c += Number(r[row + k] !== 0);
      }
    counts[e] = c;
  }
}

/**
 * z = x · W + b for the live outputs of examples start…end, summing over live inputs only;
 * the other outputs get z = 0. Four outputs per block so each input read feeds four sums.
 */
export function forwardLive(pass: LiveForward, start: number, end: number): void {
  const { x, w, b, z, nIn, nOut, inputs, outputs } = pass;
  const ins = inputs.units;
  const outs = outputs.units;
  for (let e = start; e < end; e++) {
    const xRow = e * nIn;
    const zRow = e * nOut;
    const m = inputs.counts[e]!;
    const n = outputs.counts[e]!;
    z.fill(0, zRow, zRow + nOut);
    let t = 0;
    for (; t + 3 < n; t += 4) {
      const i0 = outs[zRow + t]!,
        i1 = outs[zRow + t + 1]!,
        i2 = outs[zRow + t + 2]!,
        i3 = outs[zRow + t + 3]!;
      let s0 = b[i0]!,
        s1 = b[i1]!,
        s2 = b[i2]!,
        s3 = b[i3]!;
      for (let c = 0; c < m; c++) {
        const j = ins[xRow + c]!;
        const u = x[xRow + j]!;
        const r = j * nOut;
        s0 += u * w[r + i0]!;
        s1 += u * w[r + i1]!;
        s2 += u * w[r + i2]!;
        s3 += u * w[r + i3]!;
      }
      z[zRow + i0] = s0;
      z[zRow + i1] = s1;
      z[zRow + i2] = s2;
      z[zRow + i3] = s3;
    }
    for (; t < n; t++) {
      const i = outs[zRow + t]!;
      let s = b[i]!;
      for (let c = 0; c < m; c++) {
        const j = ins[xRow + c]!;
        s += x[xRow + j]! * w[j * nOut + i]!;
      }
      z[zRow + i] = s;
    }
  }
}

/**
 * Packs the live upper δ of example e into `scratch`, in the order of its live outputs, so that
 * the loops over (input, output) pairs read it in order, and adds it to gb. Returns how many
 * outputs are live.
 */
function packUpper(pass: LiveGradients, e: number): number {
  const { upper, gb, scratch, nOut } = pass;
  const outs = pass.outputs.units;
  const row = e * nOut;
  const n = pass.outputs.counts[e]!;
  for (let t = 0; t < n; t++) {
    const i = outs[row + t]!;
    const d = upper[row + i]!;
    scratch[t] = d;
    gb[i]! += d;
  }
  return n;
}

/**
 * Adds the gradients of a layer's parameters over examples start…end: gW += xᵀ · δ and
 * gb += Σ δ, over live inputs and live outputs only (δ of any other output is 0). `scratch`
 * (length ≥ nOut) holds one example's live δ packed, read once per pair of inputs.
 */
export function gradientsLive(pass: LiveGradients, start: number, end: number): void {
  const { x, gw, nIn, nOut, scratch } = pass;
  const ins = pass.inputs.units;
  const outs = pass.outputs.units;
  for (let e = start; e < end; e++) {
    const n = packUpper(pass, e);
    const xRow = e * nIn;
    const dRow = e * nOut;
    const m = pass.inputs.counts[e]!;
    let c = 0;
    for (; c + 1 < m; c += 2) {
      const j0 = ins[xRow + c]!,
        j1 = ins[xRow + c + 1]!;
      const u0 = x[xRow + j0]!,
        u1 = x[xRow + j1]!;
      const r0 = j0 * nOut,
        r1 = j1 * nOut;
      for (let t = 0; t < n; t++) {
        const i = outs[dRow + t]!;
        const d = scratch[t]!;
        gw[r0 + i]! += u0 * d;
        gw[r1 + i]! += u1 * d;
      }
    }
    if (c < m) {
      const j = ins[xRow + c]!;
      const u = x[xRow + j]!;
      const r = j * nOut;
      for (let t = 0; t < n; t++) gw[r + outs[dRow + t]!]! += u * scratch[t]!;
    }
  }
}

/**
 * The backward pass through a layer above a hidden one, for examples start…end, in one walk
 * over the live (input, output) pairs: it adds gW += xᵀ · δ_upper and gb += Σ δ_upper, and
 * writes δ_lower = (δ_upper · Wᵀ) ⊙ factor ⊙ f′(z) for live lower units (0 for the others).
 * The factor is the unit's forward multiplier r, or `forgotten` for every unit when the
 * backward pass forgets the mask (then every unit is live). f′ is ReLU's step or tanh's 1 − a².
 * Each pair's weight index serves both the gradient and the sum, read once.
 */
export function backwardLive(pass: LiveBackward, start: number, end: number): void {
  const { x, w, gw, lower, r, z, a, nIn, nOut, forgotten, relu, scratch } = pass;
  const ins = pass.inputs.units;
  const outs = pass.outputs.units;
  // Two numbers rather than `forgotten ?? r[k]`, whose number-or-undefined would box every factor.
  const honoured = forgotten === undefined;
  const forgottenFactor = forgotten ?? 0;
  for (let e = start; e < end; e++) {
    const n = packUpper(pass, e);
    const row = e * nIn;
    const dRow = e * nOut;
    const m = pass.inputs.counts[e]!;
    lower.fill(0, row, row + nIn);
    // Four lower units per block: each packed δ read feeds four gradients and four sums.
    let c = 0;
    for (; c + 3 < m; c += 4) {
      const j0 = ins[row + c]!,
        j1 = ins[row + c + 1]!,
        j2 = ins[row + c + 2]!,
        j3 = ins[row + c + 3]!;
      const u0 = x[row + j0]!,
        u1 = x[row + j1]!,
        u2 = x[row + j2]!,
        u3 = x[row + j3]!;
      const r0 = j0 * nOut,
        r1 = j1 * nOut,
        r2 = j2 * nOut,
        r3 = j3 * nOut;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let t = 0; t < n; t++) {
        const i = outs[dRow + t]!;
        const d = scratch[t]!;
        s0 += d * w[r0 + i]!;
        s1 += d * w[r1 + i]!;
        s2 += d * w[r2 + i]!;
        s3 += d * w[r3 + i]!;
        gw[r0 + i]! += u0 * d;
        gw[r1 + i]! += u1 * d;
        gw[r2 + i]! += u2 * d;
        gw[r3 + i]! += u3 * d;
      }
      lower[row + j0] = s0;
      lower[row + j1] = s1;
      lower[row + j2] = s2;
      lower[row + j3] = s3;
    }
    for (; c < m; c++) {
      const j = ins[row + c]!;
      const u = x[row + j]!;
      const base = j * nOut;
      let s = 0;
      for (let t = 0; t < n; t++) {
        const i = outs[dRow + t]!;
        const d = scratch[t]!;
        s += d * w[base + i]!;
        gw[base + i]! += u * d;
      }
      lower[row + j] = s;
    }
    // Then the factor and f′ of every live unit.
    for (let c2 = 0; c2 < m; c2++) {
      const k = row + ins[row + c2]!;
      const derivative = relu ? Number(z[k]! > 0) : 1 - a[k]! * a[k]!;
      lower[k]! *= (honoured ? r[k]! : forgottenFactor) * derivative;
    }
  }
}
