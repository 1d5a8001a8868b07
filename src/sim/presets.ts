import type { DatasetSettings } from './datasets.ts';
import type { TrainingConfig } from './train.ts';

/** The lab's default seed: one on which the default preset shows its point plainly. */
export const LAB_SEED = 5;

/** A dataset, a training configuration and a length of training that together make a point. */
export interface TrainingPreset {
  dataset: Omit<DatasetSettings, 'seed'>;
  training: Omit<TrainingConfig, 'seed'>;
  /** epochs after which the point is visible */
  epochs: number;
}

/**
 * "Overfits without dropout": 60 noisy two-moons points (10 % of labels flipped) and a
 * network far wider than they need. Without dropout the training loss goes towards zero
 * while the validation loss climbs; inverted dropout at p = 0.5 on both hidden layers
 * keeps the validation loss lower. The unit tests hold this to 8 seeds out of 10.
 */
export const OVERFITTING_PRESET: TrainingPreset = {
  dataset: { kind: 'moons', trainSize: 60, validationSize: 400, noise: 0.1 },
  training: {
    shape: { sizes: [2, 64, 64, 1], activation: 'tanh', output: 'sigmoid-bce' },
    dropout: { mode: 'inverted', p: [0, 0.5, 0.5] },
    schedule: { kind: 'constant' },
    update: { learningRate: 0.1, momentum: 0.9, maxNorm: 0 },
    l2: 0,
    batchSize: 20,
  },
  epochs: 400,
};

/** The lab's presets, each a point about dropout that shows within its epochs. */
export const LAB_PRESETS = {
  overfits: {
    name: 'Overfits without dropout',
    point:
      'A wide network on 60 noisy points: without dropout the validation loss climbs; with dropout it stays lower.',
    preset: OVERFITTING_PRESET,
  },
  'too-strong': {
    name: 'Dropout too strong',
    point:
      'At p = 0.9 each kept unit is scaled by 10: training never settles, and the validation loss jumps from epoch to epoch.',
    preset: {
      ...OVERFITTING_PRESET,
      training: { ...OVERFITTING_PRESET.training, dropout: { mode: 'inverted', p: [0, 0.9, 0.9] } },
    },
  },
  'small-network': {
    name: 'Small network: dropout hurts',
    point: 'Four units a layer and plenty of clean data: nothing to regularize, and dropout only adds noise.',
    preset: {
      dataset: { kind: 'moons', trainSize: 300, validationSize: 400, noise: 0.02 },
      training: {
        ...OVERFITTING_PRESET.training,
        shape: { sizes: [2, 4, 4, 1], activation: 'tanh', output: 'sigmoid-bce' },
        dropout: { mode: 'inverted', p: [0, 0.5, 0.5] },
      },
      epochs: 300,
    },
  },
  annealed: {
    name: 'Annealed dropout',
    point: 'p falls linearly from 0.5 to 0 over 300 epochs: strong noise early, a deterministic network at the end.',
    preset: {
      ...OVERFITTING_PRESET,
      training: { ...OVERFITTING_PRESET.training, schedule: { kind: 'linear', epochs: 300 } },
    },
  },
  'max-norm': {
    name: 'Dropout with max-norm',
    point:
      'Both runs hold each unit’s incoming weights to length 2. On this data the cap alone ends with a lower validation loss than dropout alone: compare with the first preset.',
    preset: {
      ...OVERFITTING_PRESET,
      training: {
        ...OVERFITTING_PRESET.training,
        update: { learningRate: 0.1, momentum: 0.9, maxNorm: 2 },
      },
    },
  },
} as const satisfies Record<string, { name: string; point: string; preset: TrainingPreset }>;

export type LabPresetId = keyof typeof LAB_PRESETS;
