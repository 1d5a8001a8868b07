import { fillMask, type Rng } from './random.ts';
import { normal } from './sampling.ts';

/**
 * How a layer's activations a are perturbed in training and scaled at test time.
 * p is the drop probability, q = 1 − p the keep probability, m ~ Bernoulli(q) the mask.
 *
 * Correct modes:
 * - `none`: no dropout.
 * - `inverted`: train with m·a/q; test with a. What frameworks do.
 * - `classic` (direct): train with m·a; test with q·a.
 * - `gaussian` (multiplicative): train with r·a, r ~ N(1, p/q) (the variance of inverted
 *   dropout's factor m/q); test with a.
 *
 * Mistake modes, each doing exactly what the mistake does:
 * - `scale-by-p`: inverted dropout that divides by the drop probability: train with m·a/p.
 * - `double-scaling`: inverted in training and, as if classic, q·a at test time.
 * - `on-at-eval`: inverted dropout left on at evaluation: test with m·a/q, a fresh mask per call.
 * - `no-backward-mask`: inverted forward pass, but the backward pass forgets the mask and
 *   sends every unit the gradient scaled by 1/q, dropped units included.
 */
export type DropoutMode =
  'none' | 'inverted' | 'classic' | 'gaussian' | 'scale-by-p' | 'double-scaling' | 'on-at-eval' | 'no-backward-mask';

/** Every mode, correct ones first. */
export const DROPOUT_MODES: readonly DropoutMode[] = [
  'none',
  'inverted',
  'classic',
  'gaussian',
  'scale-by-p',
  'double-scaling',
  'on-at-eval',
  'no-backward-mask',
];

/** The modes that reproduce a mistake. */
export const MISTAKE_MODES: readonly DropoutMode[] = ['scale-by-p', 'double-scaling', 'on-at-eval', 'no-backward-mask'];

/**
 * Fills `multipliers` with the factors r that multiply activations in a training
 * forward pass at drop probability p. Zero marks a dropped unit (the network skips it).
 */
export function fillTrainingMultipliers(
  multipliers: Float64Array,
  count: number,
  mode: DropoutMode,
  p: number,
  rng: Rng,
): void {
  if (mode === 'none' || p === 0) {
    multipliers.fill(1, 0, count);
    return;
  }
  const q = 1 - p;
  if (mode === 'gaussian') {
    const sd = Math.sqrt(p / q);
    for (let i = 0; i < count; i++) multipliers[i] = 1 + sd * normal(rng);
    return;
  }
  const kept = mode === 'classic' ? 1 : mode === 'scale-by-p' ? 1 / p : 1 / q;
  fillMask(rng, multipliers, count, q, kept);
}

/**
 * Fills `multipliers` for a forward pass: the training factors, or at evaluation the mode's
 * constant test factor (dropout left on at evaluation samples a mask as inverted dropout).
 */
export function fillMultipliers(
  multipliers: Float64Array,
  count: number,
  training: boolean,
  mode: DropoutMode,
  p: number,
  rng: Rng,
): void {
  const factor = training ? undefined : evaluationFactor(mode, p);
  if (factor === undefined) fillTrainingMultipliers(multipliers, count, training ? mode : 'inverted', p, rng);
  else multipliers.fill(factor, 0, count);
}

/** Whether a training pass in this mode sets some multipliers to exactly 0 (drops units). */
export function dropsUnits(mode: DropoutMode, p: number): boolean {
  return p > 0 && mode !== 'none' && mode !== 'gaussian';
}

/**
 * The constant factor applied to activations at evaluation, or `undefined` when the
 * mode samples a mask at evaluation too (`on-at-eval`).
 */
export function evaluationFactor(mode: DropoutMode, p: number): number | undefined {
  if (mode === 'on-at-eval' && p > 0) return undefined;
  if (mode === 'classic' || mode === 'double-scaling') return 1 - p;
  return 1;
}

/**
 * The backward pass multiplies ∂L/∂ã by each unit's forward multiplier r to get ∂L/∂a,
 * except when the mistake forgets the mask: then every unit, dropped or not, gets the one
 * factor returned here (1/q). `undefined` means "use r".
 */
export function forgottenMaskFactor(mode: DropoutMode, p: number): number | undefined {
  return mode === 'no-backward-mask' && p > 0 ? 1 / (1 - p) : undefined;
}

/**
 * E[training output] / test output for one unit: 1 for every correct mode, and the
 * mistake's wrong ratio otherwise (q/p for `scale-by-p`, 1/q for `double-scaling`).
 */
export function trainTestRatio(mode: DropoutMode, p: number): number {
  const q = 1 - p;
  if (mode === 'none' || p === 0) return 1;
  const trainMean = mode === 'classic' ? q : mode === 'scale-by-p' ? q / p : 1;
  const evalFactor = evaluationFactor(mode, p) ?? 1;
  return trainMean / evalFactor;
}
