import { formatNumber } from '../../lib/format.ts';
import { choiceOf, SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import type { DatasetSettings } from '../../sim/datasets.ts';
import { DROPOUT_MODES } from '../../sim/dropout.ts';
import { LAB_PRESETS, type LabPresetId } from '../../sim/presets.ts';
import type { TrainingConfig } from '../../sim/train.ts';
import { RECORD_FIELDS } from '../../worker/trainer-protocol.ts';

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
  epochs: { kind: 'number', label: 'epochs', min: 10, max: 5000, step: 10 },
  seed: SEED_SPEC,
} as const satisfies Specs;

export type LabState = ValuesOf<typeof LAB_SPECS>;

/** Cells per side of the decision maps the worker sends and the lab draws. */
export const MAP_RESOLUTION = 40;

/** The default seed: one on which the default preset shows its point plainly. */
export const LAB_SEED = 5;

/** Every control's value for a preset, with a seed. */
export function presetState(id: LabPresetId, seed = LAB_SEED): LabState {
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
    epochs,
    seed,
  };
}

/** The dataset and training configuration a state describes (the lab's network: two hidden tanh layers). */
export function runSettings(state: LabState): { dataset: DatasetSettings; training: TrainingConfig; epochs: number } {
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
    // Annealing reaches p = 0 three quarters of the way through the run.
    schedule:
      state.schedule === 'linear' ? { kind: 'linear', epochs: Math.round(0.75 * state.epochs) } : { kind: 'constant' },
    update: { learningRate: state.lr, momentum: state.momentum, maxNorm: state.maxNorm },
    l2: state.l2,
    batchSize: state.batch,
    seed: state.seed,
  };
  return { dataset, training, epochs: state.epochs };
}

/** Losses per epoch of the two runs, as the lab plots them. */
export interface History {
  epochs: number[];
  /** with dropout: test network's loss on the training set, and on the validation set */
  train: number[];
  validation: number[];
  /** without dropout */
  trainPlain: number[];
  validationPlain: number[];
}

export function emptyHistory(): History {
  return { epochs: [], train: [], validation: [], trainPlain: [], validationPlain: [] };
}

const FIELD = Object.fromEntries(RECORD_FIELDS.map((name, i) => [name, i])) as Record<
  (typeof RECORD_FIELDS)[number],
  number
>;

/** Appends the records of one progress event of a paired run (two runs per epoch). */
export function appendRecords(history: History, records: Float64Array): History {
  const width = RECORD_FIELDS.length;
  const next = {
    epochs: [...history.epochs],
    train: [...history.train],
    validation: [...history.validation],
    trainPlain: [...history.trainPlain],
    validationPlain: [...history.validationPlain],
  };
  for (let at = 0; at + 2 * width <= records.length; at += 2 * width) {
    next.epochs.push(records[at + FIELD.epoch] ?? 0);
    next.train.push(records[at + FIELD.trainLoss] ?? Number.NaN);
    next.validation.push(records[at + FIELD.validationLoss] ?? Number.NaN);
    next.trainPlain.push(records[at + width + FIELD.trainLoss] ?? Number.NaN);
    next.validationPlain.push(records[at + width + FIELD.validationLoss] ?? Number.NaN);
  }
  return next;
}

/** "After 400 epochs: validation loss 0.40 with dropout, 0.91 without." and the gaps. */
export function describeTraining(history: History): string {
  const n = history.epochs.length;
  if (n === 0) return 'Not trained yet. Press Train to train both networks side by side.';
  const last = (values: number[]) => values[n - 1] ?? Number.NaN;
  const epoch = last(history.epochs);
  const gap = (validation: number[], train: number[]) => formatNumber(last(validation) - last(train));
  return (
    `After ${epoch} ${epoch === 1 ? 'epoch' : 'epochs'}: validation loss ${formatNumber(last(history.validation))} with dropout, ` +
    `${formatNumber(last(history.validationPlain))} without. Generalization gap ${gap(history.validation, history.train)} with dropout, ` +
    `${gap(history.validationPlain, history.trainPlain)} without.`
  );
}
