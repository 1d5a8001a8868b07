/**
 * The claims the lessons make about what the training lab shows (most in content/lessons/the-lab.mdx),
 * each defined by the runs it compares (lab-runs.ts) and a predicate on one seed's results. A lesson marks
 * each backed sentence `{/* claim: <id> *\/}`; tests/unit/lab-claims.test.ts trains every run on
 * the course's test seeds and holds each claim to what its sentence says.
 */
import { epochToEpochChange, LESSON_CHANGES, type LabChanges, type LabRun, type RunOutcome } from './lab-runs.ts';
import { LAB_PRESETS, OVERFITTING_PRESET, type LabPresetId } from './presets.ts';

/** The seeds every claim is tried on. */
export const CLAIM_SEEDS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Seeds out of {@link CLAIM_SEEDS} on which a claim worded as a rule must hold. */
export const MOST_SEEDS = 8;

/** A sentence of the lesson and the runs that back it. */
export interface LabClaim {
  /** cited in the lesson as `{/* claim: <id> *\/}` right after the sentence */
  id: string;
  /** the sentence as written in the lesson's source */
  sentence: string;
  /** `most`: holds on at least {@link MOST_SEEDS} seeds; `stated`: the sentence says on how many */
  frequency: 'most' | 'stated';
  /** the runs it compares, by name */
  runs: Readonly<Record<string, LabRun>>;
  /** the numbers it compares, from one seed's outcomes (keys as in `runs`) */
  measure(outcomes: Readonly<Record<string, RunOutcome>>): Record<string, number>;
  /** whether it holds on that seed */
  holds(numbers: Record<string, number>): boolean;
}

/** How many times the p = 0.5 run's epoch-to-epoch change the p = 0.9 run's must reach to "jump". */
const JUMP_FACTOR = 10;

/** The lab's two runs after a preset and some changes. */
const pair = (preset: LabPresetId, changes: LabChanges = {}): Record<'dropout' | 'plain', LabRun> => ({
  dropout: { preset, changes, network: 'dropout' },
  plain: { preset, changes, network: 'plain' },
});
const overfits = pair('overfits');
const validationLosses = (o: Readonly<Record<string, RunOutcome>>): Record<string, number> =>
  Object.fromEntries(Object.entries(o).map(([name, outcome]) => [name, outcome.validation.loss]));
/** A claim's measure and predicate: run `lower` ends with a lower validation loss than run `higher`. */
const lowerValidation = (lower: string, higher: string): Pick<LabClaim, 'measure' | 'holds'> => ({
  measure: validationLosses,
  holds: (m) => m[lower]! < m[higher]!,
});
const gap = (o: RunOutcome): number => o.validation.loss - o.train.loss;

