/**
 * The claims content/lessons/dropout-in-practice.mdx makes about what the dropout-and-L2 explorable
 * shows, each a measure of one seed's data set and masks and a predicate on it. The lesson marks each
 * backed sentence `{/* claim: <id> *\/}`; tests/unit/l2-claims.test.ts tries every claim on the
 * course's test seeds (CLAIM_SEEDS of lab-claims.ts) and holds it to what its sentence says.
 */
import { energies, expectedDropoutLoss, fits, regressionData, sampleDropoutLoss } from './dropout-l2.ts';
import { streamRng, Stream } from './random.ts';

/** The explorable's state in the lesson: the drop probability p and the ridge penalty λ. */
export const L2_LESSON_STATE = { p: 0.5, lambda: 20 } as const;

/** The mask counts the Monte Carlo claim is tried at: the explorable's two larger options. */
export const L2_CLAIM_MASKS = [1_000, 10_000] as const;

/** A sentence of the lesson and the numbers that back it on one seed. */
export interface L2Claim {
  /** cited in the lesson as `{/* claim: <id> *\/}` right after the sentence */
  id: string;
  /** the sentence as written in the lesson's source */
  sentence: string;
  /** the numbers it compares, for one seed's data set and masks at the lesson's state */
  measure(seed: number): Record<string, number>;
  /** whether it holds on that seed */
  holds(numbers: Record<string, number>): boolean;
}

/** Each weight's fraction of its unpenalized value under dropout and ridge, and the inputs' energies. */
function kept(seed: number) {
  const data = regressionData(seed);
  const { none, dropout, ridge } = fits(data, L2_LESSON_STATE.p, L2_LESSON_STATE.lambda);
  const e = Array.from(energies(data));
  return {
    dropout: Array.from(dropout, (w, j) => w / none[j]!),
    ridge: Array.from(ridge, (w, j) => w / none[j]!),
    most: e.indexOf(Math.max(...e)),
    least: e.indexOf(Math.min(...e)),
  };
}

/** Every claim of the lesson about the explorable. */
export const L2_CLAIMS: readonly L2Claim[] = [
  {
    id: 'ridge-spares-large-inputs',
    sentence:
      'Ridge keeps over half of the weight on the input with the most energy and under a fifth on the one with the least.',
    measure(seed) {
      const { ridge, most, least } = kept(seed);
      return { 'most energy': ridge[most]!, 'least energy': ridge[least]! };
    },
    holds: (m) => m['most energy']! > 1 / 2 && m['least energy']! < 1 / 5,
  },
  {
    id: 'dropout-shrinks-alike',
    sentence: 'Dropout keeps between a fifth and four fifths of every weight, whatever its input’s energy.',
    measure(seed) {
      const { dropout } = kept(seed);
      return { least: Math.min(...dropout), most: Math.max(...dropout) };
    },
    holds: (m) => m.least! > 1 / 5 && m.most! < 4 / 5,
  },
  {
    id: 'monte-carlo-meets-formula',
    sentence: 'With 1,000 masks or more, the Monte Carlo estimate lies within three standard errors of the formula.',
    measure(seed) {
      const data = regressionData(seed);
      const { p, lambda } = L2_LESSON_STATE;
      const w = fits(data, p, lambda).dropout;
      const exact = expectedDropoutLoss(data, w, p);
      return Object.fromEntries(
        L2_CLAIM_MASKS.map((masks) => {
          const { means, errors } = sampleDropoutLoss(data, w, p, masks, streamRng(seed, Stream.mask));
          return [`errors off at ${masks}`, Math.abs(means[masks - 1]! - exact) / errors[masks - 1]!];
        }),
      );
    },
    holds: (m) => Object.values(m).every((off) => off < 3),
  },
];
