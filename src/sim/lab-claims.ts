/**
 * The claims the lessons make about what the training lab shows (most in content/lessons/the-lab.mdx),
 * each defined by the runs it compares (lab-runs.ts) and a predicate on one seed's results. A lesson marks
 * each backed sentence `{/* claim: <id> *\/}`; tests/unit/lab-claims.test.ts trains every run on
 * the course's test seeds and holds each claim to what its sentence says.
 */
import { EARLY, EPOCH_CLAIMS } from './lab-claims-epochs.ts';
import {
  doubleScalingRuns,
  endsLower,
  gap,
  lowerValidation,
  overfits,
  pair,
  trainingLoss,
  validationAccuracy,
  validationLosses,
  validationLoss,
  withAndWithout,
  type LabClaim,
} from './lab-claim-kit.ts';
import { epochToEpochChange, LESSON_CHANGES } from './lab-runs.ts';
import { LAB_PRESETS, OVERFITTING_PRESET } from './presets.ts';

export { CLAIM_SEEDS, MOST_SEEDS, type LabClaim } from './lab-claim-kit.ts';

/** How many times the p = 0.5 run's epoch-to-epoch change the p = 0.9 run's must reach to "jump". */
const JUMP_FACTOR = 10;
/** The epoch at which each run of a pair would be stopped as diverged, NaN where it would not. */
const divergedEpochs: LabClaim['measure'] = ({ dropout, plain }) => ({
  'diverged with, epoch': dropout!.divergedAt ?? Number.NaN,
  'diverged without, epoch': plain!.divergedAt ?? Number.NaN,
});

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
      'Without dropout its generalization gap still ends larger than with dropout, and the dropout run ends with the lower validation loss.',
    frequency: 'most',
    runs: pair('overfits', LESSON_CHANGES.narrow),
    measure: withAndWithout({ gap, validation: validationLoss }),
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
    runs: doubleScalingRuns,
    ...endsLower(trainingLoss, 'inverted', 'double'),
  },
  {
    id: 'double-scaling-validation',
    sentence:
      "Its validation loss moves either way: it ends lower than with correct inverted dropout on 5 of the course's 10 test seeds.",
    frequency: 'stated',
    runs: doubleScalingRuns,
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
    measure: divergedEpochs,
    // The lab stops both runs when either diverges.
    holds: (m) => Object.values(m).some(Number.isFinite),
  },
  {
    id: 'large-rate-capped-bounded',
    sentence: 'With the same learning rate, neither run diverges now.',
    frequency: 'most',
    runs: pair('overfits', LESSON_CHANGES.largeRateCapped),
    measure: divergedEpochs,
    holds: (m) => !Object.values(m).some(Number.isFinite),
  },
  {
    id: 'large-rate-capped-chance',
    sentence:
      'Bounded is not trained, though: both runs end at chance, with about half of the validation points right.',
    frequency: 'most',
    runs: pair('overfits', LESSON_CHANGES.largeRateCapped),
    measure: withAndWithout({ accuracy: validationAccuracy }),
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
  ...EPOCH_CLAIMS,
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
  /** the early epochs over which the two runs' curves stay together, and how close */
  earlyEpochs: EARLY.epochs,
  earlyTolerance: EARLY.tolerance,
  /** the accuracy a claim allows the run without dropout to fall short by, in percentage points */
  accuracyMargin: EARLY.accuracyMargin * 100,
};
