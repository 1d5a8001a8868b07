import { crossEntropy, misclassified, outputDeltas, softmax } from '../classifier/output.ts';
import { DIGIT_PIXELS, type Digits } from '../digits/digits.ts';
import type { Rng } from '../random.ts';
import { applyMask, reluBackward, reluForward } from './activation.ts';
import { convBackward, convForward } from './conv2d.ts';
import { denseBackward, denseForward } from './dense.ts';
import { fillDropoutMask, mapValues } from './masks.ts';
import { maxPoolBackward, maxPoolForward } from './pool.ts';
import { assertConvShape, assertDropProbability, type ConvDropout, type ConvShape, type MapLayout } from './shape.ts';
import {
  convWorkspace,
  initializeParameters,
  momentumStep,
  PARAMETER_NAMES,
  pooledValues,
  type ConvUpdate,
  type ConvWorkspace,
} from './workspace.ts';

/**
 * A small convolutional network for digits: conv 3×3 → ReLU → dropout (none, element-wise or
 * channel-wise, inverted) → max-pool 2×2 → dense → softmax, with mean cross-entropy. Everything it
 * computes lives in its {@link ConvWorkspace}, allocated by the constructor; loading a batch, the
 * passes and the update allocate nothing.
 */
export class ConvNetwork {
  /** the network's shape, frozen */
  readonly shape: ConvShape;
  /** the buffers, for reading; the network's methods are what write them */
  readonly workspace: ConvWorkspace;
  /** 1/q of the last forward pass (1 at test time) */
  #scale = 1;
  #batch = 0;
  /** the loaded batch's sizes, kept up to date by loading so that the passes allocate nothing */
  readonly #layout: { examples: number; channels: number; height: number; width: number };
  readonly #conv: { batch: number; inChannels: number; outChannels: number; height: number; width: number };
  readonly #dense: { batch: number; nIn: number; nOut: number };
  #stage: 'empty' | 'loaded' | 'forward' | 'backward' = 'empty';

  /** Throws a RangeError naming the problem for a malformed shape. */
  constructor(shape: ConvShape) {
    assertConvShape(shape);
    this.shape = Object.freeze({ ...shape });
    this.workspace = convWorkspace(this.shape);
    const { channels, side, classes } = this.shape;
    this.#layout = { examples: 0, channels, height: side, width: side };
    this.#conv = { batch: 0, inChannels: 1, outChannels: channels, height: side, width: side };
    this.#dense = { batch: 0, nIn: pooledValues(this.shape), nOut: classes };
  }

  /** Examples in the loaded batch. */
  get batch(): number {
    return this.#batch;
  }

