/**
 * The claims content/lessons/dropout-on-real-data.mdx makes about what the digits experiments
 * show, each measured on the reference results of one seed. The lesson marks each backed sentence
 * `{/* claim: <id> *\/}`; tests/unit/digits-claims.test.ts tries every claim on its seeds and
 * holds it to the frequency its sentence states. The reference results are what the code
 * computes (tests/unit/digits-reference.test.ts re-runs a point bit for bit).
 */
import { averaging, epochCurves, features, matchingSamples, sizeGain } from './findings.ts';
import { CURVE_SEEDS, FEATURES_SEED, REFERENCE_SIZES, SIZE_SEEDS } from './plan.ts';
import type { ReferenceResults } from './reference.ts';

/** The thinned networks by which, the lesson says, their average errs no more than the full network. */
export const MATCHED_BY_SAMPLES = 25;

/** A sentence of the lesson and the reference numbers that back it on one seed. */
export interface DigitsClaim {
  /** cited in the lesson as `{/* claim: <id> *\/}` right after the sentence */
  id: string;
  /** the sentence as written in the lesson's source */
  sentence: string;
  /** the seeds whose reference results it is tried on */
  seeds: readonly number[];
  /** on how many of them the sentence says it holds */
  holdsOn: number;
  /** the numbers it compares, from one seed's reference results */
  measure(reference: ReferenceResults, seed: number): Record<string, number>;
  /** whether it holds on that seed */
  holds(numbers: Record<string, number>): boolean;
}

/** The epoch, from 1, at which a curve is lowest. */
const lowestAt = (values: Float64Array) => values.indexOf(Math.min(...values)) + 1;
/** A curve's value after its last epoch. */
const final = (values: Float64Array) => values.at(-1) ?? Number.NaN;

/**
 * A claim's measure: `read` of one seed's test-error curve (one value per epoch) of the network
 * with dropout, named `with`, and of the network without, named `without`; each name after
 * `label` when there is one.
 */
const eachTestError =
  (read: (testError: Float64Array) => number, label?: string): DigitsClaim['measure'] =>
  (reference, seed) => {
    const { dropout, plain } = epochCurves(reference, seed);
    const name = (run: string) => (label === undefined ? run : `${label} ${run}`);
    return { [name('with')]: read(dropout.testError), [name('without')]: read(plain.testError) };
  };

export const DIGITS_CLAIMS: readonly DigitsClaim[] = [
  {
    id: 'digits-dropout-ends-lower',
    sentence: 'On all three reference seeds, the network with dropout ends with the lower test error.',
    seeds: CURVE_SEEDS,
    holdsOn: 3,
    measure: eachTestError(final),
    holds: (m) => m['with']! < m['without']!,
  },
  {
    id: 'digits-plain-best-earlier',
    sentence: 'On all three seeds, the network without dropout reaches its lowest test error at an earlier epoch.',
    seeds: CURVE_SEEDS,
    holdsOn: 3,
    measure: eachTestError(lowestAt, 'best epoch'),
    holds: (m) => m['best epoch without']! < m['best epoch with']!,
  },
  {
    id: 'digits-size-helps-from-250',
    sentence:
      'From 250 training digits up, the network with dropout ends with the lower test error at every size, on all 10 seeds.',
    seeds: SIZE_SEEDS,
    holdsOn: 10,
    measure: (reference, seed) =>
      Object.fromEntries(
        REFERENCE_SIZES.filter((size) => size >= 250).map((size) => [
          `gain at ${size}`,
          sizeGain(reference, size, seed),
        ]),
      ),
    holds: (m) => Object.values(m).every((gain) => gain > 0),
  },
  {
    id: 'digits-size-gain-peaks',
    sentence: 'On every one of the 10 seeds, dropout gains more at 1,000 digits than at 100 or at 5,000.',
    seeds: SIZE_SEEDS,
    holdsOn: 10,
    measure: (reference, seed) => ({
      'gain at 100': sizeGain(reference, 100, seed),
      'gain at 1000': sizeGain(reference, 1000, seed),
      'gain at 5000': sizeGain(reference, 5000, seed),
    }),
    holds: (m) => m['gain at 1000']! > m['gain at 100']! && m['gain at 1000']! > m['gain at 5000']!,
  },
  {
    id: 'digits-size-100-helps',
    sentence: 'Here the gain is smallest at 100 digits, but it is there: dropout ends lower on 9 of the 10 seeds.',
    seeds: SIZE_SEEDS,
    holdsOn: 9,
    measure: (reference, seed) => ({ 'gain at 100': sizeGain(reference, 100, seed) }),
    holds: (m) => m['gain at 100']! > 0,
  },
  {
    id: 'digits-one-thinned-worse',
    sentence: 'On all three seeds, one thinned network alone errs more often than the full network.',
    seeds: CURVE_SEEDS,
    holdsOn: 3,
    measure: (reference, seed) => {
      const result = averaging(reference, seed);
      return { 'one thinned': result.averagedError[0] ?? Number.NaN, full: result.scaledError };
    },
    holds: (m) => m['one thinned']! > m['full']!,
  },
  {
    id: 'digits-average-matches-full',
    sentence: 'By k = {real.matchedBy}, the average errs no more often than the full network, on all three seeds.',
    seeds: CURVE_SEEDS,
    holdsOn: 3,
    measure: (reference, seed) => ({ 'matched at k': matchingSamples(averaging(reference, seed)) }),
    holds: (m) => m['matched at k']! <= MATCHED_BY_SAMPLES,
  },
  {
    id: 'digits-dropout-sparser',
    sentence:
      'In the reference run, the network with dropout has the lower mean activation in its second hidden layer, and more of its activations are exactly zero.',
    seeds: [FEATURES_SEED],
    holdsOn: 1,
    measure: (reference) => {
      const { dropout, plain } = features(reference);
      return {
        'mean with': dropout.meanActivation,
        'mean without': plain.meanActivation,
        'zeros with': dropout.zeroFraction,
        'zeros without': plain.zeroFraction,
      };
    },
    holds: (m) => m['mean with']! < m['mean without']! && m['zeros with']! > m['zeros without']!,
  },
];
