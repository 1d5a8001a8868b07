import { DIGIT_PIXELS, type Digits } from '../digits/digits.ts';
import type { KernelChoice } from '../network-memory.ts';
import type { UpdateSettings } from '../optimizer.ts';
import type { Rng } from '../random.ts';
import { normal } from '../sampling.ts';
import { classifierArrays, type ClassifierArrays, type ClassifierKernels } from './engine.ts';
import { crossEntropy, misclassified, outputDeltas, softmax } from './output.ts';
import { classifierPasses, type ClassifierPasses } from './passes.ts';
import {
  assertBatch,
  assertClassifierShape,
  assertDropProbabilities,
  assertLabel,
  keptScale,
  NO_DROPOUT,
  type ClassifierShape,
  type DropProbabilities,
} from './shape.ts';

/** How far a classifier's loaded batch has gone. */
type Stage = 'empty' | 'loaded' | 'forward' | 'backward' | 'stepped';

/** The stages from which each call may run. */
const NEEDS: Record<'loss' | 'errors' | 'backward' | 'step', readonly Stage[]> = {
  loss: ['forward', 'backward', 'stepped'],
  errors: ['forward', 'backward', 'stepped'],
  backward: ['forward', 'backward'],
  step: ['backward'],
};

/** A pixel byte v as the intensity v / 255 in float32. */
const INTENSITY = Float32Array.from({ length: 256 }, (_, v) => v / 255);

/**
 * A multilayer perceptron that classifies, in single precision, as the dropout paper trains on
 * handwritten digits: ReLU hidden layers, a softmax output and mean cross-entropy, minibatch
 * SGD with momentum and max-norm, and inverted dropout with one drop probability for the inputs
 * and one for the hidden units. All buffers are allocated by the constructor; loading a batch,
 * the passes and the update allocate nothing.
 *
 * Layer l has n_l units (l = 0 the inputs, l = L the classes); weight layer l maps layer l to
 * l + 1 and is row-major [n_l][n_{l+1}]. A unit that sends 0 (dropped, a ReLU at rest, a blank
 * pixel) costs nothing: its row of weights is skipped forward and backward (kernels.ts).
 */
export class Classifier {
  readonly shape: ClassifierShape;
  readonly #arrays: ClassifierArrays;
  readonly #kernels: ClassifierKernels;
  /** per lower layer l < L, the factor 1/q of the last forward pass (1 where nothing was dropped) */
  readonly #scales: Float64Array;
  /** what each kernel reads and writes, per layer */
  readonly #passes: ClassifierPasses;
  #batch = 0;
  /** how far the loaded batch has gone: loaded, its forward pass, its gradients, the update they made */
  #state: Stage = 'empty';

