/**
 * The shape of the course's small convolutional network for handwritten digits and the dropout it
 * trains with. Activations are stored example after example, each as [channel][row][col]
 * row-major. p is the drop probability, q = 1 − p the keep probability.
 */

/** Numbers of one layer, in single or double precision (see {@link ConvShape.precision}). */
export type Floats = Float32Array | Float64Array;

/** Where the dropout between the ReLU and the pooling acts. */
export type ConvDropout =
  /** nothing dropped */
  | 'none'
  /** each activation dropped on its own with drop probability p */
  | 'element'
  /** each feature map dropped whole with drop probability p (spatial dropout, Tompson et al. 2015, §3.2) */
  | 'channel';

/** Every dropout of a convolutional network, in the order the course shows them. */
export const CONV_DROPOUTS: readonly ConvDropout[] = ['none', 'element', 'channel'];

/** The size of a set of feature maps: `examples` × `channels` maps of `height` × `width`. */
export interface MapLayout {
  /** examples, the outermost index */
  readonly examples: number;
  /** feature maps per example */
  readonly channels: number;
  /** rows of a map */
  readonly height: number;
  /** columns of a map */
  readonly width: number;
}

/**
 * A network side × side × 1 → conv 3×3 (`channels` maps, 'same' zero padding) → ReLU → dropout →
 * max-pool 2×2 (stride 2) → dense `classes` → softmax.
 */
export interface ConvShape {
  /** rows and columns of an input image, even, e.g. 28 */
  readonly side: number;
  /** feature maps of the convolution, e.g. 8 */
  readonly channels: number;
  /** classes of the softmax, e.g. 10 */
  readonly classes: number;
  /** most examples in one pass; every buffer is allocated for this many up front */
  readonly maxBatch: number;
  /**
   * 'float32' as the digit classifier stores its numbers (half the memory, the same precision as
   * the browser's other networks); 'float64' for gradient checks by finite differences, whose
   * quotients lose too many digits in single precision. Sums are formed in doubles either way.
   */
  readonly precision: 'float32' | 'float64';
}

/** Throws a RangeError that names what is wrong with `shape` and what would be accepted. */
export function assertConvShape({ side, channels, classes, maxBatch, precision }: ConvShape): void {
  const whole = (value: number, least: number) => Number.isInteger(value) && value >= least;
  if (!whole(side, 2) || side % 2 !== 0)
    throw new RangeError(`conv side: use an even whole number ≥ 2 (2×2 pooling halves it), got ${side}`);
  if (!whole(channels, 1)) throw new RangeError(`conv channels: use a whole number ≥ 1, got ${channels}`);
  if (!whole(classes, 2)) throw new RangeError(`conv classes: a softmax needs a whole number ≥ 2, got ${classes}`);
  if (!whole(maxBatch, 1)) throw new RangeError(`conv maxBatch: use a whole number ≥ 1, got ${maxBatch}`);
  if (precision !== 'float32' && precision !== 'float64')
    throw new RangeError(`conv precision: use 'float32' or 'float64', got ${String(precision)}`);
}

/** Throws a RangeError unless p is a drop probability a training pass can use, in [0, 1). */
export function assertDropProbability(p: number): void {
  if (!(p >= 0 && p < 1))
    throw new RangeError(
      `drop probability p must be in [0, 1) (p = 1 would drop everything and scale by 1/0), got ${p}`,
    );
}

/** A zeroed array of `length` numbers in the given precision. */
export function floats(precision: ConvShape['precision'], length: number): Floats {
  return precision === 'float64' ? new Float64Array(length) : new Float32Array(length);
}
