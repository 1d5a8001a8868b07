import type { LiveUnits } from './live-kernels.ts';

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
export function affineForward(
  x: Float64Array,
  w: Float64Array,
  b: Float64Array,
  z: Float64Array,
  start: number,
  end: number,
  nIn: number,
  nOut: number,
): void {
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

/**
 * tanh through one `Math.exp`, which V8 computes faster than `Math.tanh`. Exact to about
 * 1e-16 absolute error, saturating cleanly to ±1 when e^{2z} overflows or underflows.
 */
export function tanh(z: number): number {
  return 1 - 2 / (Math.exp(2 * z) + 1);
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
