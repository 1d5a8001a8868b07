import type { Rng } from '../random.ts';
import { fillBernoulliMask } from '../sampling.ts';
import { thinnedFactor, type ThinnedScaling } from '../thinned.ts';

/**
 * Fills `factors` ([hidden unit]) with what each hidden unit's activation is multiplied by when
 * `mask` ([hidden unit], 1 kept, 0 dropped) is applied at drop probability p under one of the
 * neuron-toggling scalings: `none` (kept units pass a), `inverted` (a/q) or `classic-test` (every
 * unit q·a, the mask ignored). Returns `factors`.
 */
export function maskFactors(mask: Uint8Array, p: number, scaling: ThinnedScaling, factors: Float64Array): Float64Array {
  if (mask.length !== factors.length) {
    throw new RangeError(`a mask of ${mask.length} units for ${factors.length} factors`);
  }
  for (let i = 0; i < mask.length; i++) factors[i] = thinnedFactor(mask[i] === 1, p, scaling);
  return factors;
}

/**
 * Fills `mask` ([hidden unit]) with a fresh Bernoulli mask from `rng`: each unit dropped (0) with
 * drop probability p, kept (1) with keep probability q = 1 − p. Returns the number kept.
 */
export function sampleDropMask(mask: Uint8Array, p: number, rng: Rng): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`drop probability p must be in [0, 1], got ${p}`);
  return fillBernoulliMask(mask, 1 - p, rng);
}