/** Every claim of the lab lesson. */
export const LAB_CLAIMS: readonly LabClaim[] = [
  {
    id: 'another-seed',
    sentence:
      "The effect is not guaranteed on every seed: for this preset, dropout ends with the lower validation loss on 9 of the course's 10 test seeds.",
    frequency: 'stated',
    runs: overfits,
    ...lowerValidation('dropout', 'plain'),
  },
  {
    id: 'clean-labels',
    sentence:
      'Without flipped labels there is no noise to memorise, and the network without dropout ends with the lower validation loss.',
    frequency: 'most',
    runs: pair('overfits', LESSON_CHANGES.cleanLabels),
    ...lowerValidation('plain', 'dropout'),
  },
  {
    id: 'narrow-still-overfits',
    sentence:
      'It still overfits: without dropout its generalization gap ends larger than with dropout, and the dropout run ends with the lower validation loss.',
    frequency: 'most',
    runs: pair('overfits', LESSON_CHANGES.narrow),
    measure: ({ dropout, plain }) => ({
      'gap with': gap(dropout!),
      'gap without': gap(plain!),
      'validation with': dropout!.validation.loss,
      'validation without': plain!.validation.loss,
    }),
    holds: (m) => m['gap without']! > m['gap with']! && m['validation with']! < m['validation without']!,
  },
  {
    id: 'scale-by-p-worse-than-none',
    sentence: 'The dropout run ends with a higher validation loss than the network without dropout.',
    frequency: 'most',
    runs: pair('overfits', LESSON_CHANGES.scaleByP),
    ...lowerValidation('plain', 'dropout'),
  },
  {
    id: 'double-scaling-training-loss',
    sentence: 'Its training loss ends higher than with correct inverted dropout.',
    frequency: 'most',
    runs: { double: pair('overfits', LESSON_CHANGES.doubleScaling).dropout, inverted: overfits.dropout },
    measure: ({ double, inverted }) => ({ double: double!.train.loss, inverted: inverted!.train.loss }),
    holds: ({ double, inverted }) => double! > inverted!,
  },
  {
    id: 'double-scaling-validation',
    sentence:
      "Its validation loss moves either way: it ends lower than with correct inverted dropout on 5 of the course's 10 test seeds.",
    frequency: 'stated',
    runs: { double: pair('overfits', LESSON_CHANGES.doubleScaling).dropout, inverted: overfits.dropout },
    ...lowerValidation('double', 'inverted'),
  },
  {
    id: 'no-backward-mask-worse',
    sentence:
      '_no-backward-mask_ trains dropped units on gradients they never earned, and ends with a higher validation loss than correct inverted dropout.',
    frequency: 'most',
    runs: { mistake: pair('overfits', LESSON_CHANGES.noBackwardMask).dropout, inverted: overfits.dropout },
    ...lowerValidation('inverted', 'mistake'),
  },
  {
    id: 'too-strong-jumps',
    sentence:
      "Training never settles: the dropout run's validation loss jumps from epoch to epoch, many times as far as at $p = 0.5$.",
    frequency: 'most',
    runs: { strong: pair('too-strong').dropout, half: overfits.dropout },
    measure: ({ strong, half }) => ({
      'change at 0.9': epochToEpochChange(strong!.tail),
      'change at 0.5': epochToEpochChange(half!.tail),
    }),
    holds: (m) => m['change at 0.9']! > JUMP_FACTOR * m['change at 0.5']!,
  },
  {
    id: 'too-strong-worse-than-a-coin',
    sentence: 'It ends above $\\ln 2$, the loss of a network that answers one half for every point.',
    frequency: 'most',
    runs: { strong: pair('too-strong').dropout },
    measure: validationLosses,
    holds: ({ strong }) => strong! > Math.LN2,
  },
  {
    id: 'too-strong-classic',
    sentence:
      'At the same $p = 0.9$, the dropout run now ends with a lower validation loss than the network without dropout.',
    frequency: 'most',
    runs: pair('too-strong', LESSON_CHANGES.classic),
    ...lowerValidation('dropout', 'plain'),
  },
  {
    id: 'too-strong-small-rate',
    sentence:
      'Or keep inverted dropout and lower the learning rate to {change.strongSmallRate.lr}, $q^2$ times the preset’s: the dropout run then settles, its validation loss changing less from epoch to epoch than at $p = 0.5$, and ends below $\\ln 2$.',
    frequency: 'most',
    runs: { small: pair('too-strong', LESSON_CHANGES.strongSmallRate).dropout, half: overfits.dropout },
    measure: ({ small, half }) => ({
      'change at 0.9, small rate': epochToEpochChange(small!.tail),
      'change at 0.5': epochToEpochChange(half!.tail),
      'validation at 0.9, small rate': small!.validation.loss,
    }),
    holds: (m) =>
      m['change at 0.9, small rate']! < m['change at 0.5']! && m['validation at 0.9, small rate']! < Math.LN2,
  },
  {
    id: 'small-network-dropout-hurts',
    sentence:
      'With dropout, every step trains an even smaller thinned network, and the noise only costs: the dropout run ends with the higher validation loss.',
    frequency: 'most',
    runs: pair('small-network'),
    ...lowerValidation('plain', 'dropout'),
  },
  {
    id: 'annealed-overfits-again',
    sentence: "In that last quarter the dropout run's validation loss climbs again.",
    frequency: 'most',
    runs: { annealed: pair('annealed').dropout },
    measure: ({ annealed }) => ({ 'at ¾': annealed!.tail[0]!, 'at the end': annealed!.tail.at(-1)! }),
    holds: (m) => m['at the end']! > m['at ¾']!,
  },
  {
    id: 'annealed-worse-than-constant',
    sentence: 'It ends higher than with constant $p$, the first preset on the same seed.',
    frequency: 'most',
    runs: { annealed: pair('annealed').dropout, constant: overfits.dropout },
    ...lowerValidation('constant', 'annealed'),
  },
  {
    id: 'max-norm-alone-beats-dropout-alone',
    sentence:
      "On this data the cap alone does better than dropout alone: without dropout, the capped network ends with a lower validation loss than the first preset's network with dropout.",
    frequency: 'most',
    runs: { cap: pair('max-norm').plain, dropout: overfits.dropout },
    ...lowerValidation('cap', 'dropout'),
  },
  {
    id: 'large-rate-diverges',
    sentence: 'On the first preset, a run diverges, and the lab stops training with a message.',
    frequency: 'most',
    runs: pair('overfits', LESSON_CHANGES.largeRate),
    measure: ({ dropout, plain }) => ({
      'diverged with, epoch': dropout!.divergedAt ?? Number.NaN,
      'diverged without, epoch': plain!.divergedAt ?? Number.NaN,
    }),
    // The lab stops both runs when either diverges.
    holds: (m) => Object.values(m).some(Number.isFinite),
  },
  {
    id: 'large-rate-capped-bounded',
    sentence: 'With the same learning rate, neither run diverges now.',
    frequency: 'most',
    runs: pair('overfits', LESSON_CHANGES.largeRateCapped),
    measure: ({ dropout, plain }) => ({
      'diverged with, epoch': dropout!.divergedAt ?? Number.NaN,
      'diverged without, epoch': plain!.divergedAt ?? Number.NaN,
    }),
    holds: (m) => !Object.values(m).some(Number.isFinite),
  },
  {
    id: 'large-rate-capped-chance',
    sentence:
      'Bounded is not trained, though: both runs end at chance, with about half of the validation points right.',
    frequency: 'most',
    runs: pair('overfits', LESSON_CHANGES.largeRateCapped),
    measure: ({ dropout, plain }) => ({
      'accuracy with': dropout!.validation.accuracy,
      'accuracy without': plain!.validation.accuracy,
    }),
    // "About half": within a tenth of one half, where a trained network scores far above it.
    holds: (m) => Object.values(m).every((accuracy) => Math.abs(accuracy - 0.5) <= 0.1),
  },
  {
    id: 'max-norm-dropout-raises-validation',
    sentence: "With the cap in place, adding dropout raises the validation loss on 8 of the course's 10 test seeds.",
    frequency: 'stated',
    runs: { both: pair('max-norm').dropout, cap: pair('max-norm').plain },
    ...lowerValidation('cap', 'both'),
  },
];

/** Removes floating-point dust (1/0.1 = 9.999999999999998) from a derived figure. */
const tidy = (x: number): number => Number(x.toPrecision(12));

const { dataset, training, epochs } = OVERFITTING_PRESET;
const strong = LAB_PRESETS['too-strong'].preset.training;
const q = 1 - (strong.dropout.p[1] ?? 0);
const small = LAB_PRESETS['small-network'].preset;

/**
 * Numbers the lab lesson quotes about the presets, computed from them (the ones lesson 1 shares
 * are in src/lib/lesson-figures.ts).
 */
export const LAB_FIGURES = {
  validationPoints: dataset.validationSize,
  batch: training.batchSize,
  learningRate: training.update.learningRate,
  momentum: training.update.momentum,
  epochs,
  /** the too-strong preset: units per layer and kept on average, 1/q, and inverted dropout's step against classic's, 1/q² */
  strongWidth: strong.shape.sizes[1] ?? 0,
  strongKept: Math.round((strong.shape.sizes[1] ?? 0) * q),
  strongScale: tidy(1 / q),
  strongStepRatio: tidy(1 / q ** 2),
  smallWidth: small.training.shape.sizes[1] ?? 0,
  smallPoints: small.dataset.trainSize,
};
