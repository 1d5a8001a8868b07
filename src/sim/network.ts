import { activateHidden } from './kernels.ts';
import type { LiveBackward, LiveForward, LiveGradients, LiveUnits } from './layer-passes.ts';
import { gradientsLive, listLive } from './live-kernels.ts';
import { networkArrays, type KernelChoice, type KernelSet } from './network-memory.ts';
import { dropsUnits, fillMultipliers, forgottenMaskFactor, type DropoutMode } from './dropout.ts';
import type { Rng } from './random.ts';
import { normal } from './sampling.ts';

/** Hidden-layer nonlinearity. */
export type Activation = 'relu' | 'tanh';

/** Output unit and loss: sigmoid with binary cross-entropy, or linear with squared error. */
export type OutputLoss = 'sigmoid-bce' | 'linear-mse';

/** The architecture of a multilayer perceptron. */
export interface NetworkShape {
  /** units per layer, inputs first and outputs last, e.g. [2, 64, 64, 1] */
  sizes: readonly number[];
  /** nonlinearity of every hidden layer */
  activation: Activation;
  /** output units and the loss they are trained with */
  output: OutputLoss;
  /** most examples in one forward pass; every buffer is allocated for this many up front */
  maxBatch: number;
}

/** Dropout as applied by a forward pass. */
export interface DropoutSettings {
  mode: DropoutMode;
  /**
   * Drop probability p of each layer that feeds another: index 0 the inputs, then each
   * hidden layer (length sizes.length − 1). The output layer is never dropped.
   */
  p: readonly number[];
}

/** Examples per chunk of a forward pass: a chunk's rows of every layer stay in cache. */
const CHUNK = 32;

/** No dropout, for a network of `layers + 1` layers. */
export function noDropout(layers: number): DropoutSettings {
  return { mode: 'none', p: new Array<number>(layers).fill(0) };
}

/**
 * A multilayer perceptron on Float64Arrays, batch-major. All buffers are allocated by the
 * constructor; forward, backward and update passes allocate nothing.
 *
 * Layer l has n_l units. `weights[l]` maps layer l to l + 1, row-major [in][out]
 * (index j·n_{l+1} + i joins input unit j to output unit i), so the loops over output
 * units read memory in order and skip a dropped input unit whole.
 */
export class Network {
  readonly shape: NetworkShape;
  /** weights[l], row-major [n_l][n_{l+1}] */
  readonly weights: Float64Array[];
  /** biases[l], [n_{l+1}] */
  readonly biases: Float64Array[];
  /** activations[l], [batch][n_l]: inputs at l = 0, f(z) for hidden layers, predictions at the last layer */
  readonly activations: Float64Array[];
  /** multipliers[l], [batch][n_l]: the dropout factor r of each unit of each layer that feeds another (0 = dropped) */
  readonly multipliers: Float64Array[];
  /** dropped[l] = activations[l] ⊙ multipliers[l], what layer l actually sends on */
  readonly dropped: Float64Array[];
  /** preActivations[l], [batch][n_l] for l ≥ 1 (index 0 unused, empty) */
  readonly preActivations: Float64Array[];
  /** deltas[l] = ∂loss/∂z_l, [batch][n_l] for l ≥ 1 */
  readonly deltas: Float64Array[];
  /** weightGrads[l], same layout as weights[l] */
  readonly weightGrads: Float64Array[];
  /** biasGrads[l], same layout as biases[l] */
  readonly biasGrads: Float64Array[];
  /** examples in the last forward pass */
  batch = 0;
  /** live[l]: per example, the units of layer l that the last training pass computed */
  readonly #live: LiveUnits[];
  /** whether #live describes the last forward pass (an evaluation pass lists lazily) */
  #listed = false;
  /** one layer's worth of packed deltas, for the live kernels */
  readonly #scratch: Float64Array;
  /** per weight layer l, what its forward pass reads and writes: the same arrays on every pass */
  readonly #forwardPasses: LiveForward[];
  /** per weight layer l, what adding up its parameter gradients reads and writes */
  readonly #gradientPasses: LiveGradients[];
  /** per hidden layer l ≥ 1, what the backward pass through it reads and writes (index 0 unused) */
  readonly #backwardPasses: LiveBackward[];
  readonly #engine: KernelSet;
  /** the dropout of the last forward pass, which the backward pass must mirror */
  #dropout: DropoutSettings;
  #training = false;

