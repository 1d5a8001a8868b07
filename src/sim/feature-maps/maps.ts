import type { Dataset } from '../datasets.ts';
import { gridInputs, type GridExtent } from '../decision-grid.ts';
import { Network, noDropout, type DropoutSettings, type NetworkShape } from '../network.ts';
import { noDraws } from '../random.ts';
import { evaluateNetwork, type Evaluation } from '../train.ts';

/** What {@link FeatureMaps.compute} fills: every hidden unit's map and the output's, over one grid. */
export interface MapBuffers {
  /**
   * what each hidden unit sends on (its activation times its factor) in each cell,
   * unit-major [hidden unit][cell]: units in mask order (first hidden layer first), cells row by
   * row from the top left as {@link gridInputs} lays them out
   */
  hidden: Float64Array;
  /** the network's probability of class 1 in each cell, [cell] */
  output: Float64Array;
}

/** The pass over the grid draws no random numbers: the factors are set by hand. */
const NO_RANDOMNESS = noDraws('the feature-map pass draws no random numbers');

/**
 * Every hidden unit's activation map and the output's decision map of a trained network over a
 * resolution × resolution grid of the input plane, with each hidden unit's activation multiplied
 * by a factor (0 drops the unit; see mask.ts for the toggling scalings and removals.ts for the
 * test networks). A unit's factor is folded into its outgoing weights, so the network's own
 * evaluation pass does the work. Allocates once; {@link compute} allocates nothing.
 */
export class FeatureMaps {
  readonly resolution: number;
  readonly extent: GridExtent;
  /** resolution², the length of one map */
  readonly cells: number;
  /** hidden units over all hidden layers, the length of a factor or mask array */
  readonly hiddenUnits: number;
  readonly #sizes: readonly number[];
  readonly #inputs: Float64Array;
  /** the loaded weights, untouched */
  readonly #trained: Network;
  /** the loaded weights with the factors folded in, sized for the whole grid */
  readonly #thinned: Network;
  readonly #evaluation: DropoutSettings;

  /** For networks of `shape` (two inputs, one output) over `extent` (see datasetExtent). */
  constructor(shape: Omit<NetworkShape, 'maxBatch'>, extent: GridExtent, resolution: number) {
    const { sizes } = shape;
    if (sizes[0] !== 2 || sizes.at(-1) !== 1 || sizes.length < 3) {
      throw new RangeError(`feature maps need 2 inputs, hidden layers and 1 output, got [${sizes.join(', ')}]`);
    }
    if (!Number.isInteger(resolution) || resolution < 2 || resolution > 200) {
      throw new RangeError(`the grid resolution must be a whole number from 2 to 200, got ${resolution}`);
    }
    this.resolution = resolution;
    this.extent = extent;
    this.cells = resolution * resolution;
    this.hiddenUnits = sizes.slice(1, -1).reduce((sum, n) => sum + n, 0);
    this.#sizes = [...sizes];
    this.#inputs = gridInputs(extent, resolution);
    this.#trained = new Network({ ...shape, maxBatch: 1 }, 'javascript');
    this.#thinned = new Network({ ...shape, maxBatch: this.cells });
    this.#evaluation = noDropout(sizes.length - 1);
  }

  /** Buffers for one set of maps. */
  createBuffers(): MapBuffers {
    return { hidden: new Float64Array(this.hiddenUnits * this.cells), output: new Float64Array(this.cells) };
  }

  /** Takes a copy of `network`'s weights and biases (same sizes): the network whose maps are drawn. */
  load(network: Network): void {
    this.#trained.copyParameters(network);
  }

  /**
   * Fills `out` with the loaded network's maps when each hidden unit's activation is multiplied by
   * `factors` ([hidden unit], mask order).
   */
  compute(factors: Float64Array, out: MapBuffers): void {
    const network = this.#thinned;
    this.#fold(factors);
    network.forward(this.#inputs, this.cells, false, this.#evaluation, NO_RANDOMNESS);
    const cells = this.cells;
    let unit = 0;
    for (let l = 1; l < this.#sizes.length - 1; l++) {
      const n = this.#sizes[l]!;
      const a = network.activations[l]!;
      for (let i = 0; i < n; i++, unit++) {
        const factor = factors[unit]!;
        const map = unit * cells;
        for (let c = 0; c < cells; c++) out.hidden[map + c] = a[c * n + i]! * factor;
      }
    }
    out.output.set(network.activations[network.layers]!.subarray(0, cells));
  }

  /** Loss and accuracy on `data` of the loaded network with the hidden units' `factors`. */
  evaluate(factors: Float64Array, data: Dataset): Evaluation {
    this.#fold(factors);
    return evaluateNetwork(this.#thinned, data, this.#evaluation, NO_RANDOMNESS);
  }

  /** Sets the thinned network's weights: each hidden unit's outgoing row times its factor. */
  #fold(factors: Float64Array): void {
    if (factors.length !== this.hiddenUnits) {
      throw new RangeError(`need one factor per hidden unit (${this.hiddenUnits}), got ${factors.length}`);
    }
    const network = this.#thinned;
    network.copyParameters(this.#trained);
    let unit = 0;
    for (let l = 1; l < network.layers; l++) {
      const w = network.weights[l]!;
      const nOut = this.#sizes[l + 1]!;
      for (let j = 0; j < this.#sizes[l]!; j++, unit++) {
        const factor = factors[unit]!;
        for (let i = j * nOut; i < (j + 1) * nOut; i++) w[i]! *= factor;
      }
    }
  }
}
