import type { Floats } from './shape.ts';

/**
 * A 2-D convolution with 3×3 kernels, stride 1 and 'same' zero padding: an output map has the
 * input's height and width, and a kernel tap that falls outside the input reads 0. As in every
 * deep-learning library, "convolution" is cross-correlation (the kernel is not flipped).
 */

/** The sizes of one convolution. */
export interface ConvSize {
  /** examples in the batch */
  readonly batch: number;
  /** input maps per example */
  readonly inChannels: number;
  /** output maps per example */
  readonly outChannels: number;
  /** rows of a map */
  readonly height: number;
  /** columns of a map */
  readonly width: number;
}

/** Taps along each side of a kernel. */
export const KERNEL_SIDE = 3;

/** Weights of a convolution: outChannels × inChannels × 3 × 3. */
export function kernelWeights({ inChannels, outChannels }: ConvSize): number {
  return outChannels * inChannels * KERNEL_SIDE * KERNEL_SIDE;
}

/**
 * What {@link tapAt} writes: the tap's index in the weights, the offset of the input pixel it
 * reads for output pixel (0, 0), that of the output map, and the output rows [y0, y1) and columns
 * [x0, x1) whose input pixel lies inside the map. A typed array, so that a pass allocates nothing.
 */
const TAP = new Int32Array(7);

/** Kernel taps of a whole batch: one per example, output map, input map and kernel position. */
function taps({ batch, inChannels, outChannels }: ConvSize): number {
  return batch * outChannels * inChannels * KERNEL_SIDE * KERNEL_SIDE;
}

/** Decodes tap t < {@link taps} (example, output map, input map, then position, outermost first) into {@link TAP}. */
function tapAt({ inChannels, outChannels, height, width }: ConvSize, t: number): void {
  const position = t % 9;
  const pair = (t - position) / 9;
  const i = pair % inChannels;
  const eo = (pair - i) / inChannels;
  const o = eo % outChannels;
  const e = (eo - o) / outChannels;
  const dy = Math.floor(position / 3) - 1;
  const dx = (position % 3) - 1;
  const map = height * width;
  TAP[0] = (o * inChannels + i) * 9 + position;
  TAP[1] = (e * inChannels + i) * map + dy * width + dx;
  TAP[2] = eo * map;
  TAP[3] = Math.max(0, -dy);
  TAP[4] = height - Math.max(0, dy);
  TAP[5] = Math.max(0, -dx);
  TAP[6] = width - Math.max(0, dx);
}

/**
 * z[e][o][y][x] = b[o] + Σ_i Σ_dy Σ_dx w[o][i][dy + 1][dx + 1] · input[e][i][y + dy][x + dx].
 * `input` is [batch][inChannels][height][width], `z` [batch][outChannels][height][width],
 * `w` [outChannels][inChannels][3][3] and `b` [outChannels].
 */
export function convForward(size: ConvSize, input: Floats, w: Floats, b: Floats, z: Floats): void {
  const { batch, outChannels, height, width } = size;
  const map = height * width;
  for (let m = 0; m < batch * outChannels; m++) z.fill(b[m % outChannels]!, m * map, (m + 1) * map);
  for (let t = 0; t < taps(size); t++) {
    tapAt(size, t);
    const k = w[TAP[0]!]!;
    const [from, to] = [TAP[1]!, TAP[2]!];
    for (let y = TAP[3]!; y < TAP[4]!; y++) {
      for (let x = TAP[5]!; x < TAP[6]!; x++) z[to + y * width + x]! += k * input[from + y * width + x]!;
    }
  }
}

/**
 * From ∂L/∂z (`dz`, [batch][outChannels][height][width]): ∂L/∂w into `gw` ([outChannels]
 * [inChannels][3][3]), ∂L/∂b into `gb` ([outChannels]), both summed over the batch, and, unless
 * `dInput` is null (a first layer needs none), ∂L/∂input into it ([batch][inChannels][height][width]).
 */
export function convBackward(
  size: ConvSize,
  input: Floats,
  w: Floats,
  dz: Floats,
  gw: Floats,
  gb: Floats,
  dInput: Floats | null,
): void {
  const { batch, inChannels, outChannels, height, width } = size;
  const map = height * width;
  gw.fill(0, 0, kernelWeights(size));
  gb.fill(0, 0, outChannels);
  dInput?.fill(0, 0, batch * inChannels * map);
  for (let m = 0; m < batch * outChannels; m++) {
    let sum = 0;
    for (let k = m * map; k < (m + 1) * map; k++) sum += dz[k]!;
    gb[m % outChannels]! += sum;
  }
  for (let t = 0; t < taps(size); t++) {
    tapAt(size, t);
    const k = w[TAP[0]!]!;
    const [from, to] = [TAP[1]!, TAP[2]!];
    let sum = 0;
    for (let y = TAP[3]!; y < TAP[4]!; y++) {
      for (let x = TAP[5]!; x < TAP[6]!; x++) {
        const d = dz[to + y * width + x]!;
        sum += d * input[from + y * width + x]!;
        if (dInput !== null) dInput[from + y * width + x]! += k * d;
      }
    }
    gw[TAP[0]!]! += sum;
  }
}
