/**
 * The variance shift of Li, Chen, Hu & Yang, "Understanding the Disharmony between Dropout and Batch
 * Normalization by Variance Shift" (CVPR 2019), Section 3, the case of their Figure 2(a): a batch
 * normalization (BN) layer directly after inverted dropout. A unit x with mean c and variance v
 * becomes X = m·x/q in training, m ~ Bernoulli(q), and X = x at test. With m and x independent,
 *
 *   E[X] = c,   E[X²] = E[m²]·E[x²]/q² = (c² + v)/q,
 *   Var_train(X) = (1/q)(c² + v) − c²,   Var_test(X) = v,
 *   shift ratio Δ = Var_test / Var_train = v / ((1/q)(c² + v) − c²).
 *
 * Li et al. write p for the *retain* (keep) probability, a ~ Bernoulli(p), so their (1/p)(c² + v) − c²
 * and Δ(p) are these formulas with their p read as this course's keep probability q = 1 − p, where p
 * is the drop probability. Their Figure 1 is the case c = 0, v = 1: a training variance of 1/p in
 * their notation, 1/q in the course's. BN keeps the training variance as its running statistic and divides by it at
 * test, when the unit's variance is v: its output's variance is Δ, not 1.
 */

/** One unit's input distribution: what reaches dropout, before the mask. */
export interface UnitMoments {
  /** mean c of the unit x */
  mean: number;
  /** variance v of the unit x, > 0 */
  variance: number;
}

/**
 * Throws a RangeError naming the value and its valid range unless c is finite, v is finite and
 * positive, and the drop probability p is in [0, 1) (at p = 1 every unit is dropped and 1/q is
 * undefined).
 */
export function assertShiftInputs({ mean, variance }: UnitMoments, p: number): void {
  if (!Number.isFinite(mean)) throw new RangeError(`mean c must be a finite number, got ${mean}`);
  if (!(Number.isFinite(variance) && variance > 0)) {
    throw new RangeError(`variance v must be a finite number above 0, got ${variance}`);
  }
  if (!(p >= 0 && p < 1)) {
    throw new RangeError(`drop probability p must be in [0, 1): at p = 1 nothing is kept, got ${p}`);
  }
}

/**
 * The variance of X = m·x/q in training, (1/q)(c² + v) − c² with q = 1 − p: what BN's running
 * statistics learn when BN follows dropout (Li et al. 2019, Section 3, Figure 2(a), their p read as q).
 */
export function trainingVariance(unit: UnitMoments, p: number): number {
  assertShiftInputs(unit, p);
  const { mean: c, variance: v } = unit;
  return (c * c + v) / (1 - p) - c * c;
}

/** The unit's variance at test, when dropout is off: v, whatever p. */
export function testVariance(unit: UnitMoments, p: number): number {
  assertShiftInputs(unit, p);
  return unit.variance;
}

/**
 * The shift ratio Δ = v / ((1/q)(c² + v) − c²): the test-time variance over the variance BN learned,
 * which is also the variance of BN's output at test (before its scale γ). 1 at p = 0, below 1 for
 * every p > 0, and q itself when c = 0.
 */
export function shiftRatio(unit: UnitMoments, p: number): number {
  return testVariance(unit, p) / trainingVariance(unit, p);
}

/**
 * Where dropout sits relative to the BN layer: `before-bn` (dropout → BN, Li et al.'s harmful order)
 * or `after-bn` (BN → dropout → classifier, dropout after the last BN layer).
 */
export type Placement = 'before-bn' | 'after-bn';

/** Both placements, the harmful one first. */
export const PLACEMENTS: readonly Placement[] = ['before-bn', 'after-bn'];

/** The variances a BN layer sees in one placement. */
export interface BnVariances {
  /** the variance of BN's input in training, which its running statistics learn */
  training: number;
  /** the variance of BN's input at test */
  test: number;
  /** test / training: BN's output variance at test (1 means no shift) */
  ratio: number;
}

/**
 * The variances the BN layer sees in training and at test. Before BN, dropout's mask reaches BN's
 * statistics (the shift above). After the last BN layer it does not: BN sees x, of variance v, both
 * times, and the masked signal goes to the classifier, which keeps no statistics to go stale.
 */
export function bnVariances(unit: UnitMoments, p: number, placement: Placement): BnVariances {
  const test = testVariance(unit, p);
  const training = placement === 'before-bn' ? trainingVariance(unit, p) : test;
  return { training, test, ratio: test / training };
}
