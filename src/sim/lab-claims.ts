/**
 * The claims the lessons make about what the training lab shows (most in content/lessons/the-lab.mdx),
 * each defined by the runs it compares and a predicate on one seed's results. A lesson marks
 * each backed sentence `{/* claim: <id> *\/}`; tests/unit/lab-claims.test.ts trains every run on
 * the course's test seeds and holds each claim to what its sentence says.
 */
import { makeDataset, type DatasetSettings } from './datasets.ts';
import { divergence } from './divergence.ts';
import type { DropoutMode } from './dropout.ts';
import { LAB_PRESETS, OVERFITTING_PRESET, type LabPresetId } from './presets.ts';
import { Trainer, type Evaluation, type TrainingConfig } from './train.ts';

/** The seeds every claim is tried on. */
export const CLAIM_SEEDS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Seeds out of {@link CLAIM_SEEDS} on which a claim worded as a rule must hold. */
export const MOST_SEEDS = 8;

/** Settings a reader changes in the lab, named as the lab's controls (`lab.width`, …). */
export interface LabChanges {
  /** fraction of labels flipped, in training and validation data */
  noise?: number;
  /** units in each of the two hidden layers */
  width?: number;
  /** dropout mode of the run with dropout (the lab offers every mode but `none`) */
  mode?: Exclude<DropoutMode, 'none'>;
  /** drop probability of hidden layer 1 */
  p?: number;
  /** drop probability of hidden layer 2 */
  p2?: number;
  /** learning rate, momentum and max-norm cap (0: none), under "More settings" */
  lr?: number;
  momentum?: number;
  maxNorm?: number;
}

/** The changes the lesson asks for, quoted by it, so its instructions and the claims' runs agree. */
export const LESSON_CHANGES = {
  cleanLabels: { noise: 0 },
  narrow: { width: 8 },
  scaleByP: { mode: 'scale-by-p', p: 0.2, p2: 0.2 },
  doubleScaling: { mode: 'double-scaling' },
  noBackwardMask: { mode: 'no-backward-mask' },
  classic: { mode: 'classic' },
  /** the too-strong preset's learning rate times q², the step classic dropout would take */
  strongSmallRate: { lr: 0.001 },
  largeRate: { lr: 5, momentum: 0.99 },
  largeRateCapped: { lr: 5, momentum: 0.99, maxNorm: 3 },
} as const satisfies Record<string, LabChanges>;

/** One network of the lab's pair, after a reader picks a preset and changes some controls. */
export interface LabRun {
  preset: LabPresetId;
  changes: LabChanges;
  /** the run with dropout, or the one the lab trains beside it without */
  network: 'dropout' | 'plain';
}

/** Everything a run needs; with the seed, it reproduces the lab's run exactly. */
export interface RunSettings {
  dataset: DatasetSettings;
  training: TrainingConfig;
  epochs: number;
}

/** What a run ends with, as the lab measures it: the test network's losses. */
export interface RunOutcome {
  /** on the training points (the lab's dashed curve) */
  train: Evaluation;
  /** on the validation points (the solid curve) */
  validation: Evaluation;
  /**
   * validation loss over the last quarter of the run: after epoch ¾·epochs (where the lab's
   * annealing reaches p = 0), and after each later epoch
   */
  tail: Float64Array;
  /** the longest incoming weight vector of any unit at the end, the length max-norm caps */
  longestIncoming: number;
  /** the epoch at which the lab would stop the run as diverged (src/sim/divergence.ts), if it would */
  divergedAt: number | undefined;
}

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

/** The settings of a run on a seed: the preset with the changes applied, as the lab applies them. */
export function settingsOf({ preset, changes, network }: LabRun, seed: number): RunSettings {
  const { dataset, training, epochs } = LAB_PRESETS[preset].preset;
  const { noise = dataset.noise, width, mode = training.dropout.mode } = changes;
  const [pIn = 0, p = 0, p2 = 0] = training.dropout.p;
  const { lr: learningRate = training.update.learningRate, momentum = training.update.momentum } = changes;
  const pair: TrainingConfig = {
    ...training,
    shape: width === undefined ? training.shape : { ...training.shape, sizes: [2, width, width, 1] },
    dropout: { mode, p: [pIn, changes.p ?? p, changes.p2 ?? p2] },
    update: { learningRate, momentum, maxNorm: changes.maxNorm ?? training.update.maxNorm },
    seed,
  };
  // As pairedTrainers builds the run without dropout.
  const plain: TrainingConfig = { ...pair, dropout: { mode: 'none', p: pair.dropout.p.map(() => 0) } };
  return { dataset: { ...dataset, noise, seed }, training: network === 'dropout' ? pair : plain, epochs };
}

/** Trains one run to its last epoch and measures it. Deterministic: the same run and seed give the same numbers. */
export function measureRun(run: LabRun, seed: number): RunOutcome {
  const { dataset, training, epochs } = settingsOf(run, seed);
  const { train, validation } = makeDataset(dataset);
  const trainer = new Trainer(training, train);
  const tailStart = Math.round(0.75 * epochs);
  const tail = new Float64Array(epochs - tailStart + 1);
  let first = Number.NaN;
  let divergedAt: number | undefined;
  // As the lab does, a run that diverges stops there.
  for (let e = 1; e <= epochs && divergedAt === undefined; e++) {
    const loss = trainer.trainEpoch();
    if (e === 1) first = loss;
    if (divergence(e, first, loss)) divergedAt = e;
    if (e >= tailStart) tail[e - tailStart] = trainer.evaluate(validation).loss;
  }
  return {
    train: trainer.evaluate(train),
    validation: trainer.evaluate(validation),
    tail,
    longestIncoming: longestIncoming(trainer),
    divergedAt,
  };
}

/** The longest incoming weight vector of any unit of the trainer's network (weights are [in][out]). */
function longestIncoming({ network }: Trainer): number {
  let longest = 0;
  network.weights.forEach((w, l) => {
    const [nIn, nOut] = [network.shape.sizes[l] ?? 0, network.shape.sizes[l + 1] ?? 0];
    for (let i = 0; i < nOut; i++) {
      let squares = 0;
      for (let j = 0; j < nIn; j++) squares += w[j * nOut + i]! ** 2;
      longest = Math.max(longest, Math.sqrt(squares));
    }
  });
  return longest;
}

/** Mean absolute change of the validation loss from one epoch to the next, over the tail. */
export function epochToEpochChange(tail: Float64Array): number {
  let sum = 0;
  for (let i = 1; i < tail.length; i++) sum += Math.abs(tail[i]! - tail[i - 1]!);
  return sum / (tail.length - 1);
}

/** How many times the p = 0.5 run's epoch-to-epoch change the p = 0.9 run's must reach to "jump". */
const JUMP_FACTOR = 10;

/** The lab's two runs after a preset and some changes. */
const pair = (preset: LabPresetId, changes: LabChanges = {}): Record<LabRun['network'], LabRun> => ({
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
