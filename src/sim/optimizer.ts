import type { Network } from './network.ts';

/** Settings of one gradient-descent update. */
export interface UpdateSettings {
  /** learning rate η */
  learningRate: number;
  /** momentum μ in [0, 1): v ← μ·v − η·g, w ← w + v */
  momentum: number;
  /**
   * Max-norm constraint c: after the update, each unit's incoming weight vector is scaled
   * back to length c if longer. 0 turns it off.
   */
  maxNorm: number;
}

/** Stochastic gradient descent with momentum; keeps one velocity per parameter. */
export class Sgd {
  readonly #weightVelocity: Float64Array[];
  readonly #biasVelocity: Float64Array[];

  constructor(network: Network) {
    this.#weightVelocity = network.weights.map((w) => new Float64Array(w.length));
    this.#biasVelocity = network.biases.map((b) => new Float64Array(b.length));
  }

  /** Forgets the velocities, as at the start of training. */
  reset(): void {
    for (const v of this.#weightVelocity) v.fill(0);
    for (const v of this.#biasVelocity) v.fill(0);
  }

  /** Applies the gradients in `network.weightGrads` and `biasGrads`, then the max-norm constraint. */
  step(network: Network, { learningRate, momentum, maxNorm }: UpdateSettings): void {
    network.weights.forEach((w, l) =>
      update(w, network.weightGrads[l]!, this.#weightVelocity[l]!, learningRate, momentum),
    );
    network.biases.forEach((b, l) => update(b, network.biasGrads[l]!, this.#biasVelocity[l]!, learningRate, momentum));
    if (maxNorm > 0) network.weights.forEach((w, l) => constrainColumns(w, network.shape.sizes[l + 1]!, maxNorm));
  }
}

function update(
  values: Float64Array,
  grads: Float64Array,
  velocity: Float64Array,
  rate: number,
  momentum: number,
): void {
  for (let k = 0; k < values.length; k++) {
    const v = momentum * velocity[k]! - rate * grads[k]!;
    velocity[k] = v;
    values[k]! += v;
  }
}

/** Scales each column i of a row-major [in][out] matrix (unit i's incoming weights) to norm ≤ c. */
export function constrainColumns(w: Float64Array, nOut: number, c: number): void {
  const nIn = w.length / nOut;
  for (let i = 0; i < nOut; i++) {
    let sq = 0;
    for (let j = 0; j < nIn; j++) sq += w[j * nOut + i]! ** 2;
    if (sq <= c * c) continue;
    const scale = c / Math.sqrt(sq);
    for (let j = 0; j < nIn; j++) w[j * nOut + i]! *= scale;
  }
}
