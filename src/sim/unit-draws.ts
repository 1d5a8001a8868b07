import { MAX_SEED, type Rng } from './random.ts';

/**
 * How a kept unit's output is scaled during training.
 * - `none`: the output is m·h, so its mean is q·h and the test network must scale by q.
 * - `inverted`: the output is m·h/q, so its mean is h and the test network is used as is.
 */
export type UnitScaling = 'none' | 'inverted';

/** One hidden unit with a fixed activation, observed over repeated dropout draws. */
export interface UnitDrawsParams {
  /** the unit's activation h before dropout */
  h: number;
  /** drop probability p, in [0, 1); the keep probability is q = 1 − p */
  p: number;
  /** scaling applied to a kept unit during training */
  scaling: UnitScaling;
}

/**
 * The parameter ranges of the draws simulation. p stops below 1, where inverted scaling
 * would divide by q = 0; steps are the controls' grid.
 */
export const UNIT_DRAW_LIMITS = {
  p: { min: 0, max: 0.95, step: 0.05 },
  h: { min: 0.1, max: 3, step: 0.1 },
  seed: { min: 0, max: MAX_SEED, step: 1 },
} as const;

/** The largest drop probability the draw sampler accepts. */
export const MAX_DROP_PROBABILITY = UNIT_DRAW_LIMITS.p.max;

/** The scalings, for validating input that crosses a boundary (worker messages, props). */
export const UNIT_SCALINGS: readonly UnitScaling[] = ['none', 'inverted'];

/** Mean of the unit's training-time output over masks: q·h without scaling, h with inverted scaling. */
export function expectedUnitOutput({ h, p, scaling }: UnitDrawsParams): number {
  const q = 1 - p;
  return scaling === 'inverted' ? h : q * h;
}

/** Standard deviation of one draw of the output: |h|·s·√(pq), with s = 1 or 1/q. */
export function unitOutputSd({ h, p, scaling }: UnitDrawsParams): number {
  const q = 1 - p;
  const scale = scaling === 'inverted' ? 1 / q : 1;
  return Math.abs(h) * scale * Math.sqrt(p * q);
}

/**
 * The band the running mean of n draws stays in about 95% of the time, for n = 1…`draws`:
 * expected ± 2·sd/√n, with `sd` one draw's standard deviation.
 */
export function runningMeanBand(
  expected: number,
  sd: number,
  draws: number,
): { lows: Float64Array; highs: Float64Array } {
  const halfWidth = (n: number) => (2 * sd) / Math.sqrt(n);
  return {
    lows: Float64Array.from({ length: draws }, (_, i) => expected - halfWidth(i + 1)),
    highs: Float64Array.from({ length: draws }, (_, i) => expected + halfWidth(i + 1)),
  };
}

/** Output of the unit on one draw, given whether the mask kept it. */
export function unitOutput({ h, p, scaling }: UnitDrawsParams, kept: boolean): number {
  if (!kept) return 0;
  return scaling === 'inverted' ? h / (1 - p) : h;
}

/**
 * Samples `mask.length` independent Bernoulli(q) masks for the unit and fills, per draw i:
 * `mask[i]` (1 kept, 0 dropped), `outputs[i]` (the unit's output) and `means[i]`
 * (the running mean of outputs 0…i). All three arrays must have the same length.
 */
export function sampleUnitDraws(
  params: UnitDrawsParams,
  rng: Rng,
  mask: Uint8Array,
  outputs: Float64Array,
  means: Float64Array,
): void {
  const { p } = params;
  if (!(p >= 0 && p <= MAX_DROP_PROBABILITY)) {
    throw new RangeError(`drop probability p must be in [0, ${MAX_DROP_PROBABILITY}], got ${p}`);
  }
  if (!Number.isFinite(params.h)) throw new RangeError(`activation h must be finite, got ${params.h}`);
  const count = mask.length;
  if (outputs.length !== count || means.length !== count) {
    throw new RangeError('mask, outputs and means must have the same length');
  }
  const q = 1 - p;
  const keptOutput = unitOutput(params, true);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const kept = rng.bernoulli(q);
    mask[i] = kept ? 1 : 0;
    const output = kept ? keptOutput : 0;
    outputs[i] = output;
    sum += output;
    means[i] = sum / (i + 1);
  }
}
