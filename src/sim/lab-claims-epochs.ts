/**
 * The lab's claims about its curves over the epochs (experiment 1 of content/lessons/the-lab.mdx),
 * about early stopping and accuracy, and about the second run the reader chooses. Part of
 * LAB_CLAIMS (lab-claims.ts), tested with it.
 */
import {
  doubleScalingRuns,
  endsLower,
  gap,
  overfits,
  trainingLoss,
  validationAccuracy,
  validationLoss,
  withAndWithout,
  type LabClaim,
} from './lab-claim-kit.ts';
import { LESSON_CHANGES, type LabRun, type RunOutcome } from './lab-runs.ts';

/** The numbers the experiment's sentences quote. */
export const EARLY = {
  /** epochs from the start over which the two runs' curves run together */
  epochs: 20,
  /** how close they stay: each curve within this loss of the other network's */
  tolerance: 0.1,
  /** how far the run without dropout's validation accuracy may fall short of the dropout run's */
  accuracyMargin: 0.02,
} as const;

/** The first preset with the second run set to the same p, annealed. */
const annealedPair: Record<'constant' | 'annealed', LabRun> = {
  constant: { preset: 'overfits', changes: LESSON_CHANGES.annealedSecond, network: 'dropout' },
  annealed: { preset: 'overfits', changes: LESSON_CHANGES.annealedSecond, network: 'second' },
};
const CURVES = ['trainLoss', 'validationLoss'] as const;

/** The run's loss (training or validation) after epoch `epoch`, counted from 1. */
const lossAt = (o: RunOutcome, curve: (typeof CURVES)[number], epoch: number): number => o.curves[curve][epoch - 1]!;

/** The claims of experiment 1, early stopping, accuracy and the chosen second run. */
export const EPOCH_CLAIMS: readonly LabClaim[] = [
  {
    id: 'early-together',
    sentence:
      "**Early on**, all four fall together: after {lab.earlyEpochs} epochs each curve is below its value after the first epoch, and each stays within {lab.earlyTolerance} of the other network's curve of the same kind.",
    frequency: 'most',
    runs: overfits,
    measure: ({ dropout, plain }) => {
      const runs = [dropout!, plain!];
      let apart = 0;
      for (let e = 1; e <= EARLY.epochs; e++) {
        for (const curve of CURVES)
          apart = Math.max(apart, Math.abs(lossAt(dropout!, curve, e) - lossAt(plain!, curve, e)));
      }
      const fallen = runs
        .flatMap((o) => CURVES.map((c) => lossAt(o, c, EARLY.epochs) < lossAt(o, c, 1)))
        .filter(Boolean);
      return { 'curves fallen': fallen.length, 'largest difference between the runs': apart };
    },
    holds: (m) => m['curves fallen'] === 4 && m['largest difference between the runs']! < EARLY.tolerance,
  },
  {
    id: 'plain-turns-upward',
    sentence:
      'Its validation loss (solid) reaches its lowest before the last quarter of the run and ends higher, while its training loss (dashed) ends lower than at that epoch: the generalization gap, validation loss minus training loss, ends wider than at that epoch.',
    frequency: 'most',
    runs: { plain: overfits.plain },
    measure: ({ plain }) => {
      const { best, curves } = plain!;
      return {
        'best epoch': best.epoch,
        epochs: curves.validationLoss.length,
        'validation at best': best.loss,
        'validation at the end': plain!.validation.loss,
        'training at best': lossAt(plain!, 'trainLoss', best.epoch),
        'training at the end': plain!.train.loss,
      };
    },
    holds: (m) =>
      m['best epoch']! < 0.75 * m.epochs! &&
      m['validation at the end']! > m['validation at best']! &&
      m['training at the end']! < m['training at best']! &&
      m['validation at the end']! - m['training at the end']! > m['validation at best']! - m['training at best']!,
  },
  {
    id: 'dropout-higher-training-lower-validation',
    sentence: 'It ends with a higher training loss, a lower validation loss and a smaller gap.',
    frequency: 'most',
    runs: overfits,
    measure: withAndWithout({ training: trainingLoss, validation: validationLoss, gap }),
    holds: (m) =>
      m['training with']! > m['training without']! &&
      m['validation with']! < m['validation without']! &&
      m['gap with']! < m['gap without']!,
  },
  {
    id: 'early-stopping-beats-dropout',
    sentence:
      'Stopped at its best validation epoch, the network without dropout has a lower validation loss than the dropout network at the end.',
    frequency: 'most',
    runs: overfits,
    measure: ({ dropout, plain }) => ({
      'without, at its best': plain!.best.loss,
      'with, at the end': dropout!.validation.loss,
    }),
    holds: (m) => m['without, at its best']! < m['with, at the end']!,
  },
  {
    id: 'loss-gap-is-confidence',
    sentence:
      'At the end, the network without dropout has the higher validation loss, yet its validation accuracy is at most {lab.accuracyMargin} percentage points below the dropout network’s, or above it.',
    frequency: 'most',
    runs: overfits,
    measure: withAndWithout({ loss: validationLoss, accuracy: validationAccuracy }),
    holds: (m) =>
      m['loss without']! > m['loss with']! && m['accuracy without']! >= m['accuracy with']! - EARLY.accuracyMargin,
  },
  {
    id: 'annealed-pair-worse',
    sentence: "The annealed run ends with the higher validation loss on 9 of the course's 10 test seeds.",
    frequency: 'stated',
    runs: annealedPair,
    ...endsLower(validationLoss, 'constant', 'annealed'),
  },
  {
    id: 'annealed-pair-accuracy',
    sentence: 'Yet it ends with the higher validation accuracy.',
    frequency: 'most',
    runs: annealedPair,
    ...endsLower(validationAccuracy, 'constant', 'annealed'),
  },
  {
    id: 'double-scaling-accuracy',
    sentence:
      "Its validation accuracy ends lower than with correct inverted dropout on 8 of the course's 10 test seeds.",
    frequency: 'stated',
    runs: doubleScalingRuns,
    ...endsLower(validationAccuracy, 'double', 'inverted'),
  },
];
