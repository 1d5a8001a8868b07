import { formatNumber } from '../../lib/format.ts';
import { choiceOf, SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import type { DatasetSettings } from '../../sim/datasets.ts';
import { DROPOUT_MODES } from '../../sim/dropout.ts';
import { LAB_PRESETS, LAB_SEED, type LabPresetId } from '../../sim/presets.ts';
import { appendEpoch, type RunCurves } from '../../sim/run-curves.ts';
import { labSchedule, secondRunOf } from '../../sim/second-run.ts';
import { MAX_SMOOTHING } from '../../sim/smoothing.ts';
import type { SecondRun, TrainingConfig } from '../../sim/train.ts';
import { RECORD_FIELDS } from '../../worker/trainer-protocol.ts';

export { LAB_SEED };

/** The classification datasets the lab trains on. */
export const LAB_DATASETS = ['moons', 'circles', 'xor', 'spiral', 'blobs'] as const;

/** The training lab's parameters, as they appear in the URL under `lab.`. */
export const LAB_SPECS = {
  preset: { kind: 'choice', label: 'preset', values: Object.keys(LAB_PRESETS) as LabPresetId[] },
  dataset: { kind: 'choice', label: 'dataset', values: LAB_DATASETS },
  noise: { kind: 'number', label: 'label noise', min: 0, max: 0.4, step: 0.01 },
  size: { kind: 'number', label: 'training points', min: 20, max: 500, step: 10 },
  width: { kind: 'number', label: 'hidden units per layer', min: 2, max: 128, step: 1 },
  p: { kind: 'number', label: 'drop probability of hidden layer 1', min: 0, max: 0.9, step: 0.05 },
  p2: { kind: 'number', label: 'drop probability of hidden layer 2', min: 0, max: 0.9, step: 0.05 },
  pIn: { kind: 'number', label: 'drop probability of the inputs', min: 0, max: 0.5, step: 0.05 },
  mode: { kind: 'choice', label: 'dropout mode', values: DROPOUT_MODES.filter((m) => m !== 'none') },
  lr: { kind: 'number', label: 'learning rate', min: 0.001, max: 5, step: 0.001 },
  momentum: { kind: 'number', label: 'momentum', min: 0, max: 0.99, step: 0.01 },
  l2: { kind: 'number', label: 'L2 penalty', min: 0, max: 0.1, step: 0.0001 },
  maxNorm: { kind: 'number', label: 'max-norm', min: 0, max: 10, step: 0.5 },
  batch: { kind: 'number', label: 'batch size', min: 1, max: 500, step: 1 },
  schedule: { kind: 'choice', label: 'schedule', values: ['constant', 'linear'] },
  pair: { kind: 'choice', label: 'second run', values: ['none', 'dropout'] },
  pairP: { kind: 'number', label: 'drop probability of the second run', min: 0, max: 0.9, step: 0.05 },
  pairMode: {
    kind: 'choice',
    label: 'dropout mode of the second run',
    values: DROPOUT_MODES.filter((m) => m !== 'none'),
  },
  pairSchedule: { kind: 'choice', label: 'schedule of the second run', values: ['constant', 'linear'] },
  epochs: { kind: 'number', label: 'epochs', min: 10, max: 5000, step: 10 },
  seed: SEED_SPEC,
  /** how strongly the curves drawn are smoothed (src/sim/smoothing.ts): display only, the runs' numbers stay raw */
  smoothing: { kind: 'number', label: 'smoothing', min: 0, max: MAX_SMOOTHING, step: 0.05 },
} as const satisfies Specs;

/**
 * The curves' smoothing until the reader changes it: light, as TensorBoard's default, so the
 * validation curve's trend reads through the jitter dropout gives it while each epoch's value
 * stays visible behind it.
 */
export const LAB_SMOOTHING = 0.6;

export type LabState = ValuesOf<typeof LAB_SPECS>;

/** Cells per side of the decision maps the worker sends and the lab draws. */
export const MAP_RESOLUTION = 40;

/** Every control's value for a preset, with a seed (and the curves' smoothing, which no preset sets). */
export function presetState(id: LabPresetId, seed = LAB_SEED, smoothing = LAB_SMOOTHING): LabState {
  const { dataset, training, epochs } = LAB_PRESETS[id].preset;
  const hidden = training.shape.sizes[1] ?? 64;
  return {
    preset: id,
    dataset: choiceOf(LAB_SPECS.dataset, dataset.kind),
    noise: dataset.noise,
    size: dataset.trainSize,
    width: hidden,
    p: training.dropout.p[1] ?? 0,
    p2: training.dropout.p[2] ?? 0,
    pIn: training.dropout.p[0] ?? 0,
    mode: choiceOf(LAB_SPECS.mode, training.dropout.mode),
    lr: training.update.learningRate,
    momentum: training.update.momentum,
    l2: training.l2,
    maxNorm: training.update.maxNorm,
    batch: training.batchSize,
    schedule: training.schedule.kind === 'linear' ? 'linear' : 'constant',
    // The second run: none by default; chosen, it starts as the first run's p and mode, annealed.
    pair: 'none',
    pairP: training.dropout.p[1] ?? 0,
    pairMode: choiceOf(LAB_SPECS.pairMode, training.dropout.mode),
    pairSchedule: 'linear',
    epochs,
    seed,
    smoothing,
  };
}

/**
 * The dataset, the training configuration and the second run's dropout a state describes (the
 * lab's network: two hidden tanh layers).
 */
export function runSettings(state: LabState): {
  dataset: DatasetSettings;
  training: TrainingConfig;
  second: SecondRun;
  epochs: number;
} {
  const dataset: DatasetSettings = {
    kind: state.dataset as DatasetSettings['kind'],
    trainSize: state.size,
    validationSize: 400,
    noise: state.noise,
    seed: state.seed,
  };
  const training: TrainingConfig = {
    shape: { sizes: [2, state.width, state.width, 1], activation: 'tanh', output: 'sigmoid-bce' },
    dropout: { mode: state.mode, p: [state.pIn, state.p, state.p2] },
    schedule: labSchedule(state.schedule, state.epochs),
    update: { learningRate: state.lr, momentum: state.momentum, maxNorm: state.maxNorm },
    l2: state.l2,
    batchSize: state.batch,
    seed: state.seed,
  };
  return { dataset, training, second: secondRunOf(state, training, state.epochs), epochs: state.epochs };
}

/** The curves of the two runs per epoch, as the lab plots them. */
export interface History {
  epochs: number[];
  /** the dropout run: its test network's loss on the training set, and on the validation set */
  train: number[];
  validation: number[];
  /** the second run (without dropout unless the reader chose a second dropout configuration) */
  trainPlain: number[];
  validationPlain: number[];
  /** each run's accuracies on the training and validation sets, first the dropout run's */
  accuracy: readonly [Accuracies, Accuracies];
}

/** A run's fractions classified correctly after each epoch. */
export type Accuracies = Pick<RunCurves, 'trainAccuracy' | 'validationAccuracy'>;

export function emptyHistory(): History {
  return {
    epochs: [],
    train: [],
    validation: [],
    trainPlain: [],
    validationPlain: [],
    accuracy: [noAccuracy(), noAccuracy()],
  };
}

const noAccuracy = (): Accuracies => ({ trainAccuracy: [], validationAccuracy: [] });

const FIELD = Object.fromEntries(RECORD_FIELDS.map((name, i) => [name, i])) as Record<
  (typeof RECORD_FIELDS)[number],
  number
>;

/** One run's curves in a history: 0 the dropout run, 1 the second. */
export function curvesOf(history: History, run: 0 | 1): RunCurves {
  return {
    trainLoss: run === 0 ? history.train : history.trainPlain,
    validationLoss: run === 0 ? history.validation : history.validationPlain,
    ...history.accuracy[run],
  };
}

/** Appends the records of one progress event of a paired run (two runs per epoch). */
export function appendRecords(history: History, records: Float64Array): History {
  const width = RECORD_FIELDS.length;
  const epochs = [...history.epochs];
  const runs = ([0, 1] as const).map((r) => {
    const { trainLoss, validationLoss, trainAccuracy, validationAccuracy } = curvesOf(history, r);
    return {
      trainLoss: [...trainLoss],
      validationLoss: [...validationLoss],
      trainAccuracy: [...trainAccuracy],
      validationAccuracy: [...validationAccuracy],
    };
  }) as [RunCurves, RunCurves];
  const field = (at: number, name: (typeof RECORD_FIELDS)[number]) => records[at + FIELD[name]] ?? Number.NaN;
  for (let at = 0; at + 2 * width <= records.length; at += 2 * width) {
    epochs.push(field(at, 'epoch'));
    runs.forEach((curves, r) => {
      const start = at + r * width;
      appendEpoch(
        curves,
        { loss: field(start, 'trainLoss'), accuracy: field(start, 'trainAccuracy') },
        { loss: field(start, 'validationLoss'), accuracy: field(start, 'validationAccuracy') },
      );
    });
  }
  const [first, second] = runs;
  return {
    epochs,
    train: first.trainLoss,
    validation: first.validationLoss,
    trainPlain: second.trainLoss,
    validationPlain: second.validationLoss,
    accuracy: [
      { trainAccuracy: first.trainAccuracy, validationAccuracy: first.validationAccuracy },
      { trainAccuracy: second.trainAccuracy, validationAccuracy: second.validationAccuracy },
    ],
  };
}

/** How the statistics and summaries name the two runs, the dropout run first. */
export const PLAIN_TERMS = ['with dropout', 'without'] as const;

/**
 * "After 400 epochs: validation loss 0.40 with dropout, 0.91 without." and the gaps; `terms` name
 * the runs (see run-names.ts).
 */
export function describeTraining(history: History, terms: readonly [string, string] = PLAIN_TERMS): string {
  const n = history.epochs.length;
  if (n === 0) return 'Not trained yet. Press Train to train both networks side by side.';
  const last = (values: number[]) => values[n - 1] ?? Number.NaN;
  const epoch = last(history.epochs);
  const gap = (validation: number[], train: number[]) => formatNumber(last(validation) - last(train));
  return (
    `After ${epoch} ${epoch === 1 ? 'epoch' : 'epochs'}: validation loss ${formatNumber(last(history.validation))} ${terms[0]}, ` +
    `${formatNumber(last(history.validationPlain))} ${terms[1]}. Generalization gap ${gap(history.validation, history.train)} ${terms[0]}, ` +
    `${gap(history.validationPlain, history.trainPlain)} ${terms[1]}.`
  );
}
