/**
 * Dropout masks over the time steps of a recurrent layer, after Gal & Ghahramani, "A Theoretically
 * Grounded Application of Dropout in Recurrent Neural Networks" (NeurIPS 2016), Section 4 and
 * Figure 1: naive dropout draws a fresh mask at every time step; variational dropout draws one mask
 * per sequence and repeats it at every step, so a unit dropped once stays dropped for the whole
 * sequence. Masks are 1 (kept, with keep probability q = 1 − p) or 0 (dropped, drop probability p);
 * the inverted 1/q scaling is the caller's, as with every mask of the course.
 */
import { streamRng, Stream, type Rng } from './random.ts';
import { fillBernoulliMask } from './sampling.ts';

/** `naive`: a fresh mask per time step; `variational`: one mask shared by all time steps. */
export type TimeMaskKind = 'naive' | 'variational';

/** Both kinds, naive first. */
export const TIME_MASK_KINDS: readonly TimeMaskKind[] = ['naive', 'variational'];

/**
 * Masks for `steps` time steps of `units` units, row-major [step][unit], at drop probability p:
 * naive draws every row from `rng`, variational draws the first row and copies it to the others.
 */
export function drawTimeMasks(steps: number, units: number, p: number, kind: TimeMaskKind, rng: Rng): Uint8Array {
  assertShape(steps, units);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`drop probability p must be in [0, 1], got ${p}`);
  if (kind !== 'naive' && kind !== 'variational') {
    throw new RangeError(`kind must be 'naive' or 'variational', got ${String(kind)}`);
  }
  const masks = new Uint8Array(steps * units);
  if (kind === 'naive') {
    for (let t = 0; t < steps; t++) fillBernoulliMask(masks.subarray(t * units, (t + 1) * units), 1 - p, rng);
    return masks;
  }
  const first = masks.subarray(0, units);
  fillBernoulliMask(first, 1 - p, rng);
  for (let t = 1; t < steps; t++) masks.set(first, t * units);
  return masks;
}

/**
 * Of the units dropped at the first step, the fraction of later (unit, step) pairs in which the unit
 * is dropped again: about p for naive masks, whose steps are independent, and exactly 1 for
 * variational ones. NaN when no unit is dropped at the first step or there is one step only.
 */
export function redropFraction(masks: Uint8Array, steps: number, units: number): number {
  assertMasks(masks, steps, units);
  let pairs = 0;
  let dropped = 0;
  for (let unit = 0; unit < units; unit++) {
    if (masks[unit] === 1) continue;
    for (let t = 1; t < steps; t++) {
      pairs++;
      dropped += 1 - masks[t * units + unit]!;
    }
  }
  return pairs === 0 ? Number.NaN : dropped / pairs;
}

/**
 * The fraction of units kept at every step, whose path through time is never cut: q^steps in
 * expectation for naive masks, q for variational ones.
 */
export function keptThroughout(masks: Uint8Array, steps: number, units: number): number {
  assertMasks(masks, steps, units);
  let kept = 0;
  for (let unit = 0; unit < units; unit++) {
    let t = 0;
    while (t < steps && masks[t * units + unit] === 1) t++;
    if (t === steps) kept++;
  }
  return kept / units;
}

/** One seed's masks of one kind, from the seed's mask stream, with what they do to a unit over time. */
export interface TimeMaskSample {
  /** the masks, row-major [step][unit] */
  masks: Uint8Array;
  /** {@link redropFraction} of the masks */
  redrop: number;
  /** {@link keptThroughout} of the masks */
  kept: number;
}

/** The masks a seed draws for `steps` × `units` at drop probability p, as the simulation and the lesson's claims draw them. */
export function sampleTimeMasks(
  steps: number,
  units: number,
  p: number,
  kind: TimeMaskKind,
  seed: number,
): TimeMaskSample {
  const masks = drawTimeMasks(steps, units, p, kind, streamRng(seed, Stream.mask));
  return { masks, redrop: redropFraction(masks, steps, units), kept: keptThroughout(masks, steps, units) };
}

function assertShape(steps: number, units: number): void {
  for (const [name, value] of [
    ['steps', steps],
    ['units', units],
  ] as const) {
    if (!(Number.isInteger(value) && value >= 1))
      throw new RangeError(`${name} must be a whole number ≥ 1, got ${value}`);
  }
}

function assertMasks(masks: Uint8Array, steps: number, units: number): void {
  assertShape(steps, units);
  if (masks.length !== steps * units) {
    throw new RangeError(`masks must hold steps × units = ${steps * units} entries, got ${masks.length}`);
  }
}
