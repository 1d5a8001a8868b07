import { binomialMean, binomialPmf, binomialVariance, binomialWithin } from './binomial.ts';
import type { Rng } from './random.ts';
import { fillBinomial } from './sampling.ts';

/** How many units of a layer of n drop under dropout at drop probability p. */
export interface DropCountParams {
  /** units in the layer */
  n: number;
  /** drop probability p */
  p: number;
}

/** The exact facts the drop-count simulation shows next to its samples. */
export interface DropCountFacts {
  /** n·p */
  mean: number;
  /** √(n·p·q) */
  sd: number;
  /** round(n·p), the "exactly as expected" count */
  modeCount: number;
  /** P(X = round(n·p)) */
  exactlyExpected: number;
  /** P(|X − n·p| ≤ radius) */
  within: number;
  /** the radius used for `within` */
  radius: number;
}

/** Exact mean, SD and probabilities of the drop count X ~ Binomial(n, p). */
export function dropCountFacts({ n, p }: DropCountParams, radius: number): DropCountFacts {
  const mean = binomialMean(n, p);
  const modeCount = Math.round(mean);
  return {
    mean,
    sd: Math.sqrt(binomialVariance(n, p)),
    modeCount,
    exactlyExpected: binomialPmf(modeCount, n, p),
    within: binomialWithin(radius, n, p),
    radius,
  };
}

/**
 * Samples the number of dropped units in each of `counts.length` independent masks of n
 * units. Each unit drops independently with probability p, so a mask's count is exactly
 * Binomial(n, p); it is drawn directly (an exact sampler), which keeps 100 000 masks of
 * 100 000 units within a fraction of a second.
 */
export function sampleDropCounts({ n, p }: DropCountParams, rng: Rng, counts: Int32Array): void {
  fillBinomial(counts, n, p, rng);
}

/** Equal-width bins of whole-number counts: bin b holds the counts start + b·width … start + (b+1)·width − 1. */
export interface CountBins {
  start: number;
  width: number;
  bins: number;
}

/**
 * Bins that cover every count with visible probability (the mean ± 6 SD, within 0…n) in at
 * most `maxBins` bars of a whole-number width.
 */
export function countBins({ n, p }: DropCountParams, maxBins: number): CountBins {
  const mean = n * p;
  const sd = Math.sqrt(n * p * (1 - p));
  const lo = Math.max(0, Math.floor(mean - 6 * sd - 1));
  const hi = Math.min(n, Math.ceil(mean + 6 * sd + 1));
  const width = Math.max(1, Math.ceil((hi - lo + 1) / maxBins));
  return { start: lo, width, bins: Math.ceil((hi - lo + 1) / width) };
}

/**
 * Exact probability of each bin, P(start + b·width ≤ X < start + (b+1)·width), summed from the
 * PMF over the bin's counts (at most about 12 SD of terms in all).
 */
export function exactBinProbabilities({ n, p }: DropCountParams, { start, width, bins }: CountBins): Float64Array {
  const out = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    for (let k = start + b * width; k < start + (b + 1) * width && k <= n; k++) out[b]! += binomialPmf(k, n, p);
  }
  return out;
}

/** Fraction of `counts` in each bin; counts outside every bin are returned as `outside`. */
export function sampleBinFractions(counts: Int32Array, { start, width, bins }: CountBins) {
  const fractions = new Float64Array(bins);
  let outside = 0;
  for (const count of counts) {
    const b = Math.floor((count - start) / width);
    if (b >= 0 && b < bins) fractions[b]! += 1;
    else outside++;
  }
  for (let b = 0; b < bins; b++) fractions[b]! /= Math.max(1, counts.length);
  return { fractions, outside };
}
