import type { AffinePass, LiveUnits } from './layer-passes.ts';

/**
 * Dense kernels of a layer on row-major typed arrays, for passes in which every unit takes
 * part (evaluation, and training without dropout on either side of a layer). They work on
 * the examples start…end of a batch so that a large batch can be walked in chunks that stay
 * in cache.
 */

/**
 * z = x · W + b for examples start…end: x [batch][nIn], W [nIn][nOut], b [nOut], z [batch][nOut].
 * Two examples and four outputs per block: each weight read feeds two products and each input
 * four, with eight running sums held in registers instead of stored after every product.
 */
export function affineForward(pass: AffinePass, start: number, end: number): void {
  const { x, w, b, z, nIn, nOut } = pass;
  let e = start;
  for (; e + 1 < end; e += 2) {
    const x0 = e * nIn;
    const x1 = x0 + nIn;
    const z0 = e * nOut;
    const z1 = z0 + nOut;
    let i = 0;
    for (; i + 3 < nOut; i += 4) {
      let s0 = b[i]!,
        s1 = b[i + 1]!,
        s2 = b[i + 2]!,
        s3 = b[i + 3]!;
      let t0 = s0,
        t1 = s1,
        t2 = s2,
        t3 = s3;
      for (let j = 0, r = i; j < nIn; j++, r += nOut) {
        const u = x[x0 + j]!;
        const v = x[x1 + j]!;
        const w0 = w[r]!,
          w1 = w[r + 1]!,
          w2 = w[r + 2]!,
          w3 = w[r + 3]!;
        s0 += u * w0;
        s1 += u * w1;
        s2 += u * w2;
        s3 += u * w3;
        t0 += v * w0;
        t1 += v * w1;
        t2 += v * w2;
        t3 += v * w3;
      }
      z[z0 + i] = s0;
      z[z0 + i + 1] = s1;
      z[z0 + i + 2] = s2;
      z[z0 + i + 3] = s3;
      z[z1 + i] = t0;
      z[z1 + i + 1] = t1;
      z[z1 + i + 2] = t2;
      z[z1 + i + 3] = t3;
    }
    for (; i < nOut; i++) {
      let s = b[i]!;
      let t = s;
      for (let j = 0, r = i; j < nIn; j++, r += nOut) {
        s += x[x0 + j]! * w[r]!;
        t += x[x1 + j]! * w[r]!;
      }
      z[z0 + i] = s;
      z[z1 + i] = t;
    }
  }
  if (e < end) {
    const x0 = e * nIn;
    const z0 = e * nOut;
    for (let i = 0; i < nOut; i++) {
      let s = b[i]!;
      for (let j = 0, r = i; j < nIn; j++, r += nOut) s += x[x0 + j]! * w[r]!;
      z[z0 + i] = s;
    }
  }
}

// e^x = 2^(k/32) · e^r with k = round(32x / ln 2) and |r| ≤ ln 2 / 64, 2^(k/32) from two
// tables. fdlibm's split of ln 2 keeps k · ln 2/32 exact; e^r's Taylor series to r^6 is
// within 1e-17 of it on that interval.
const LN2_32_HI = 6.9314718036912381649e-1 / 32;
const LN2_32_LO = 1.90821492927058770002e-10 / 32;
/** adding and subtracting 1.5 · 2^52 rounds a double to an integer without a call */
const ROUNDER = 6755399441055744;
/** |2z| is clamped here: beyond it tanh(z) is ±1 in double precision */
const EXP_LIMIT = 44;
const FRACTION_POWERS = Float64Array.from({ length: 32 }, (_, j) => 2 ** (j / 32));
const WHOLE_POWERS = Float64Array.from({ length: 129 }, (_, i) => 2 ** (i - 64));

/**
 * tanh(z) = 1 − 2/(e^{2z} + 1), with e^{2z} computed inline: optimized V8 code calls out for
 * `Math.exp` (and `Math.tanh`), which costs twice this. Within 1e-15 of `Math.tanh`
 * (tested), saturating to exactly ±1.
 */
export function tanh(z: number): number {
  const x = Math.min(EXP_LIMIT, Math.max(-EXP_LIMIT, 2 * z));
  const rounded = x * (32 / Math.LN2) + ROUNDER - ROUNDER;
  const k = rounded | 0;
  const r = x - rounded * LN2_32_HI - rounded * LN2_32_LO;
  const series = 1 + r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r / 720)))));
  return 1 - 2 / (series * FRACTION_POWERS[k & 31]! * WHOLE_POWERS[(k >> 5) + 64]! + 1);
}

/**
 * a = f(z) of a hidden layer of n units for examples start…end. Where `live` is given, only
 * the listed units are computed and every other unit (dropped) gets a = 0.
 */
export function activateHidden(
  z: Float64Array,
  a: Float64Array,
  start: number,
  end: number,
  n: number,
  relu: boolean,
  live: LiveUnits | undefined,
): void {
  if (live === undefined) {
    for (let k = start * n; k < end * n; k++) a[k] = relu ? Math.max(z[k]!, 0) : tanh(z[k]!);
    return;
  }
  const { units, counts } = live;
  for (let e = start; e < end; e++) {
    const row = e * n;
    a.fill(0, row, row + n);
    for (let c = 0; c < counts[e]!; c++) {
      const k = row + units[row + c]!;
      a[k] = relu ? Math.max(z[k]!, 0) : tanh(z[k]!);
    }
  }
}
