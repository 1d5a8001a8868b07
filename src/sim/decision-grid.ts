import type { Dataset } from './datasets.ts';
import { evaluationFactor } from './dropout.ts';
import { Float32Forward } from './float32-forward.ts';
import { Network, type DropoutSettings, type NetworkShape } from './network.ts';
import type { Rng } from './random.ts';

/** The rectangle of input space a decision boundary is drawn over. */
export interface GridExtent {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The bounding box of every point of two-input datasets, widened by 10 % on each side. */
export function datasetExtent(...datasets: Dataset[]): GridExtent {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const { inputs, size, inputSize } of datasets) {
    if (inputSize !== 2) throw new RangeError(`a decision grid needs two inputs, got ${inputSize}`);
    for (let e = 0; e < size; e++) {
      const x = inputs[2 * e]!;
      const y = inputs[2 * e + 1]!;
      xMin = Math.min(xMin, x);
      xMax = Math.max(xMax, x);
      yMin = Math.min(yMin, y);
      yMax = Math.max(yMax, y);
    }
  }
  if (!Number.isFinite(xMin)) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  const padX = 0.1 * (xMax - xMin || 1);
  const padY = 0.1 * (yMax - yMin || 1);
  return { xMin: xMin - padX, xMax: xMax + padX, yMin: yMin - padY, yMax: yMax + padY };
}

/**
 * The centres of a resolution × resolution grid of cells over `extent`, as (x, y) rows.
 * Row 0 is the top of the picture (largest y), so the values can be painted row by row.
 */
export function gridInputs(extent: GridExtent, resolution: number): Float64Array {
  const points = new Float64Array(resolution * resolution * 2);
  const dx = (extent.xMax - extent.xMin) / resolution;
  const dy = (extent.yMax - extent.yMin) / resolution;
  for (let row = 0; row < resolution; row++) {
    for (let col = 0; col < resolution; col++) {
      const k = 2 * (row * resolution + col);
      points[k] = extent.xMin + (col + 0.5) * dx;
      points[k + 1] = extent.yMax - (row + 0.5) * dy;
    }
  }
  return points;
}

/**
 * Evaluates networks of one shape over a fixed grid: the test network's predicted
 * probability of class 1 in every cell. Where WebAssembly SIMD runs and the evaluation rule
 * is a constant factor per layer, the cells are computed in single precision by
 * {@link Float32Forward} (within about 1e-6 of Float64, for a picture); otherwise, as for
 * dropout left on at evaluation, by the Float64 network. Allocates once.
 */
export class GridEvaluator {
  readonly resolution: number;
  readonly extent: GridExtent;
  readonly #shape: Omit<NetworkShape, 'maxBatch'>;
  readonly #inputs: Float64Array;
  readonly #fast: Float32Forward | undefined;
  #network: Network | undefined;

  constructor(shape: Omit<NetworkShape, 'maxBatch'>, extent: GridExtent, resolution: number) {
    if (!Number.isInteger(resolution) || resolution < 2 || resolution > 200) {
      throw new RangeError(`the grid resolution must be a whole number from 2 to 200, got ${resolution}`);
    }
    this.resolution = resolution;
    this.extent = extent;
    this.#shape = shape;
    this.#inputs = gridInputs(extent, resolution);
    this.#fast = Float32Forward.available ? singlePrecision(shape) : undefined;
  }

  /** Writes the predictions of `network` (under the mode's test rule) into `out`, from `offset`. */
  evaluate(network: Network, dropout: DropoutSettings, rng: Rng, out: Float64Array, offset = 0): void {
    const cells = this.resolution * this.resolution;
    const factors = dropout.p.map((p) => evaluationFactor(dropout.mode, p));
    if (this.#fast !== undefined && factors.every((factor): factor is number => factor !== undefined)) {
      this.#fast.load(network, factors);
      this.#fast.forward(this.#inputs, cells, out, offset);
      return;
    }
    this.#network ??= new Network({ ...this.#shape, maxBatch: cells });
    this.#network.copyParameters(network);
    this.#network.forward(this.#inputs, cells, false, dropout, rng);
    out.set(this.#network.activations[this.#network.layers]!.subarray(0, cells), offset);
  }
}

/** The kernels for `shape`, or undefined where their instance cannot be set up (then Float64 serves). */
function singlePrecision(shape: Omit<NetworkShape, 'maxBatch'>): Float32Forward | undefined {
  try {
    return new Float32Forward(shape);
  } catch {
    return undefined;
  }
}
