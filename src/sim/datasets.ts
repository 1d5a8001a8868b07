import { streamRng, Stream, type Rng } from './random.ts';
import { normal } from './sampling.ts';

/** Examples as rows: inputs [size][inputSize], targets [size][outputSize]. */
export interface Dataset {
  inputs: Float64Array;
  targets: Float64Array;
  size: number;
  inputSize: number;
  outputSize: number;
}

/** The datasets the course trains on: five 2-D classification sets and one 1-D regression. */
export type DatasetKind = 'moons' | 'circles' | 'xor' | 'spiral' | 'blobs' | 'regression';

/** Every dataset kind. */
export const DATASET_KINDS: readonly DatasetKind[] = ['moons', 'circles', 'xor', 'spiral', 'blobs', 'regression'];

/** How to generate a dataset. */
export interface DatasetSettings {
  kind: DatasetKind;
  /** training examples */
  trainSize: number;
  /** validation examples, drawn the same way (noise included) */
  validationSize: number;
  /**
   * Noise: for classification, the fraction of labels flipped at random (0…0.5); for
   * regression, the standard deviation of the Gaussian noise added to targets.
   */
  noise: number;
  /** seed of the data stream */
  seed: number;
}

/** A training set and a validation set from one seeded stream. */
export interface DatasetSplit {
  train: Dataset;
  validation: Dataset;
}

/** Standard deviation of the jitter on the 2-D point positions. */
const JITTER = 0.1;

/** Generates a dataset's training and validation sets. */
export function makeDataset(settings: DatasetSettings): DatasetSplit {
  const { kind, trainSize, validationSize, noise, seed } = settings;
  for (const [name, value] of [
    ['trainSize', trainSize],
    ['validationSize', validationSize],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number ≥ 1, got ${value}`);
  }
  const maxNoise = kind === 'regression' ? Infinity : 0.5;
  if (!(noise >= 0 && noise <= maxNoise)) throw new RangeError(`noise must be in [0, ${maxNoise}], got ${noise}`);
  const rng = streamRng(seed, Stream.data);
  return { train: generate(kind, trainSize, noise, rng), validation: generate(kind, validationSize, noise, rng) };
}

function generate(kind: DatasetKind, size: number, noise: number, rng: Rng): Dataset {
  if (kind === 'regression') return regression(size, noise, rng);
  const inputs = new Float64Array(size * 2);
  const targets = new Float64Array(size);
  const point = POINTS[kind];
  for (let e = 0; e < size; e++) {
    const label = e % 2;
    const [x, y] = point(label, rng);
    inputs[2 * e] = x + JITTER * normal(rng);
    inputs[2 * e + 1] = y + JITTER * normal(rng);
    targets[e] = rng.uniform53() < noise ? 1 - label : label;
  }
  return { inputs, targets, size, inputSize: 2, outputSize: 1 };
}

/** A clean point of class `label` (0 or 1), before jitter, roughly within [−1.5, 1.5]². */
const POINTS: Record<Exclude<DatasetKind, 'regression'>, (label: number, rng: Rng) => [number, number]> = {
  moons(label, rng) {
    const t = Math.PI * rng.uniform53();
    // two interleaved half circles, centred on the origin
    return label === 0 ? [Math.cos(t) - 0.5, Math.sin(t) - 0.25] : [0.5 - Math.cos(t), 0.25 - Math.sin(t)];
  },
  circles(label, rng) {
    const t = 2 * Math.PI * rng.uniform53();
    const radius = label === 0 ? 1 : 0.45;
    return [radius * Math.cos(t), radius * Math.sin(t)];
  },
  xor(label, rng) {
    const x = 2 * rng.uniform53() - 1;
    const y = 2 * rng.uniform53() - 1;
    // class 1 where the signs agree
    const agree = x * y > 0;
    return agree === (label === 1) ? [x, y] : [x, -y];
  },
  spiral(label, rng) {
    const t = rng.uniform53();
    const angle = 3 * Math.PI * t + label * Math.PI;
    const radius = 0.15 + 1.2 * t;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  },
  blobs(label, rng) {
    const centre = label === 0 ? -0.6 : 0.6;
    return [centre + 0.35 * normal(rng), centre + 0.35 * normal(rng)];
  },
};

/** y = sin(πx)·0.8 + 0.3x on x ∈ [−1, 1], plus N(0, noise²). */
function regression(size: number, noise: number, rng: Rng): Dataset {
  const inputs = new Float64Array(size);
  const targets = new Float64Array(size);
  for (let e = 0; e < size; e++) {
    const x = 2 * rng.uniform53() - 1;
    inputs[e] = x;
    targets[e] = regressionTruth(x) + noise * normal(rng);
  }
  return { inputs, targets, size, inputSize: 1, outputSize: 1 };
}

/** The noiseless function behind the regression dataset. */
export function regressionTruth(x: number): number {
  return 0.8 * Math.sin(Math.PI * x) + 0.3 * x;
}
