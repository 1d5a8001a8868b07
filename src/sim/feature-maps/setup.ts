import { makeDataset, type DatasetSplit } from '../datasets.ts';
import { OVERFITTING_PRESET, type TrainingPreset } from '../presets.ts';
import { pairedTrainers, type Trainer } from '../train.ts';

/**
 * The feature-map network and its data, as TensorFlow Playground shows one: 2 inputs, two hidden
 * layers of 6 tanh units (12 maps) and a sigmoid output, trained for 200 epochs on 200 two-moons
 * points with 10 % of labels flipped; inverted dropout at drop probability p = 0.2 on both hidden
 * layers (a low rate for small layers; none on the inputs); the lab's first preset's momentum and
 * minibatches of 20, at learning rate 0.3. The same seed gives the same data, initial weights and
 * minibatches.
 */
export const FEATURE_MAP_SETUP: TrainingPreset = {
  dataset: { kind: 'moons', trainSize: 200, validationSize: 400, noise: 0.1 },
  training: {
    ...OVERFITTING_PRESET.training,
    shape: { sizes: [2, 6, 6, 1], activation: 'tanh', output: 'sigmoid-bce' },
    dropout: { mode: 'inverted', p: [0, 0.2, 0.2] },
    update: { ...OVERFITTING_PRESET.training.update, learningRate: 0.3 },
  },
  epochs: 200,
};

/** The two trained networks of a seed and the data they were trained and are judged on. */
export interface TrainedPair {
  /** training and validation points (inputs [size][2], targets [size][1]) */
  data: DatasetSplit;
  /** trained with the setup's dropout */
  withDropout: Trainer;
  /** trained from the same weights on the same minibatches, without dropout */
  withoutDropout: Trainer;
}

/**
 * Trains the lab's pair (src/sim/train.ts's {@link pairedTrainers}) for `setup.epochs` epochs on
 * the seed's dataset. Deterministic: the same seed and setup give the same weights, bit for bit.
 */
export function trainFeatureMapPair(seed: number, setup: TrainingPreset = FEATURE_MAP_SETUP): TrainedPair {
  const data = makeDataset({ ...setup.dataset, seed });
  const { withDropout, withoutDropout } = pairedTrainers({ ...setup.training, seed }, data.train);
  for (let e = 0; e < setup.epochs; e++) {
    withDropout.trainEpoch();
    withoutDropout.trainEpoch();
  }
  return { data, withDropout, withoutDropout };
}
