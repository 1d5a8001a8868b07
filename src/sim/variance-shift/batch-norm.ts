/**
 * A Monte Carlo run of one unit through dropout and a batch normalization (BN) layer, which checks
 * the closed form of moments.ts by sampling: the statistics BN learns over training minibatches, the
 * unit's variance at test, and what BN's output does at test with statistics learned in training.
 */
import { streamRng, Stream } from '../random.ts';
import { fillBernoulliMask, fillNormal, sampleMoments } from '../sampling.ts';
import { assertShiftInputs, type Placement, type UnitMoments } from './moments.ts';

/** The ε BN adds to its variance before the square root (PyTorch's default). */
export const BN_EPSILON = 1e-5;

/** What one run draws: a unit x ~ N(c, v), dropout at drop probability p, and how much data. */
export interface ShiftRun extends UnitMoments {
  /** drop probability p, in [0, 1) */
  p: number;
  /** where dropout sits relative to the BN layer */
  placement: Placement;
  /** examples per training minibatch, m ≥ 2 */
  batchSize: number;
  /** training minibatches BN learns its statistics from, ≥ 1 */
  batches: number;
  /** examples drawn at test, ≥ 2 */
  testSize: number;
}

/** What a run measured. */
export interface ShiftSamples {
  /** per minibatch: the unbiased variance of BN's input in that minibatch, [batches] */
  batchVariances: Float64Array;
  /** BN's learned mean: the mean of the minibatch means */
  runningMean: number;
  /**
   * BN's learned variance: the mean of the minibatch unbiased variances, m/(m − 1)·E_B[σ²_B]
   * (Ioffe & Szegedy 2015, Algorithm 2). PyTorch's moving average of unbiased minibatch variances has the
   * same expectation.
   */
  runningVariance: number;
  /** the unbiased variance of BN's input over the test draws, dropout off */
  testVariance: number;
  /** the mean of BN's output at test, (x − runningMean)/√(runningVariance + ε) */
  outputMean: number;
  /** the unbiased variance of BN's output at test: 1 without a shift */
  outputVariance: number;
}

/**
 * Draws `batches` minibatches of x ~ N(c, v) (the seed's data stream) and, when dropout comes before
 * BN, a Bernoulli(q) mask for each (the seed's mask stream), so BN's input is m·x/q; after BN, dropout
 * does not touch BN's input, which is x. Then draws `testSize` fresh x, dropout off, and normalizes
 * them with what BN learned. The same seed gives the same numbers; runs that differ only in p or the
 * placement see the same x.
 */
export function simulateVarianceShift(run: ShiftRun, seed: number): ShiftSamples {
  assertShiftRun(run);
  const { mean, variance, p, placement, batchSize, batches, testSize } = run;
  const data = streamRng(seed, Stream.data);
  const masks = streamRng(seed, Stream.mask);
  const sd = Math.sqrt(variance);
  const q = 1 - p;
  const x = new Float64Array(batchSize);
  const mask = new Uint8Array(batchSize);
  const batchVariances = new Float64Array(batches);
  let meanSum = 0;
  for (let b = 0; b < batches; b++) {
    fillNormal(x, data, mean, sd);
    if (placement === 'before-bn') {
      fillBernoulliMask(mask, q, masks);
      for (let i = 0; i < batchSize; i++) x[i] = (mask[i]! * x[i]!) / q;
    }
    const moments = sampleMoments(x);
    meanSum += moments.mean;
    batchVariances[b] = moments.variance;
  }
  const runningMean = meanSum / batches;
  const runningVariance = sampleMoments(batchVariances).mean;
  const test = new Float64Array(testSize);
  fillNormal(test, data, mean, sd);
  const testVariance = sampleMoments(test).variance;
  const scale = 1 / Math.sqrt(runningVariance + BN_EPSILON);
  const output = test.map((value) => (value - runningMean) * scale);
  const { mean: outputMean, variance: outputVariance } = sampleMoments(output);
  return { batchVariances, runningMean, runningVariance, testVariance, outputMean, outputVariance };
}

/** Throws a RangeError naming the first field of a run that is out of range. */
function assertShiftRun(run: ShiftRun): void {
  assertShiftInputs(run, run.p);
  const counts = [
    ['batchSize', run.batchSize, 2],
    ['batches', run.batches, 1],
    ['testSize', run.testSize, 2],
  ] as const;
  for (const [name, value, least] of counts) {
    if (!(Number.isInteger(value) && value >= least)) {
      throw new RangeError(`${name} must be a whole number ≥ ${least}, got ${value}`);
    }
  }
  if (run.placement !== 'before-bn' && run.placement !== 'after-bn') {
    throw new RangeError(`placement must be 'before-bn' or 'after-bn', got ${String(run.placement)}`);
  }
}