  /**
   * `kernels` = 'javascript' keeps the buffers on the heap and the affine and live kernels in
   * JavaScript, for small networks that see one example; the WebAssembly ones give the same bits.
   */
  constructor(shape: NetworkShape, kernels: KernelChoice = 'webassembly') {
    const { sizes, maxBatch } = shape;
    if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
      throw new RangeError(`sizes must list at least two layers of whole numbers of units, got [${sizes.join(', ')}]`);
    }
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`maxBatch must be ≥ 1, got ${maxBatch}`);
    this.shape = { ...shape, sizes: [...sizes] };
    const layers = sizes.length - 1;
    const { arrays, engine } = networkArrays(sizes, maxBatch, kernels);
    ({ weights: this.weights, weightGrads: this.weightGrads, biases: this.biases, biasGrads: this.biasGrads } = arrays);
    ({ activations: this.activations, preActivations: this.preActivations, deltas: this.deltas } = arrays);
    ({ multipliers: this.multipliers, dropped: this.dropped, live: this.#live, scratch: this.#scratch } = arrays);
    this.#engine = engine;
    this.#forwardPasses = this.weights.map((w, l) => {
      const [x, b, z] = [this.dropped[l]!, this.biases[l]!, this.preActivations[l + 1]!];
      return { x, w, b, z, nIn: sizes[l]!, nOut: sizes[l + 1]!, inputs: this.#live[l]!, outputs: this.#live[l + 1]! };
    });
    this.#gradientPasses = this.#forwardPasses.map(({ x, nIn, nOut, inputs, outputs }, l) => {
      const [upper, gw, gb] = [this.deltas[l + 1]!, this.weightGrads[l]!, this.biasGrads[l]!];
      return { x, upper, gw, gb, nIn, nOut, inputs, outputs, scratch: this.#scratch };
    });
    const relu = shape.activation === 'relu';
    this.#backwardPasses = this.#gradientPasses.map((gradients, l) => {
      const [w, lower, r, z, a] = [
        this.weights[l]!,
        this.deltas[l]!,
        this.multipliers[l]!,
        this.preActivations[l]!,
        this.activations[l]!,
      ];
      return { ...gradients, w, lower, r, z, a, forgotten: undefined, relu };
    });
    this.#dropout = noDropout(layers);
    listLive(this.#live[layers]!, undefined, 0, maxBatch, sizes[layers]!);
  }

  /** Which code runs the affine and live kernels (the same bits either way). */
  get kernels(): KernelChoice {
    return this.#engine.name;
  }

  /** Number of weight layers (sizes.length − 1). */
  get layers(): number {
    return this.weights.length;
  }

  /**
   * Draws initial weights from N(0, σ²) with σ² = 2/(n_in + n_out) for tanh (Glorot) or
   * 2/n_in for ReLU (He), biases 0.
   */
  initialize(rng: Rng): void {
    this.weights.forEach((w, l) => {
      const nIn = this.shape.sizes[l] ?? 1;
      const nOut = this.shape.sizes[l + 1] ?? 1;
      const sd = Math.sqrt(this.shape.activation === 'relu' ? 2 / nIn : 2 / (nIn + nOut));
      for (let k = 0; k < w.length; k++) w[k] = sd * normal(rng);
    });
    for (const b of this.biases) b.fill(0);
  }

  /** Copies every weight and bias from a network of the same sizes. */
  copyParameters(from: Network): void {
    this.weights.forEach((w, l) => w.set(from.weights[l] ?? w));
    this.biases.forEach((b, l) => b.set(from.biases[l] ?? b));
  }

  /**
   * Forward pass over `batch` examples of `inputs` ([batch][n_0]); predictions end up in
   * `activations[layers]`. In training, dropout multipliers are drawn from `rng` (or the
   * previous ones reused, to hold a mask fixed); at evaluation the mode's test rule applies.
   * In training, the activation of a unit that is dropped (and whose mask the backward pass
   * honours) is not computed and stays 0: dropped units cost nothing.
   */
  forward(
    inputs: Float64Array,
    batch: number,
    training: boolean,
    dropout: DropoutSettings,
    rng: Rng,
    reuseMasks = false,
  ): void {
    const { sizes } = this.shape;
    if (batch < 1 || batch > this.shape.maxBatch)
      throw new RangeError(`batch must be 1…${this.shape.maxBatch}, got ${batch}`);
    this.batch = batch;
    this.#dropout = dropout;
    this.#training = training;
    const input = this.activations[0] as Float64Array;
    for (let k = 0; k < batch * (sizes[0] ?? 0); k++) input[k] = inputs[k] ?? 0;
    if (!reuseMasks)
      this.multipliers.forEach((r, l) =>
        fillMultipliers(r, batch * sizes[l]!, training, dropout.mode, dropout.p[l] ?? 0, rng),
      );
    const skipDropped = training && dropout.mode !== 'no-backward-mask';
    // Whether layer l has units that this pass drops and skips.
    const drops = (l: number) => skipDropped && l < this.layers && dropsUnits(dropout.mode, dropout.p[l] ?? 0);
    this.#listed = training;
    if (training) for (let l = 0; l < this.layers; l++) this.#list(l, drops(l), batch);
    // A large batch is walked in chunks that keep every layer's rows in cache.
    for (let start = 0; start < batch; start += CHUNK) {
      const end = Math.min(batch, start + CHUNK);
      for (let l = 0; l < this.layers; l++) {
        this.#applyMultipliers(l, start, end);
        this.#affine(l, start, end, drops(l) || drops(l + 1));
        this.#activate(l + 1, start, end, drops(l + 1));
      }
    }
  }

  #list(l: number, drops: boolean, batch: number): void {
    listLive(this.#live[l]!, drops ? this.multipliers[l] : undefined, 0, batch, this.shape.sizes[l]!);
  }

  #applyMultipliers(l: number, start: number, end: number): void {
    const a = this.activations[l] as Float64Array;
    const r = this.multipliers[l] as Float64Array;
    const d = this.dropped[l] as Float64Array;
    const n = this.shape.sizes[l] ?? 0;
    for (let k = start * n; k < end * n; k++) d[k] = a[k]! * r[k]!;
  }

  /** z_{l+1} = dropped_l · W_l + b_l: dense, or over live units only when either side drops. */
  #affine(l: number, start: number, end: number, live: boolean): void {
    const pass = this.#forwardPasses[l]!;
    if (live) this.#engine.forward(pass, start, end);
    else this.#engine.affine(pass, start, end);
  }

  /** a_l = f(z_l): the hidden nonlinearity (skipping dropped units), or the output unit at the last layer. */
  #activate(l: number, start: number, end: number, skipDropped: boolean): void {
    const n = this.shape.sizes[l] ?? 0;
    const z = this.preActivations[l] as Float64Array;
    const a = this.activations[l] as Float64Array;
    if (l < this.layers) {
      const live = skipDropped ? this.#live[l] : undefined;
      activateHidden(z, a, start, end, n, this.shape.activation === 'relu', live);
    } else if (this.shape.output === 'sigmoid-bce') {
      for (let k = start * n; k < end * n; k++) a[k] = 1 / (1 + Math.exp(-z[k]!));
    } else {
      for (let k = start * n; k < end * n; k++) a[k] = z[k]!;
    }
  }

  /**
   * Mean loss of the last forward pass against `targets` ([batch][n_out]): binary
   * cross-entropy (computed from z, stable for any logit) or half the squared error,
   * summed over output units and averaged over examples.
   */
  loss(targets: Float64Array): number {
    const count = this.batch * (this.shape.sizes[this.layers] ?? 0);
    const z = this.preActivations[this.layers] as Float64Array;
    let sum = 0;
    for (let k = 0; k < count; k++) {
      const zk = z[k]!;
      const y = targets[k] ?? 0;
      sum +=
        this.shape.output === 'sigmoid-bce'
          ? Math.max(zk, 0) - zk * y + Math.log1p(Math.exp(-Math.abs(zk)))
          : 0.5 * (zk - y) ** 2;
    }
    return sum / this.batch;
  }

  /**
   * Gradients of {@link loss} (plus (λ/2)·Σw² when `l2` = λ > 0) with respect to every
   * weight and bias, through the same masks as the last forward pass, into
   * `weightGrads` and `biasGrads`.
   */
  backward(targets: Float64Array, l2 = 0): void {
    const { sizes } = this.shape;
    const batch = this.batch;
    const last = this.layers;
    const outCount = batch * (sizes[last] ?? 0);
    const yHat = this.activations[last] as Float64Array;
    const deltaOut = this.deltas[last] as Float64Array;
    // Both output losses have ∂loss/∂z = (ŷ − y) / batch.
    for (let k = 0; k < outCount; k++) deltaOut[k] = (yHat[k]! - (targets[k] ?? 0)) / batch;
    if (!this.#listed) for (let l = 0; l < last; l++) this.#list(l, false, batch);
    this.#listed = true;
    for (let l = last - 1; l >= 0; l--) {
      const w = this.weights[l]!;
      const gw = this.weightGrads[l]!;
      for (let k = 0; k < gw.length; k++) gw[k] = l2 * w[k]!;
      this.biasGrads[l]!.fill(0);
      // The first layer's inputs need no δ: its parameter gradients alone.
      if (l > 0) this.#backThroughHidden(l, batch);
      else gradientsLive(this.#gradientPasses[0]!, 0, batch);
    }
  }

  /**
   * The parameter gradients of layer l (l ≥ 1) and deltas[l] = (deltas[l+1] · W_lᵀ) ⊙
   * backward factor ⊙ f′(z_l), over live units, in one pass.
   */
  #backThroughHidden(l: number, batch: number): void {
    const mode = this.#training ? this.#dropout.mode : 'none';
    const pass = this.#backwardPasses[l]!;
    // The only field that changes from pass to pass: the dropout mode and p may have.
    pass.forgotten = forgottenMaskFactor(mode, this.#dropout.p[l] ?? 0);
    this.#engine.backward(pass, 0, batch);
  }
}