  /**
   * `kernels` 'webassembly' runs the SIMD kernels of wasm/classifier.wat where this engine runs
   * them, else falls back to the JavaScript ones, which give the same bits; {@link kernels} says
   * which run. Throws a RangeError naming the problem for a malformed shape.
   */
  constructor(shape: ClassifierShape, kernels: KernelChoice = 'webassembly') {
    assertClassifierShape(shape);
    this.shape = Object.freeze({ sizes: Object.freeze([...shape.sizes]), maxBatch: shape.maxBatch });
    const { sizes, maxBatch } = this.shape;
    ({ arrays: this.#arrays, kernels: this.#kernels } = classifierArrays(sizes, maxBatch, kernels));
    this.#scales = new Float64Array(sizes.length - 1).fill(1);
    this.#passes = classifierPasses(this.#arrays, sizes);
  }

  /** Which code runs the kernels (the same bits either way). */
  get kernels(): KernelChoice {
    return this.#kernels.name;
  }

  /** Weight layers L (sizes.length − 1). */
  get layers(): number {
    return this.#arrays.weights.length;
  }

  /** Examples in the loaded batch. */
  get batch(): number {
    return this.#batch;
  }

  /** He-normal weights, N(0, 2/n_l) for weight layer l, biases 0 and velocities 0. */
  initialize(rng: Rng): void {
    this.#arrays.weights.forEach((w, l) => {
      const sd = Math.sqrt(2 / this.shape.sizes[l]!);
      for (let k = 0; k < w.length; k++) w[k] = sd * normal(rng);
    });
    for (const b of this.#arrays.biases) b.fill(0);
    this.#resetVelocities();
  }

  /** Copies every weight and bias of a classifier of the same sizes; velocities start again from 0. */
  copyParameters(from: Classifier): void {
    if (from.shape.sizes.join() !== this.shape.sizes.join()) {
      throw new RangeError(
        `copyParameters: sizes [${from.shape.sizes.join(', ')}] differ from [${this.shape.sizes.join(', ')}]`,
      );
    }
    this.#arrays.weights.forEach((w, l) => w.set(from.weights(l)));
    this.#arrays.biases.forEach((b, l) => b.set(from.biases(l)));
    this.#resetVelocities();
  }

  /**
   * Loads digits order[start … start + count) (or start … start + count − 1 without an order) as
   * the batch: each pixel byte v as v / 255, and the labels.
   */
  loadDigits(digits: Digits, order: Uint32Array | null, start: number, count: number): void {
    const n = this.shape.sizes[0]!;
    if (n !== DIGIT_PIXELS)
      throw new RangeError(`loadDigits: digits have ${DIGIT_PIXELS} pixels, this classifier ${n} inputs`);
    assertBatch(this.shape, count);
    const available = order === null ? digits.count : order.length;
    if (!Number.isInteger(start) || start < 0 || start + count > available) {
      throw new RangeError(
        `loadDigits: digits ${start}…${start + count - 1} are not all among the ${available} available`,
      );
    }
    const { inputs, labels } = this.#arrays;
    for (let e = 0; e < count; e++) {
      const digit = order === null ? start + e : order[start + e]!;
      if (digit >= digits.count) throw new RangeError(`loadDigits: order names digit ${digit} of ${digits.count}`);
      const from = digit * DIGIT_PIXELS;
      for (let k = 0; k < DIGIT_PIXELS; k++) inputs[e * DIGIT_PIXELS + k] = INTENSITY[digits.pixels[from + k]!]!;
      labels[e] = assertLabel(this.shape, digits.labels[digit]!);
    }
    this.#batch = count;
    this.#state = 'loaded';
  }

  /** Loads `count` examples of any inputs ([count][n_0], rounded to float32) and their classes. */
  loadExamples(inputs: ArrayLike<number>, labels: ArrayLike<number>, count: number): void {
    assertBatch(this.shape, count);
    const n = this.shape.sizes[0]!;
    if (inputs.length < count * n || labels.length < count) {
      throw new RangeError(`loadExamples: ${count} examples need ${count * n} inputs and ${count} labels`);
    }
    for (let k = 0; k < count * n; k++) this.#arrays.inputs[k] = inputs[k]!;
    for (let e = 0; e < count; e++) this.#arrays.labels[e] = assertLabel(this.shape, labels[e]!);
    this.#batch = count;
    this.#state = 'loaded';
  }

  /** The forward pass of the test network: every unit present, nothing scaled. */
  forward(): void;
  /**
   * A training pass with inverted dropout: each input unit kept with probability 1 − drop.input
   * and each hidden unit with 1 − drop.hidden (masks drawn from `rng`, one per example), kept
   * units scaled by 1/q. A dropped unit sends exactly 0 and costs nothing.
   */
  forward(drop: DropProbabilities, rng: Rng): void;
  forward(drop: DropProbabilities = NO_DROPOUT, rng?: Rng): void {
    if (this.#state === 'empty') throw new Error('forward: load a batch first (loadDigits or loadExamples)');
    assertDropProbabilities(drop);
    if (rng === undefined && (drop.input > 0 || drop.hidden > 0)) {
      throw new TypeError('forward: a training pass with dropout needs a generator for its masks');
    }
    const { sizes } = this.shape;
    const a = this.#arrays;
    const batch = this.#batch;
    for (let l = 0; l < this.layers; l++) {
      const p = l === 0 ? drop.input : drop.hidden;
      const pass = this.#passes.masks[l]!;
      if (p > 0) this.#kernels.drawMask(pass, rng!, batch * sizes[l]!, 1 - p);
      else pass.mask.fill(1, 0, batch * sizes[l]!);
      this.#scales[l] = keptScale(p);
    }
    for (let l = 0; l < this.layers; l++) {
      this.#kernels.send(this.#passes.send[l]!, batch, this.#scales[l]!);
      this.#kernels.forward(this.#passes.forward[l]!, batch);
    }
    softmax(a.preActivations[this.layers]!, a.probabilities, batch, sizes[this.layers]!);
    this.#state = 'forward';
  }

  /** Mean cross-entropy of the batch under the last forward pass. */
  loss(): number {
    this.#assertState('loss');
    const L = this.layers;
    return crossEntropy(this.#arrays.preActivations[L]!, this.#arrays.labels, this.#batch, this.shape.sizes[L]!);
  }

  /** How many of the batch's examples the last forward pass put in the wrong class (highest logit). */
  errors(): number {
    this.#assertState('errors');
    const L = this.layers;
    return misclassified(this.#arrays.preActivations[L]!, this.#arrays.labels, this.#batch, this.shape.sizes[L]!);
  }

  /**
   * Gradients of {@link loss} with respect to every weight and bias, through the masks and
   * scaling of the last forward pass. Units that sent 0 get no δ and add nothing.
   */
  backward(): void {
    this.#assertState('backward');
    const a = this.#arrays;
    const { sizes } = this.shape;
    const L = this.layers;
    outputDeltas(a.probabilities, a.labels, a.deltas[L]!, this.#batch, sizes[L]!);
    for (let l = L - 1; l >= 0; l--) {
      this.#kernels.listByUnit(this.#passes.lists[l]!, this.#batch);
      this.#kernels.gradients(this.#passes.gradients[l]!, this.#batch);
      // The inputs need no δ.
      if (l > 0) this.#kernels.deltas(this.#passes.deltas[l]!, this.#batch, this.#scales[l]!);
    }
    this.#state = 'backward';
  }

  /**
   * SGD with momentum (v ← μ·v − η·g, w ← w + v, biases alike), then the max-norm constraint on
   * every hidden and output unit's incoming weights (maxNorm 0 or Infinity: none).
   */
  step({ learningRate, momentum, maxNorm }: UpdateSettings): void {
    this.#assertState('step');
    for (const pass of this.#passes.updates) this.#kernels.update(pass, learningRate, momentum);
    if (maxNorm > 0 && maxNorm < Infinity)
      for (const pass of this.#passes.constraints) this.#kernels.constrain(pass, maxNorm);
    this.#state = 'stepped';
  }

  /** Weights of weight layer l, row-major [n_l][n_{l+1}]. */
  weights(l: number): Float32Array {
    return this.#arrays.weights[this.#weightLayer(l)]!;
  }

  /** Biases of weight layer l, [n_{l+1}]. */
  biases(l: number): Float32Array {
    return this.#arrays.biases[this.#weightLayer(l)]!;
  }

  /** Gradients of the loss with respect to weights(l), from the last backward pass. */
  weightGradients(l: number): Float32Array {
    return this.#arrays.weightGrads[this.#weightLayer(l)]!;
  }

  /** Gradients of the loss with respect to biases(l), from the last backward pass. */
  biasGradients(l: number): Float32Array {
    return this.#arrays.biasGrads[this.#weightLayer(l)]!;
  }

  /**
   * What layer l sent in the last forward pass, [maxBatch][n_l] (rows 0 … batch − 1 are the
   * batch's): the inputs (l = 0) or ReLU(z) (hidden layers) times 1/q where kept and exactly 0
   * where dropped; softmax probabilities at the last layer.
   */
  activations(l: number): Float32Array {
    if (!Number.isInteger(l) || l < 0 || l > this.layers)
      throw new RangeError(`activations: layer ${l} is not 0…${this.layers}`);
    return l === this.layers ? this.#arrays.probabilities : this.#arrays.sent[l]!;
  }

  /** Pre-activations z of layer l ≥ 1 in the last forward pass, [maxBatch][n_l]; logits at the last layer. */
  preActivations(l: number): Float32Array {
    if (!Number.isInteger(l) || l < 1 || l > this.layers)
      throw new RangeError(`preActivations: layer ${l} is not 1…${this.layers}`);
    return this.#arrays.preActivations[l]!;
  }

  /** The mask of layer l < L in the last forward pass, [maxBatch][n_l]: 1 kept, 0 dropped. */
  masks(l: number): Uint8Array {
    return this.#arrays.masks[this.#weightLayer(l)]!;
  }

  /** How many (example, unit) pairs of layer l < L sent a value other than 0 in the last forward pass. */
  liveCount(l: number): number {
    const { counts } = this.#arrays.live[this.#weightLayer(l)]!;
    let total = 0;
    for (let e = 0; e < this.#batch; e++) total += counts[e]!;
    return total;
  }

  #weightLayer(l: number): number {
    if (!Number.isInteger(l) || l < 0 || l >= this.layers)
      throw new RangeError(`weight layer ${l} is not 0…${this.layers - 1}`);
    return l;
  }

  #assertState(call: keyof typeof NEEDS): void {
    if (!NEEDS[call].includes(this.#state)) {
      const missing = call === 'step' ? 'forward() and backward()' : 'forward()';
      throw new Error(`${call}: run ${missing} on the loaded batch first (a step needs a fresh backward pass)`);
    }
  }

  #resetVelocities(): void {
    for (const v of [...this.#arrays.weightVelocity, ...this.#arrays.biasVelocity]) v.fill(0);
  }
}
