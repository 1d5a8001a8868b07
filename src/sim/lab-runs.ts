/**
 * The lab's runs as the claims of src/sim/lab-claims.ts train them: a preset, the controls a
 * reader changes and which network of the pair, set up exactly as the lab sets them up, trained to
 * the end (or to the lab's divergence stop) and measured as the lab measures them.
 */
import { makeDataset, type DatasetSettings } from './datasets.ts';
import { divergence } from './divergence.ts';
import type { DropoutMode } from './dropout.ts';
import { LAB_PRESETS, type LabPresetId } from './presets.ts';
import { appendEpoch, bestValidation, emptyCurves, type EpochPoint, type RunCurves } from './run-curves.ts';
import { secondRunOf, type PairChoice } from './second-run.ts';
import { Trainer, type Evaluation, type TrainingConfig } from './train.ts';

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
  /** what the lab trains beside the dropout run (the run named `second`); no dropout unless set */
  pair?: PairChoice['pair'];
  pairP?: number;
  pairMode?: PairChoice['pairMode'];
  pairSchedule?: PairChoice['pairSchedule'];
}

/** The changes the lesson asks for, quoted by it, so its instructions and the claims' runs agree. */
export const LESSON_CHANGES = {
  cleanLabels: { noise: 0 },
  narrow: { width: 8 },
  scaleByP: { mode: 'scale-by-p', p: 0.2, p2: 0.2 },
  doubleScaling: { mode: 'double-scaling' },
  noBackwardMask: { mode: 'no-backward-mask' },
  classic: { mode: 'classic' },
  /** the too-strong preset's learning rate times q²: classic dropout's step for the weights leaving a dropout layer (others step alike) */
  strongSmallRate: { lr: 0.001 },
  largeRate: { lr: 5, momentum: 0.99 },
  largeRateCapped: { lr: 5, momentum: 0.99, maxNorm: 3 },
  /** beside the first preset's constant p, the same p annealed to 0 */
  annealedSecond: { pair: 'dropout', pairP: 0.5, pairMode: 'inverted', pairSchedule: 'linear' },
} as const satisfies Record<string, LabChanges>;

/** One network of the lab's pair, after a reader picks a preset and changes some controls. */
export interface LabRun {
  preset: LabPresetId;
  changes: LabChanges;
  /**
   * the run with dropout; the one the lab trains beside it without dropout; or the one it trains
   * beside it as the changes' pair settings choose (without dropout unless they choose dropout)
   */
  network: 'dropout' | 'plain' | 'second';
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
  /** after each epoch, as the lab plots them (up to the divergence stop) */
  curves: RunCurves;
  /** at the epoch of lowest validation loss, the early-stopping baseline */
  best: EpochPoint;
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
  const choice: PairChoice = {
    pair: network === 'second' ? (changes.pair ?? 'none') : 'none',
    pairP: changes.pairP ?? p,
    pairMode: changes.pairMode ?? 'inverted',
    pairSchedule: changes.pairSchedule ?? 'constant',
  };
  // As trainerPair builds the second run.
  const second: TrainingConfig = { ...pair, ...secondRunOf(choice, pair, epochs) };
  return { dataset: { ...dataset, noise, seed }, training: network === 'dropout' ? pair : second, epochs };
}

/** Trains one run to its last epoch and measures it. Deterministic: the same run and seed give the same numbers. */
export function measureRun(run: LabRun, seed: number): RunOutcome {
  const { dataset, training, epochs } = settingsOf(run, seed);
  const { train, validation } = makeDataset(dataset);
  const trainer = new Trainer(training, train);
  const curves = emptyCurves();
  let first = Number.NaN;
  let divergedAt: number | undefined;
  // As the lab does, a run that diverges stops there.
  for (let e = 1; e <= epochs && divergedAt === undefined; e++) {
    const loss = trainer.trainEpoch();
    if (e === 1) first = loss;
    if (divergence(e, first, loss)) divergedAt = e;
    appendEpoch(curves, trainer.evaluate(train), trainer.evaluate(validation));
  }
  const tailStart = Math.round(0.75 * epochs);
  const tail = new Float64Array(epochs - tailStart + 1);
  tail.set(curves.validationLoss.slice(tailStart - 1));
  const epochNumbers = curves.validationLoss.map((_, i) => i + 1);
  // The last epoch's evaluations, as the lab shows them.
  const at = (loss: number[], accuracy: number[]): Evaluation => ({ loss: loss.at(-1)!, accuracy: accuracy.at(-1)! });
  return {
    train: at(curves.trainLoss, curves.trainAccuracy),
    validation: at(curves.validationLoss, curves.validationAccuracy),
    curves,
    best: bestValidation(curves, epochNumbers) ?? { epoch: 0, loss: Number.NaN, accuracy: Number.NaN },
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
