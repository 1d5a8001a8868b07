import type { Dataset } from './datasets.ts';
import { Network, type DropoutSettings, type NetworkShape } from './network.ts';
import type { KernelChoice } from './network-memory.ts';
import { Sgd, type UpdateSettings } from './optimizer.ts';
import { streamRng, Stream, type Rng } from './random.ts';
import { shuffle } from './sampling.ts';
import { scheduledDrop, type DropSchedule } from './schedule.ts';

/** Everything that defines a training run; with the datasets, it reproduces the run exactly. */
export interface TrainingConfig {
  /** architecture (buffers are sized from `batchSize` and the evaluation chunk) */
  shape: Omit<NetworkShape, 'maxBatch'>;
  /** dropout mode and base drop probability per layer */
  dropout: DropoutSettings;
  /** how the drop probabilities change over epochs */
  schedule: DropSchedule;
  /** learning rate, momentum and max-norm */
  update: UpdateSettings;
  /** L2 penalty λ on weights (the loss gains (λ/2)·Σw²) */
  l2: number;
  /** examples per minibatch; the training set size gives full-batch gradient descent */
  batchSize: number;
  /** seed of the initial weights, the minibatch order and the masks (separate streams) */
  seed: number;
}

/** Loss and, for classification, accuracy on a dataset. */
export interface Evaluation {
  /** mean loss per example */
  loss: number;
  /** fraction classified correctly (ŷ ≥ 0.5 means class 1); NaN for regression */
  accuracy: number;
}

/** Examples evaluated per forward pass when scoring a whole dataset. */
const EVALUATION_CHUNK = 256;

/**
 * Trains one network on one dataset, an epoch at a time. Allocates its buffers once;
 * an epoch allocates nothing.
 */
export class Trainer {
  readonly network: Network;
  readonly config: TrainingConfig;
  /** completed epochs */
  epoch = 0;
  readonly #train: Dataset;
  readonly #sgd: Sgd;
  readonly #order: Uint32Array;
  readonly #batchInputs: Float64Array;
  readonly #batchTargets: Float64Array;
  readonly #orderRng: Rng;
  readonly #maskRng: Rng;
  readonly #drop: number[];

  /** `kernels` as for {@link Network}: the JavaScript ones give the same run, more slowly. */
  constructor(config: TrainingConfig, train: Dataset, kernels: KernelChoice = 'webassembly') {
    const maxBatch = Math.max(config.batchSize, EVALUATION_CHUNK);
    if (!Number.isInteger(config.batchSize) || config.batchSize < 1) {
      throw new RangeError(`batchSize must be a whole number ≥ 1, got ${config.batchSize}`);
    }
    this.config = config;
    this.network = new Network({ ...config.shape, maxBatch }, kernels);
    this.network.initialize(streamRng(config.seed, Stream.init));
    this.#train = train;
    this.#sgd = new Sgd(this.network);
    this.#order = Uint32Array.from({ length: train.size }, (_, i) => i);
    this.#batchInputs = new Float64Array(maxBatch * train.inputSize);
    this.#batchTargets = new Float64Array(maxBatch * train.outputSize);
    this.#orderRng = streamRng(config.seed, Stream.order);
    this.#maskRng = streamRng(config.seed, Stream.mask);
    this.#drop = [...config.dropout.p];
  }

  /** The data this run trains on. */
  get trainingSet(): Dataset {
    return this.#train;
  }

  /** The drop probabilities in force for the current epoch (the schedule applied). */
  get currentDrop(): readonly number[] {
    return this.#drop;
  }

  /**
   * One pass over the shuffled training set in minibatches; returns the mean training
   * loss as measured during the pass (with dropout on).
   */
  trainEpoch(): number {
    const { batchSize, dropout, schedule, l2, update } = this.config;
    const train = this.#train;
    scheduledDrop(dropout.p, schedule, this.epoch, this.#drop);
    const settings: DropoutSettings = { mode: dropout.mode, p: this.#drop };
    shuffle(this.#order, this.#orderRng);
    let total = 0;
    for (let start = 0; start < train.size; start += batchSize) {
      const batch = Math.min(batchSize, train.size - start);
      this.#gather(start, batch);
      this.network.forward(this.#batchInputs, batch, true, settings, this.#maskRng);
      total += this.network.loss(this.#batchTargets) * batch;
      this.network.backward(this.#batchTargets, l2);
      this.#sgd.step(this.network, update);
    }
    this.epoch++;
    return total / train.size;
  }

  /** Copies the examples at order[start…start+batch) into the minibatch buffers. */
  #gather(start: number, batch: number): void {
    const { inputs, targets, inputSize, outputSize } = this.#train;
    for (let e = 0; e < batch; e++) {
      const row = this.#order[start + e]!;
      for (let j = 0; j < inputSize; j++) this.#batchInputs[e * inputSize + j] = inputs[row * inputSize + j]!;
      for (let j = 0; j < outputSize; j++) this.#batchTargets[e * outputSize + j] = targets[row * outputSize + j]!;
    }
  }

  /** Loss and accuracy of the test network (the mode's evaluation rule) on `data`. */
  evaluate(data: Dataset): Evaluation {
    return evaluateNetwork(this.network, data, { mode: this.config.dropout.mode, p: this.#drop }, this.#maskRng);
  }
}

/** Scores a network in evaluation mode over a whole dataset, in chunks its buffers hold. */
export function evaluateNetwork(network: Network, data: Dataset, dropout: DropoutSettings, rng: Rng): Evaluation {
  const { inputSize, outputSize } = data;
  const chunk = network.shape.maxBatch;
  const classify = network.shape.output === 'sigmoid-bce';
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < data.size; start += chunk) {
    const batch = Math.min(chunk, data.size - start);
    const inputs = data.inputs.subarray(start * inputSize, (start + batch) * inputSize);
    const targets = data.targets.subarray(start * outputSize, (start + batch) * outputSize);
    network.forward(inputs, batch, false, dropout, rng);
    lossSum += network.loss(targets) * batch;
    if (classify) {
      const predictions = network.activations[network.layers]!;
      for (let k = 0; k < batch * outputSize; k++) if (predictions[k]! >= 0.5 === targets[k]! >= 0.5) correct++;
    }
  }
  return { loss: lossSum / data.size, accuracy: classify ? correct / (data.size * outputSize) : Number.NaN };
}

/** What the second run of a pair trains with; everything else (shape, rate, seed, …) is the first run's. */
export type SecondRun = Pick<TrainingConfig, 'dropout' | 'schedule'>;

/** The second run of the lab's default pair: no dropout, every drop probability 0. */
export function noDropout(config: TrainingConfig): SecondRun {
  return { dropout: { mode: 'none', p: config.dropout.p.map(() => 0) }, schedule: config.schedule };
}

/**
 * Two runs that differ only in dropout: the same seed gives both the same initial weights and
 * the same minibatch order (and each its own masks from the same stream); the first trains with
 * `config`, the second with `second`'s dropout and schedule.
 */
export function trainerPair(
  config: TrainingConfig,
  train: Dataset,
  second: SecondRun = noDropout(config),
): { first: Trainer; second: Trainer } {
  return { first: new Trainer(config, train), second: new Trainer({ ...config, ...second }, train) };
}

/** The lab's default pair: `config`, and the same configuration with dropout mode `none`. */
export function pairedTrainers(
  config: TrainingConfig,
  train: Dataset,
): { withDropout: Trainer; withoutDropout: Trainer } {
  const { first, second } = trainerPair(config, train);
  return { withDropout: first, withoutDropout: second };
}
