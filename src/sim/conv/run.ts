import { fillEpochOrder } from '../classifier/run.ts';
import type { Digits } from '../digits/digits.ts';
import { Stream, streamRng, type Rng } from '../random.ts';
import { ConvNetwork } from './network.ts';
import { assertDropProbability, CONV_DROPOUTS, type ConvDropout } from './shape.ts';
import type { ConvUpdate } from './workspace.ts';

/** Everything that defines a convolutional network's training run on digits; with the digits, it fixes the run bit for bit. */
export interface ConvRunOptions {
  /** feature maps of the convolution, e.g. 8 */
  readonly channels: number;
  /** which activations dropout drops: none, each on its own, or whole maps */
  readonly dropout: ConvDropout;
  /** drop probability p of an activation ('element') or a map ('channel'), in [0, 1) */
  readonly p: number;
  /** digits per minibatch; an epoch's last batch takes what is left */
  readonly batchSize: number;
  /** learning rate η > 0 */
  readonly learningRate: number;
  /** momentum μ in [0, 1) */
  readonly momentum: number;
  /** seed of the initial weights (stream `init`), each epoch's order (epochRng) and the masks (stream `mask`) */
  readonly seed: number;
}

/**
 * Trains a {@link ConvNetwork} (28 × 28 digits, 10 classes, single precision) in minibatches: each
 * epoch visits every digit once in a fresh order, each batch takes a forward pass with dropout, a
 * backward pass and a momentum step. The order and the initial weights follow from the seed alone,
 * so runs that differ only in dropout see the same digits in the same order from the same start.
 */
export class ConvRun {
  /** the run's options, frozen */
  readonly options: ConvRunOptions;
  /** the network being trained; its workspace holds the weights */
  readonly network: ConvNetwork;
  readonly #train: Digits;
  readonly #order: Uint32Array;
  readonly #masks: Rng;
  readonly #update: ConvUpdate;
  #epoch = 0;
  /** where the current epoch's next minibatch starts in its order */
  #start = 0;

  /** Throws a RangeError naming the first option out of range. */
  constructor(options: ConvRunOptions, train: Digits) {
    const { channels, dropout, p, batchSize, learningRate, momentum, seed } = options;
    assertDropProbability(p);
    if (!CONV_DROPOUTS.includes(dropout)) throw new RangeError(`dropout: use one of ${CONV_DROPOUTS.join(', ')}`);
    if (!(learningRate > 0 && learningRate < Infinity))
      throw new RangeError(`learningRate must be above 0, got ${learningRate}`);
    if (!(momentum >= 0 && momentum < 1)) throw new RangeError(`momentum must be in [0, 1), got ${momentum}`);
    if (train.count < 1) throw new RangeError('a run needs at least one training digit');
    this.options = Object.freeze({ ...options });
    this.network = new ConvNetwork({ side: 28, channels, classes: 10, maxBatch: batchSize, precision: 'float32' });
    this.network.initialize(streamRng(seed, Stream.init));
    this.#masks = streamRng(seed, Stream.mask);
    this.#update = { learningRate, momentum };
    this.#train = train;
    this.#order = new Uint32Array(train.count);
  }

  /** Completed epochs. */
  get epoch(): number {
    return this.#epoch;
  }

  /** Minibatches of one epoch: the last takes what is left. */
  get batchesPerEpoch(): number {
    return Math.ceil(this.#train.count / this.options.batchSize);
  }

  /**
   * Trains the next minibatch of the current epoch (drawing the epoch's order at its first batch)
   * and returns its mean training loss, dropout on; a worker calls this in time slices.
   */
  trainBatch(): number {
    const { dropout, p, batchSize, seed } = this.options;
    const network = this.network;
    if (this.#start === 0) fillEpochOrder(this.#order, seed, this.#epoch);
    const count = Math.min(batchSize, this.#train.count - this.#start);
    network.loadDigits(this.#train, this.#order, this.#start, count);
    network.forward(dropout, p, this.#masks);
    const loss = network.loss();
    network.backward();
    network.step(this.#update);
    this.#start += count;
    if (this.#start >= this.#train.count) [this.#start, this.#epoch] = [0, this.#epoch + 1];
    return loss;
  }

  /** Trains the rest of the current epoch (a whole one from its start) and returns its mean training loss (dropout on). */
  trainEpoch(): number {
    const epoch = this.#epoch;
    let total = 0;
    while (this.#epoch === epoch) {
      const count = Math.min(this.options.batchSize, this.#train.count - this.#start);
      total += this.trainBatch() * count;
    }
    return total / this.#train.count;
  }
}

/** A pairing's options: a run's, without the dropout, which each run of the pairing sets. */
export type PairedConvOptions = Omit<ConvRunOptions, 'dropout'>;

/**
 * One run per dropout (none, element-wise, channel-wise) that differ in nothing else: the same seed
 * gives them the same initial weights and the same minibatches in every epoch, and p is the same
 * drop probability of an activation or of a whole map.
 */
export function pairedConvRuns(options: PairedConvOptions, train: Digits): Record<ConvDropout, ConvRun> {
  const [none, element, channel] = CONV_DROPOUTS.map((dropout) => new ConvRun({ ...options, dropout }, train));
  return { none: none!, element: element!, channel: channel! };
}
