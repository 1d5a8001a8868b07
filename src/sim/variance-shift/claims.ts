/**
 * The claims content/lessons/dropout-in-modern-networks.mdx makes about the variance shift (batch-norm.ts),
 * about masks over time in recurrent layers (../recurrent-masks.ts) and about stochastic depth
 * (../stochastic-depth/claims.ts), each a measure of one seed's run
 * and a predicate on it. A lesson marks each backed sentence `{/* claim: <id> *\/}`;
 * tests/unit/variance-shift-claims.test.ts tries every claim on the course's test seeds (CLAIM_SEEDS
 * of lab-claim-kit.ts) and requires it to hold on at least MOST_SEEDS of them.
 */
import { sampleTimeMasks, type TimeMaskKind } from '../recurrent-masks.ts';
import { DEPTH_CLAIMS } from '../stochastic-depth/claims.ts';
import { simulateVarianceShift, type ShiftRun } from './batch-norm.ts';
import { shiftRatio } from './moments.ts';

/** The variance-shift run the sentences describe: a unit of mean 1 and variance 1, dropout at p = 0.5 before BN. */
export const SHIFT_LESSON_STATE = {
  mean: 1,
  variance: 1,
  p: 0.5,
  placement: 'before-bn',
  batchSize: 64,
  batches: 200,
  testSize: 10_000,
} as const satisfies ShiftRun;

/** The recurrent layer the sentences describe: 20 time steps of 64 units, dropout at p = 0.5. */
export const RECURRENT_LESSON_STATE = { steps: 20, units: 64, p: 0.5 } as const;

/** The drop probabilities the claims about raising p and about dropout after BN are tried at. */
export const CLAIM_PS = [0.1, 0.5, 0.8] as const;

/** How far, relative, a Monte Carlo number may lie from the formula for a sentence's "about". */
export const ABOUT = 0.1;

/** A sentence of the lesson and the numbers that back it on one seed. */
export interface ModernClaim {
  /** cited in the lesson as `{/* claim: <id> *\/}` right after the sentence */
  id: string;
  /** the sentence as written in the lesson's source */
  sentence: string;
  /** the numbers it compares, for one seed's run at the lesson's state */
  measure(seed: number): Record<string, number>;
  /** whether it holds on that seed */
  holds(numbers: Record<string, number>): boolean;
}

/** BN's output variance at test on one seed, with the lesson's state changed by `changes`. */
const outputVariance = (seed: number, changes: Partial<ShiftRun> = {}) =>
  simulateVarianceShift({ ...SHIFT_LESSON_STATE, ...changes }, seed).outputVariance;

/** Whether a measured number lies within {@link ABOUT} of the formula's, relative. */
const about = (measured: number, exact: number) => Math.abs(measured / exact - 1) < ABOUT;

/** The lesson's recurrent masks of one kind, from the seed's mask stream. */
function timeMasks(seed: number, kind: TimeMaskKind) {
  const { steps, units, p } = RECURRENT_LESSON_STATE;
  return sampleTimeMasks(steps, units, p, kind, seed);
}

/** Every claim of the lesson: the variance shift, recurrent masks and stochastic depth. */
export const MODERN_CLAIMS: readonly ModernClaim[] = [
  {
    id: 'bn-learns-three-times',
    sentence:
      'With dropout at p = 0.5 before it, the BN layer learns a variance about three times the one its input has at test.',
    measure(seed) {
      const { runningVariance, testVariance } = simulateVarianceShift(SHIFT_LESSON_STATE, seed);
      return { 'learned / test': runningVariance / testVariance };
    },
    holds: (m) => about(m['learned / test']!, 3),
  },
  {
    id: 'bn-output-shrinks',
    sentence: 'At test, the BN layer’s output then has a variance of about a third instead of 1.',
    measure: (seed) => ({ 'output variance': outputVariance(seed) }),
    holds: (m) => about(m['output variance']!, 1 / 3),
  },
  {
    id: 'no-dropout-no-shift',
    sentence: 'Set p to 0 and the output’s variance at test is about 1 again.',
    measure: (seed) => ({ 'output variance': outputVariance(seed, { p: 0 }) }),
    holds: (m) => about(m['output variance']!, 1),
  },
  {
    id: 'zero-mean-shift-is-q',
    sentence: 'A unit of mean 0 is shifted too: the output’s variance at test is about q, a half at p = 0.5.',
    measure: (seed) => ({ 'output variance': outputVariance(seed, { mean: 0 }) }),
    holds: (m) => about(m['output variance']!, 1 - SHIFT_LESSON_STATE.p),
  },
  {
    id: 'larger-p-larger-shift',
    sentence:
      'Raise p and the shift grows: the output’s variance at test falls from about 0.8 at p = 0.1 to about 0.1 at p = 0.8.',
    measure: (seed) => Object.fromEntries(CLAIM_PS.map((p) => [`p = ${p}`, outputVariance(seed, { p })])),
    holds: (m) =>
      CLAIM_PS.every(
        (p, k) =>
          about(m[`p = ${p}`]!, shiftRatio(SHIFT_LESSON_STATE, p)) &&
          (k === 0 || m[`p = ${p}`]! < m[`p = ${CLAIM_PS[k - 1]}`]!),
      ),
  },
  {
    id: 'dropout-after-bn',
    sentence:
      'Move dropout after the last BN layer and the BN layer’s output keeps a variance of about 1 at test, whatever p.',
    measure: (seed) =>
      Object.fromEntries(CLAIM_PS.map((p) => [`p = ${p}`, outputVariance(seed, { p, placement: 'after-bn' })])),
    holds: (m) => Object.values(m).every((variance) => about(variance, 1)),
  },
  {
    id: 'naive-redrops-at-p',
    sentence:
      'With a fresh mask per step, a unit dropped at the first step is dropped again at about half of the later steps, a fraction p of them.',
    measure: (seed) => ({ 'dropped again': timeMasks(seed, 'naive').redrop }),
    holds: (m) => Math.abs(m['dropped again']! - RECURRENT_LESSON_STATE.p) < 0.1,
  },
  {
    id: 'variational-redrops-always',
    sentence: 'With one mask for all steps, it is dropped at every later step.',
    measure: (seed) => ({ 'dropped again': timeMasks(seed, 'variational').redrop }),
    holds: (m) => m['dropped again'] === 1,
  },
  {
    id: 'variational-keeps-paths',
    sentence: 'With a fresh mask per step, almost no unit is kept at all 20 steps; with one mask, about half are.',
    measure: (seed) => ({
      'kept throughout, naive': timeMasks(seed, 'naive').kept,
      'kept throughout, variational': timeMasks(seed, 'variational').kept,
    }),
    holds: (m) => m['kept throughout, naive']! < 0.05 && Math.abs(m['kept throughout, variational']! - 0.5) < 0.2,
  },
  ...DEPTH_CLAIMS,
];
