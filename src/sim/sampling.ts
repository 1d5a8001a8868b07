import { randomBinomial } from 'd3-random';
import { fillMask, streamRng, Stream, type Rng } from './random.ts';

/**
 * Fills `mask` with independent Bernoulli(q) draws: 1 (keep) with keep probability q,
 * 0 (drop) with drop probability p = 1 − q, to within 2^−40 (see {@link fillMask}).
 * Returns the number of kept units.
 */
export function fillBernoulliMask(mask: Uint8Array, q: number, rng: Rng): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`keep probability q must be in [0, 1], got ${q}`);
  fillMask(rng, mask, mask.length, q, 1);
  let kept = 0;
  for (let i = 0; i < mask.length; i++) kept += mask[i]!;
  return kept;
}

/** A standard normal draw (Box–Muller on two 53-bit uniforms). */
export function normal(rng: Rng): number {
  const u = 1 - rng.uniform53(); // (0, 1]: the logarithm stays finite
  const v = rng.uniform53();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Fills `out` with independent normal draws of the given mean and standard deviation. */
export function fillNormal(out: Float64Array, rng: Rng, mean = 0, sd = 1): void {
  for (let i = 0; i < out.length; i++) out[i] = mean + sd * normal(rng);
}

/**
 * One draw of Binomial(n, p), exact for every n (d3-random's algorithm: beta splitting
 * down to small counts, then geometric waiting times), driven by the seeded generator.
 */
export function sampleBinomial(n: number, p: number, rng: Rng): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  return randomBinomial.source(() => rng.uniform53())(n, p)();
}

/** Fills `out` with independent Binomial(n, p) draws. */
export function fillBinomial(out: Float64Array | Int32Array, n: number, p: number, rng: Rng): void {
  const draw = randomBinomial.source(() => rng.uniform53())(n, p);
  for (let i = 0; i < out.length; i++) out[i] = draw();
}

/** Shuffles `order` in place (Fisher–Yates), every permutation equally likely. */
export function shuffle(order: Uint32Array | Int32Array, rng: Rng): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform53() * (i + 1));
    const swap = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = swap;
  }
}

/** Sample mean and (unbiased) variance. */
export function sampleMoments(values: ArrayLike<number>): { mean: number; variance: number } {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, variance: Number.NaN };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i] ?? 0;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((values[i] ?? 0) - mean) ** 2;
  return { mean, variance: n > 1 ? ss / (n - 1) : 0 };
}

/**
 * The `draw`-th keep/drop mask (from 0) of `units` units in the seed's mask stream at drop
 * probability p: 1 kept, 0 dropped. The same seed and draw always give the same mask. A few
 * dozen units: a page draws it where it needs it, in microseconds.
 */
export function drawMask(units: number, p: number, seed: number, draw: number): Uint8Array {
  const rng = streamRng(seed, Stream.mask);
  const mask = new Uint8Array(units);
  for (let d = 0; d <= draw; d++) fillBernoulliMask(mask, 1 - p, rng);
  return mask;
}
