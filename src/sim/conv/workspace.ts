import type { UpdateSettings } from '../optimizer.ts';
import type { Rng } from '../random.ts';
import { normal } from '../sampling.ts';
import { KERNEL_SIDE } from './conv2d.ts';
import { floats, type ConvShape, type Floats } from './shape.ts';

/**
 * Every buffer of a convolutional network, allocated once for its largest batch; a training step
 * reads and writes these and allocates nothing. B is maxBatch, C channels, S the input side,
 * H = S/2 the pooled side, K the classes.
 */
export interface ConvWorkspace {
  /** input images, [B][S][S] (one channel) */
  readonly input: Floats;
  /** classes of the loaded examples, [B] */
  readonly labels: Uint8Array;
  /** the learned numbers, in the order {@link ConvWorkspace.gradients} and the velocities follow */
  readonly parameters: Parameters;
  /** ∂L/∂ each parameter, summed over the batch of the mean loss */
  readonly gradients: Parameters;
  /** momentum's velocities, one per parameter */
  readonly velocities: Parameters;
  /** convolution outputs z, [B][C][S][S] */
  readonly z: Floats;
  /** feature maps ReLU(z), before dropout, [B][C][S][S] */
  readonly maps: Floats;
  /** feature maps after dropout (kept × 1/q, dropped 0), [B][C][S][S] */
  readonly dropped: Floats;
  /** the last training pass's mask, 1 kept, 0 dropped, [B][C][S][S] */
  readonly mask: Uint8Array;
  /** channel dropout's one draw per map, [B][C] */
  readonly channelMask: Uint8Array;
  /** pooled maps, the dense layer's input, [B][C][H][H] */
  readonly pooled: Floats;
  /** where each pooled value came from in `dropped`, [B][C][H][H] */
  readonly argmax: Int32Array;
  /** logits, [B][K] */
  readonly logits: Floats;
  /** softmax probabilities, [B][K] */
  readonly probabilities: Floats;
  /** ∂L/∂logits, [B][K] */
  readonly delta: Floats;
  /** ∂L/∂pooled, [B][C][H][H] */
  readonly dPooled: Floats;
  /** ∂L/∂ of the maps on the way back (after dropout, then before, then z), [B][C][S][S] */
  readonly dMaps: Floats;
}

/** The network's parameters (or gradients, or velocities), each a flat array. */
export interface Parameters {
  /** convolution kernels, [C][1][3][3] */
  readonly convWeights: Floats;
  /** convolution biases, [C] */
  readonly convBiases: Floats;
  /** dense weights, row-major [C·H·H][K] */
  readonly denseWeights: Floats;
  /** dense biases, [K] */
  readonly denseBiases: Floats;
}

/** The parameters' names, in the order of a flat list of them. */
export const PARAMETER_NAMES: readonly (keyof Parameters)[] = [
  'convWeights',
  'convBiases',
  'denseWeights',
  'denseBiases',
];

/** Inputs of the dense layer: C pooled maps of (S/2)². */
export function pooledValues({ side, channels }: ConvShape): number {
  return channels * (side / 2) ** 2;
}

/** A network's buffers for `shape` (assumed valid), all zero. */
export function convWorkspace(shape: ConvShape): ConvWorkspace {
  const { side, channels, classes, maxBatch, precision } = shape;
  const make = (length: number) => floats(precision, length);
  const parameters = (): Parameters => ({
    convWeights: make(channels * KERNEL_SIDE * KERNEL_SIDE),
    convBiases: make(channels),
    denseWeights: make(pooledValues(shape) * classes),
    denseBiases: make(classes),
  });
  const mapsSize = maxBatch * channels * side * side;
  const pooledSize = maxBatch * pooledValues(shape);
  return {
    input: make(maxBatch * side * side),
    labels: new Uint8Array(maxBatch),
    parameters: parameters(),
    gradients: parameters(),
    velocities: parameters(),
    z: make(mapsSize),
    maps: make(mapsSize),
    dropped: make(mapsSize),
    mask: new Uint8Array(mapsSize),
    channelMask: new Uint8Array(maxBatch * channels),
    pooled: make(pooledSize),
    argmax: new Int32Array(pooledSize),
    logits: make(maxBatch * classes),
    probabilities: make(maxBatch * classes),
    delta: make(maxBatch * classes),
    dPooled: make(pooledSize),
    dMaps: make(mapsSize),
  };
}

/** He-normal weights, N(0, 2/fan-in): 9 taps for a kernel, C·H·H inputs for the dense layer; biases and velocities 0. */
export function initializeParameters({ parameters, velocities }: ConvWorkspace, shape: ConvShape, rng: Rng): void {
  const fill = (values: Floats, fanIn: number) => {
    const sd = Math.sqrt(2 / fanIn);
    for (let k = 0; k < values.length; k++) values[k] = sd * normal(rng);
  };
  fill(parameters.convWeights, KERNEL_SIDE * KERNEL_SIDE);
  fill(parameters.denseWeights, pooledValues(shape));
  parameters.convBiases.fill(0);
  parameters.denseBiases.fill(0);
  for (const name of PARAMETER_NAMES) velocities[name].fill(0);
}

/** The update of a convolutional network: SGD with momentum (v ← μ·v − η·g, w ← w + v). */
export type ConvUpdate = Pick<UpdateSettings, 'learningRate' | 'momentum'>;

/** One update of every parameter from its gradient: v ← μ·v − η·g, then w ← w + v. */
export function momentumStep(
  { parameters, gradients, velocities }: ConvWorkspace,
  { learningRate, momentum }: ConvUpdate,
): void {
  for (let n = 0; n < PARAMETER_NAMES.length; n++) {
    const name = PARAMETER_NAMES[n]!;
    const [values, grads, velocity] = [parameters[name], gradients[name], velocities[name]];
    for (let k = 0; k < values.length; k++) {
      velocity[k] = momentum * velocity[k]! - learningRate * grads[k]!;
      values[k]! += velocity[k]!;
    }
  }
}
