import type { Digits } from '../digits/digits.ts';
import type { KernelChoice } from '../network-memory.ts';
import type { UpdateSettings } from '../optimizer.ts';
import { epochRng, streamRng, Stream, type Rng } from '../random.ts';
import { shuffle } from '../sampling.ts';
import { Classifier } from './classifier.ts';
import { assertDropProbabilities, NO_DROPOUT, PAPER_DROPOUT, type DropProbabilities } from './shape.ts';

/** Everything that defines a training run on digits; with the training digits, it reproduces the run bit for bit. */
export interface DigitsRunOptions {
  /** units per layer, e.g. [784, 256, 256, 10] */
  sizes: readonly number[];
  /** drop probabilities of the inputs and the hidden units */
  dropout: DropProbabilities;
  /** digits per minibatch; an epoch's last batch takes what is left */
  batchSize: number;
  /** learning rate η > 0 */
  learningRate: number;
  /** momentum μ in [0, 1) */
  momentum: number;
  /** max-norm c on each unit's incoming weights; 0 or Infinity for none */
  maxNorm: number;
  /** seed of the initial weights (stream `init`), each epoch's order (epochRng) and the masks (stream `mask`) */
  seed: number;
}

/** The order in which epoch `epoch` (0, 1, …) of a run with `seed` visits `count` digits: a fresh shuffle each epoch. */
export function epochOrder(seed: number, epoch: number, count: number): Uint32Array {
  const order = new Uint32Array(count);
  fillEpochOrder(order, seed, epoch);
  return order;
}

/** {@link epochOrder} into `order`, whose length is the count. */
export function fillEpochOrder(order: Uint32Array, seed: number, epoch: number): void {
  for (let i = 0; i < order.length; i++) order[i] = i;
  shuffle(order, epochRng(seed, epoch));
}

/** Throws a RangeError naming the first option that is out of range. */
function assertOptions({ batchSize, learningRate, momentum, maxNorm, dropout }: DigitsRunOptions, train: Digits): void {
  assertDropProbabilities(dropout);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize: use a whole number ≥ 1, got ${batchSize}`);
  if (!(learningRate > 0 && learningRate < Infinity))
    throw new RangeError(`learningRate must be above 0, got ${learningRate}`);
  if (!(momentum >= 0 && momentum < 1)) throw new RangeError(`momentum must be in [0, 1), got ${momentum}`);
  if (!(maxNorm >= 0)) throw new RangeError(`maxNorm must be ≥ 0 (0 or Infinity for none), got ${maxNorm}`);
  if (train.count < 1) throw new RangeError('a run needs at least one training digit');
}

/**
 * Trains a classifier on digits in minibatches: each epoch visits every digit once in a fresh
 * order, each batch takes a forward pass with dropout, a backward pass and a step. Training can
 * be sliced into any number of batches; a batch allocates nothing.
 */
export class DigitsRun {
  readonly options: Readonly<DigitsRunOptions>;
  readonly train: Digits;
  readonly #classifier: Classifier;
  readonly #order: Uint32Array;
  readonly #masks: Rng;
  readonly #update: UpdateSettings;
  #epoch = 0;
  #batchInEpoch = 0;
  /** the summed loss × batch size of the current epoch's batches so far */
  #epochLoss = 0;
  #lastEpochLoss = Number.NaN;

  /** `kernels` as for {@link Classifier}: the JavaScript ones give the same run. */
  constructor(options: DigitsRunOptions, train: Digits, kernels: KernelChoice = 'webassembly') {
    assertOptions(options, train);
    this.options = Object.freeze({ ...options, sizes: [...options.sizes] });
    this.train = train;
    const { sizes, batchSize, seed, learningRate, momentum, maxNorm } = this.options;
    this.#classifier = new Classifier({ sizes, maxBatch: batchSize }, kernels);
    this.#classifier.initialize(streamRng(seed, Stream.init));
    this.#masks = streamRng(seed, Stream.mask);
    this.#update = { learningRate, momentum, maxNorm };
    this.#order = new Uint32Array(train.count);
    fillEpochOrder(this.#order, seed, 0);
  }

  /** The classifier being trained. */
  get classifier(): Classifier {
    return this.#classifier;
  }

  /** Completed epochs. */
  get epoch(): number {
    return this.#epoch;
  }

  /** Batches of the current epoch already trained. */
  get batchInEpoch(): number {
    return this.#batchInEpoch;
  }

  /** Minibatches in an epoch: ⌈digits / batchSize⌉. */
  get batchesPerEpoch(): number {
    return Math.ceil(this.train.count / this.options.batchSize);
  }

  /** Mean training loss (dropout on, as measured during training) of the last completed epoch; NaN before the first. */
  get lastEpochLoss(): number {
    return this.#lastEpochLoss;
  }

  /** Trains `count` minibatches, across epochs as needed; returns their mean training loss per digit. */
  trainBatches(count: number): number {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`trainBatches: count must be a whole number ≥ 0, got ${count}`);
    let total = 0;
    let digits = 0;
    for (let b = 0; b < count; b++) {
      const size = this.#nextBatchSize();
      total += this.#trainBatch() * size;
      digits += size;
    }
    return digits === 0 ? Number.NaN : total / digits;
  }

  /** Trains the rest of the current epoch (a whole epoch when at its start) and returns that epoch's mean loss. */
  trainEpoch(): number {
    this.trainBatches(this.batchesPerEpoch - this.#batchInEpoch);
    return this.#lastEpochLoss;
  }

  #nextBatchSize(): number {
    return Math.min(this.options.batchSize, this.train.count - this.#batchInEpoch * this.options.batchSize);
  }

  /** One minibatch: load, forward with dropout, backward, step. Returns its mean loss. */
  #trainBatch(): number {
    const size = this.#nextBatchSize();
    const classifier = this.#classifier;
    classifier.loadDigits(this.train, this.#order, this.#batchInEpoch * this.options.batchSize, size);
    classifier.forward(this.options.dropout, this.#masks);
    const loss = classifier.loss();
    classifier.backward();
    classifier.step(this.#update);
    this.#epochLoss += loss * size;
    this.#batchInEpoch++;
    if (this.#batchInEpoch === this.batchesPerEpoch) {
      this.#lastEpochLoss = this.#epochLoss / this.train.count;
      this.#epochLoss = 0;
      this.#batchInEpoch = 0;
      this.#epoch++;
      fillEpochOrder(this.#order, this.options.seed, this.#epoch);
    }
    return loss;
  }
}

/** A pair's options: those of one run, with dropout for the run that has it (the paper's rates if left out). */
export type PairedRunOptions = Omit<DigitsRunOptions, 'dropout'> & { dropout?: DropProbabilities };

/**
 * Two runs that differ only in dropout: the same seed gives both the same initial weights and the
 * same order of minibatches in every epoch; `with` trains with `options.dropout` (default
 * {@link PAPER_DROPOUT}), `without` with none.
 */
export function pairedRuns(
  options: PairedRunOptions,
  train: Digits,
  kernels: KernelChoice = 'webassembly',
): { with: DigitsRun; without: DigitsRun } {
  return {
    with: new DigitsRun({ ...options, dropout: options.dropout ?? PAPER_DROPOUT }, train, kernels),
    without: new DigitsRun({ ...options, dropout: NO_DROPOUT }, train, kernels),
  };
}