  /** The loaded batch's feature maps: batch × channels maps of side × side. */
  get layout(): MapLayout {
    return { ...this.#layout };
  }

  /** He-normal weights, N(0, 2/fan-in) (9 taps for a kernel, C·H·H inputs for the dense layer), biases and velocities 0. */
  initialize(rng: Rng): void {
    initializeParameters(this.workspace, this.shape, rng);
  }

  /** Copies every parameter of a network of the same shape; velocities start again from 0. */
  copyParameters(from: ConvNetwork): void {
    for (const name of PARAMETER_NAMES) {
      if (from.workspace.parameters[name].length !== this.workspace.parameters[name].length)
        throw new RangeError(`copyParameters: ${name} differ in size; the networks' shapes differ`);
      this.workspace.parameters[name].set(from.workspace.parameters[name]);
      this.workspace.velocities[name].fill(0);
    }
  }

  /** Loads digits order[start … start + count) (start … without an order) as the batch: pixel bytes v as v / 255. */
  loadDigits(digits: Digits, order: Uint32Array | null, start: number, count: number): void {
    if (this.shape.side ** 2 !== DIGIT_PIXELS)
      throw new RangeError(`loadDigits: digits have ${DIGIT_PIXELS} pixels, this network ${this.shape.side ** 2}`);
    this.#assertBatch(count);
    const { input, labels } = this.workspace;
    for (let e = 0; e < count; e++) {
      const digit = order === null ? start + e : order[start + e]!;
      if (!(digit < digits.count)) throw new RangeError(`loadDigits: no digit ${digit} among ${digits.count}`);
      for (let k = 0; k < DIGIT_PIXELS; k++)
        input[e * DIGIT_PIXELS + k] = digits.pixels[digit * DIGIT_PIXELS + k]! / 255;
      labels[e] = digits.labels[digit]!;
    }
    this.#loaded(count);
  }

  /** Loads `count` images ([count][side][side]) and their classes. */
  loadExamples(images: ArrayLike<number>, labels: ArrayLike<number>, count: number): void {
    this.#assertBatch(count);
    const pixels = this.shape.side ** 2;
    for (let k = 0; k < count * pixels; k++) this.workspace.input[k] = images[k]!;
    for (let e = 0; e < count; e++) {
      const label = labels[e]!;
      if (!(Number.isInteger(label) && label >= 0 && label < this.shape.classes))
        throw new RangeError(`loadExamples: label ${label} is not a class 0…${this.shape.classes - 1}`);
      this.workspace.labels[e] = label;
    }
    this.#loaded(count);
  }

  /**
   * A forward pass. Without arguments, the test network: nothing dropped, nothing scaled. With a
   * dropout, a training pass at drop probability p: a fresh mask from `rng`, kept activations × 1/q.
   */
  forward(dropout: ConvDropout = 'none', p = 0, rng?: Rng): void {
    if (this.#stage === 'empty') throw new Error('forward: load a batch first (loadDigits or loadExamples)');
    assertDropProbability(p);
    if (dropout !== 'none' && p > 0 && rng === undefined)
      throw new TypeError('forward: a training pass with dropout needs a generator for its masks');
    const w = this.workspace;
    convForward(this.#conv, w.input, w.parameters.convWeights, w.parameters.convBiases, w.z);
    reluForward(w.z, w.maps, mapValues(this.#layout));
    fillDropoutMask(dropout, p, w.mask, w.channelMask, this.#layout, rng!);
    this.#scale = dropout === 'none' ? 1 : 1 / (1 - p);
    this.#finishForward();
  }

  /** A forward pass with the last pass's mask and scale again: for gradient checks, which vary one parameter at a time. */
  forwardSameMask(): void {
    if (this.#stage === 'empty' || this.#stage === 'loaded') throw new Error('forwardSameMask: run forward() first');
    const w = this.workspace;
    convForward(this.#conv, w.input, w.parameters.convWeights, w.parameters.convBiases, w.z);
    reluForward(w.z, w.maps, mapValues(this.#layout));
    this.#finishForward();
  }

  /** Mean cross-entropy of the batch under the last forward pass. */
  loss(): number {
    this.#assertForward('loss');
    return crossEntropy(this.workspace.logits, this.workspace.labels, this.#batch, this.shape.classes);
  }

  /** How many of the batch's examples the last forward pass put in the wrong class. */
  errors(): number {
    this.#assertForward('errors');
    return misclassified(this.workspace.logits, this.workspace.labels, this.#batch, this.shape.classes);
  }

  /** Gradients of {@link loss} with respect to every parameter, through the last pass's mask and 1/q. */
  backward(): void {
    this.#assertForward('backward');
    const w = this.workspace;
    const { gradients: g, parameters } = w;
    const count = mapValues(this.#layout);
    outputDeltas(w.probabilities, w.labels, w.delta, this.#batch, this.shape.classes);
    denseBackward(this.#dense, w.pooled, parameters.denseWeights, w.delta, g.denseWeights, g.denseBiases, w.dPooled);
    maxPoolBackward(w.dPooled, w.argmax, w.dMaps, this.#batch * pooledValues(this.shape), count);
    applyMask(w.dMaps, w.mask, this.#scale, w.dMaps, count);
    reluBackward(w.z, w.dMaps, w.dMaps, count);
    convBackward(this.#conv, w.input, parameters.convWeights, w.dMaps, g.convWeights, g.convBiases, null);
    this.#stage = 'backward';
  }

  /** SGD with momentum on every parameter: v ← μ·v − η·g, w ← w + v. Needs a fresh backward pass. */
  step(update: ConvUpdate): void {
    if (this.#stage !== 'backward') throw new Error('step: run forward() and backward() on the loaded batch first');
    momentumStep(this.workspace, update);
    this.#stage = 'loaded';
  }

  #finishForward(): void {
    const w = this.workspace;
    const { channels, side, classes } = this.shape;
    applyMask(w.maps, w.mask, this.#scale, w.dropped, mapValues(this.#layout));
    maxPoolForward(w.dropped, w.pooled, w.argmax, this.#batch * channels, side, side);
    denseForward(this.#dense, w.pooled, w.parameters.denseWeights, w.parameters.denseBiases, w.logits);
    softmax(w.logits, w.probabilities, this.#batch, classes);
    this.#stage = 'forward';
  }

  #assertBatch(count: number): void {
    if (!Number.isInteger(count) || count < 1 || count > this.shape.maxBatch)
      throw new RangeError(`batch of ${count}: load 1…${this.shape.maxBatch} examples (the shape's maxBatch)`);
  }

  #loaded(count: number): void {
    this.#batch = count;
    this.#layout.examples = count;
    this.#conv.batch = count;
    this.#dense.batch = count;
    this.#stage = 'loaded';
  }

  #assertForward(call: string): void {
    if (this.#stage !== 'forward' && this.#stage !== 'backward')
      throw new Error(`${call}: run forward() on the loaded batch first`);
  }
}
