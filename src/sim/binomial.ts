/**
 * The binomial distribution of dropped units, computed in log space so it stays exact
 * to about 1e-12 relative error for layers of up to 10^6 units (and beyond).
 *
 * Notation: X ~ Binomial(n, p) counts the units dropped out of n, each dropped with
 * probability p; q = 1 − p.
 */

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let a = c[0] ?? 1;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] ?? 0) / (z + i);
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Error of Stirling's formula: ln n! − [(n + ½) ln n − n + ln √(2π)], for n ≥ 0. */
function stirlingError(n: number): number {
  if (n <= 15) {
    return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  }
  const nn = n * n;
  const s0 = 1 / 12;
  const s1 = 1 / 360;
  const s2 = 1 / 1260;
  const s3 = 1 / 1680;
  const s4 = 1 / 1188;
  if (n > 500) return (s0 - s1 / nn) / n;
  if (n > 80) return (s0 - (s1 - s2 / nn) / nn) / n;
  if (n > 35) return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
  return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/** Deviance term x ln(x / μ) + μ − x, computed without cancellation when x ≈ μ. */
function deviance(x: number, mu: number): number {
  if (Math.abs(x - mu) < 0.1 * (x + mu)) {
    let v = (x - mu) / (x + mu);
    let s = (x - mu) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = s + term / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / mu) + mu - x;
}

/**
 * ln P(X = k) for X ~ Binomial(n, p), by Loader's saddle-point expansion (the method
 * behind R's dbinom): no factorials are formed, so nothing overflows or cancels.
 */
export function binomialLogPmf(k: number, n: number, p: number): number {
  assertParameters(n, p);
  if (!Number.isInteger(k) || k < 0 || k > n) return -Infinity;
  const q = 1 - p;
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (q === 0) return k === n ? 0 : -Infinity;
  if (k === 0) return n * Math.log1p(-p);
  if (k === n) return n * Math.log(p);
  const lc = stirlingError(n) - stirlingError(k) - stirlingError(n - k) - deviance(k, n * p) - deviance(n - k, n * q);
  const lf = Math.log(2 * Math.PI) + Math.log(k) + Math.log1p(-k / n);
  return lc - 0.5 * lf;
}

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  return Math.exp(binomialLogPmf(k, n, p));
}

/** Every P(X = k), k = 0…n, in one array of length n + 1. */
export function binomialPmfTable(n: number, p: number): Float64Array {
  assertParameters(n, p);
  const table = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) table[k] = binomialPmf(k, n, p);
  return table;
}

/**
 * P(X ≤ k). Sums the PMF from the nearer tail, so both tails keep their relative
 * precision; O(distance to the tail) work.
 */
export function binomialCdf(k: number, n: number, p: number): number {
  assertParameters(n, p);
  if (k < 0) return 0;
  if (k >= n) return 1;
  const upper = Math.floor(k);
  if (upper < n * p) return sumPmf(0, upper, n, p);
  return 1 - sumPmf(upper + 1, n, n, p);
}

/** P(lo ≤ X ≤ hi) for whole numbers lo ≤ hi, summed term by term. */
function sumPmf(lo: number, hi: number, n: number, p: number): number {
  let sum = 0;
  for (let k = Math.max(0, lo); k <= Math.min(n, hi); k++) sum += binomialPmf(k, n, p);
  return Math.min(1, sum);
}

/** Mean n·p of the number of dropped units. */
export function binomialMean(n: number, p: number): number {
  return n * p;
}

/** Variance n·p·q of the number of dropped units. */
export function binomialVariance(n: number, p: number): number {
  return n * p * (1 - p);
}

/** The smallest k with P(X ≤ k) ≥ u, for u in [0, 1], by bisection on the CDF. */
export function binomialQuantile(u: number, n: number, p: number): number {
  assertParameters(n, p);
  if (!(u >= 0 && u <= 1)) throw new RangeError(`quantile level must be in [0, 1], got ${u}`);
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (binomialCdf(mid, n, p) >= u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * P(|X − np| ≤ radius): the probability that the number of dropped units lies within
 * `radius` of its mean.
 */
export function binomialWithin(radius: number, n: number, p: number): number {
  assertParameters(n, p);
  if (radius < 0) return 0;
  const mean = n * p;
  return sumPmf(Math.ceil(mean - radius - 1e-9), Math.floor(mean + radius + 1e-9), n, p);
}

function assertParameters(n: number, p: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
}
