import { evaluationFactor, fillTrainingMultipliers, type DropoutMode } from './dropout.ts';
import { streamRng, Stream, type Rng } from './random.ts';
import { fillNormal, sampleMoments } from './sampling.ts';

/**
 * One unit of the next layer fed by a layer with fixed activations: z = b + Σ_j w_j · r_j · a_j,
 * where r_j is unit j's dropout multiplier. Sampling many masks shows the distribution of z
 * during training; the test network computes one number.
 */
export interface FixedLayer {
  /** activations a_j of the layer (non-negative, like ReLU outputs) */
  activations: Float64Array;
  /** weights w_j into the next unit */
  weights: Float64Array;
  /** bias b of the next unit */
  bias: number;
}

/** Units in the example layer of the lessons. */
export const FIXED_LAYER_UNITS = 16;

/**
 * The lessons' example layer for a seed: activations |N(0, 1)|, weights N(0.25, 0.5²) so the
 * sum has a clear sign, bias 0.1. `rng` should be a stream other than the masks'.
 */
export function exampleLayer(rng: Rng, units = FIXED_LAYER_UNITS): FixedLayer {
  const activations = new Float64Array(units);
  const weights = new Float64Array(units);
  fillNormal(activations, rng);
  for (let j = 0; j < units; j++) activations[j] = Math.abs(activations[j]!);
  fillNormal(weights, rng, 0.25, 0.5);
  return { activations, weights, bias: 0.1 };
}

/**
 * The example layer of a seed, as every simulation on it draws it: from the seed's data stream, so
 * the masks (the mask stream) never share its numbers.
 */
export function layerFor(seed: number): FixedLayer {
  return exampleLayer(streamRng(seed, Stream.data));
}

/** Mean and variance of one unit's training multiplier r under a mode at drop probability p. */
export function multiplierMoments(mode: DropoutMode, p: number): { mean: number; variance: number } {
  const q = 1 - p;
  if (mode === 'none' || p === 0) return { mean: 1, variance: 0 };
  if (mode === 'classic') return { mean: q, variance: p * q };
  if (mode === 'scale-by-p') return { mean: q / p, variance: q / p };
  // inverted and the mistakes built on it (m/q), and Gaussian N(1, p/q)
  return { mean: 1, variance: p / q };
}

/** Exact mean and variance of z during training. */
export function trainingMoments(layer: FixedLayer, mode: DropoutMode, p: number): { mean: number; variance: number } {
  const r = multiplierMoments(mode, p);
  let sum = 0;
  let squares = 0;
  for (let j = 0; j < layer.activations.length; j++) {
    const wa = layer.weights[j]! * layer.activations[j]!;
    sum += wa;
    squares += wa * wa;
  }
  return { mean: layer.bias + r.mean * sum, variance: r.variance * squares };
}

/**
 * What the test network computes for z: b + factor · Σ w·a with the mode's test factor, or
 * `undefined` when the mode samples a fresh mask at test time too (its output is random).
 */
export function testPreActivation(layer: FixedLayer, mode: DropoutMode, p: number): number | undefined {
  const factor = evaluationFactor(mode, p);
  if (factor === undefined) return undefined;
  let sum = 0;
  for (let j = 0; j < layer.activations.length; j++) sum += layer.weights[j]! * layer.activations[j]!;
  return layer.bias + factor * sum;
}

/**
 * Fills `out` with z for `out.length` independent training masks, drawn by the same code
 * as the network's training pass (`fillTrainingMultipliers`).
 */
export function samplePreActivations(
  layer: FixedLayer,
  mode: DropoutMode,
  p: number,
  rng: Rng,
  out: Float64Array,
): void {
  const n = layer.activations.length;
  const r = new Float64Array(n);
  for (let s = 0; s < out.length; s++) {
    fillTrainingMultipliers(r, n, mode, p, rng);
    let z = layer.bias;
    for (let j = 0; j < n; j++) z += layer.weights[j]! * r[j]! * layer.activations[j]!;
    out[s] = z;
  }
}

/** Exact and sampled facts for one mode. */
export function layerFacts(layer: FixedLayer, mode: DropoutMode, p: number, values?: Float64Array) {
  const exact = trainingMoments(layer, mode, p);
  const test = testPreActivation(layer, mode, p);
  const sampled = values ? sampleMoments(values) : undefined;
  return { exact, test, sampled };
}

export type LayerFacts = ReturnType<typeof layerFacts>;
