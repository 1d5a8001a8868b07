/**
 * Dropout on the inputs of a linear regression, and the L2 penalty it equals in expectation.
 * With masks m_ij ~ Bernoulli(q) and the inverted 1/q scaling, the mean squared error over masks is
 *
 *   (1/N) Σ_i E_m (y_i − Σ_j w_j m_ij x_ij / q)² = (1/N) [ ‖y − Xw‖² + (p/q) Σ_j E_j w_j² ],
 *
 * with E_j = Σ_i x_ij² the energy of input j (Srivastava et al. 2014, Section 9.1, whose p is the
 * keep probability; Wager, Wang & Liang 2013). Dropout is ridge regression whose strength on each
 * weight is scaled by its input's energy; plain ridge, ½‖y − Xw‖² + (λ/2) Σ_j w_j², is the same
 * only when every input has the energy E, at λ = (p/q)·E.
 */
import { fillBernoulliMask, normal } from './sampling.ts';
import { streamRng, Stream, type Rng } from './random.ts';

/** A linear-regression data set: inputs as rows. */
export interface RegressionData {
  /** inputs, row-major [size][inputs] */
  x: Float64Array;
  /** targets [size] */
  y: Float64Array;
  /** examples N */
  size: number;
  /** inputs d */
  inputs: number;
}

/** The data set's shape: examples, the standard deviation of each input, the true weights and the noise. */
export const L2_DATA = {
  size: 20,
  /** standard deviation of each input: a factor of 2 apart, so their energies are a factor of about 4 apart */
  scales: [2, 1, 0.5, 0.25],
  /** the weights the targets are made with */
  trueWeights: [0.5, 1, 2, 4],
  /** standard deviation of the targets' noise */
  noise: 0.5,
} as const;

/**
 * The course's small regression set for `seed`: x_ij ~ N(0, scales_j²), y_i = Σ_j w*_j x_ij + noise,
 * from the seed's data stream. The same seed always gives the same set.
 */
export function regressionData(seed: number): RegressionData {
  const { size, scales, trueWeights, noise } = L2_DATA;
  const inputs = scales.length;
  const rng = streamRng(seed, Stream.data);
  const x = new Float64Array(size * inputs);
  const y = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let target = noise * normal(rng);
    for (let j = 0; j < inputs; j++) {
      const value = scales[j]! * normal(rng);
      x[i * inputs + j] = value;
      target += trueWeights[j]! * value;
    }
    y[i] = target;
  }
  return { x, y, size, inputs };
}

/** Each input's energy E_j = Σ_i x_ij², [inputs]. */
export function energies({ x, size, inputs }: RegressionData): Float64Array {
  const e = new Float64Array(inputs);
  for (let i = 0; i < size; i++) for (let j = 0; j < inputs; j++) e[j] = e[j]! + x[i * inputs + j]! ** 2;
  return e;
}

/** Mean squared error (1/N) ‖y − Xw‖² of weights w [inputs]. */
export function meanSquaredError({ x, y, size, inputs }: RegressionData, w: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < size; i++) {
    let residual = y[i]!;
    for (let j = 0; j < inputs; j++) residual -= w[j]! * x[i * inputs + j]!;
    sum += residual * residual;
  }
  return sum / size;
}

/** Dropout's L2 strength on each weight: (p/q)·E_j, [inputs]. */
export function dropoutPenalties(data: RegressionData, p: number): Float64Array {
  const ratio = p / (1 - p);
  return energies(data).map((e) => ratio * e);
}

/**
 * The exact expected dropout loss of weights w, over masks: the mean squared error plus
 * (1/N)(p/q) Σ_j E_j w_j².
 */
export function expectedDropoutLoss(data: RegressionData, w: ArrayLike<number>, p: number): number {
  const penalties = dropoutPenalties(data, p);
  let penalty = 0;
  for (let j = 0; j < data.inputs; j++) penalty += penalties[j]! * w[j]! ** 2;
  return meanSquaredError(data, w) + penalty / data.size;
}

/**
 * Weights minimizing ½‖y − Xw‖² + ½ Σ_j penalties_j w_j² (the L2 strength of each weight): the solution of
 * (XᵀX + diag(penalties)) w = Xᵀy, by Gaussian elimination with partial pivoting.
 */
export function penalizedWeights({ x, y, size, inputs }: RegressionData, penalties: ArrayLike<number>): Float64Array {
  const d = inputs;
  // The augmented matrix [XᵀX + diag(penalties) | Xᵀy], one row [d + 1] per input.
  const rows = Array.from({ length: d }, (_, r) => {
    const row = new Float64Array(d + 1);
    row[r] = penalties[r]!;
    for (let i = 0; i < size; i++) {
      const xr = x[i * d + r]!;
      for (let c = 0; c < d; c++) row[c] = row[c]! + xr * x[i * d + c]!;
      row[d] = row[d]! + xr * y[i]!;
    }
    return row;
  });
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let r = col + 1; r < d; r++) if (Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!)) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    const top = rows[col]!;
    for (let r = col + 1; r < d; r++) {
      const row = rows[r]!;
      const factor = row[col]! / top[col]!;
      for (let c = col; c <= d; c++) row[c] = row[c]! - factor * top[c]!;
    }
  }
  const w = new Float64Array(d);
  for (let r = d - 1; r >= 0; r--) {
    const row = rows[r]!;
    let sum = row[d]!;
    for (let c = r + 1; c < d; c++) sum -= row[c]! * w[c]!;
    w[r] = sum / row[r]!;
  }
  return w;
}

/** The three fits the explorable compares, each [inputs]. */
export interface Fits {
  /** least squares, no penalty */
  none: Float64Array;
  /** the minimizer of the expected dropout loss at drop probability p */
  dropout: Float64Array;
  /** ridge regression at strength λ on every weight */
  ridge: Float64Array;
}

/** Least squares, dropout at drop probability p, and ridge at λ, on one data set. */
export function fits(data: RegressionData, p: number, lambda: number): Fits {
  return {
    none: penalizedWeights(data, new Float64Array(data.inputs)),
    dropout: penalizedWeights(data, dropoutPenalties(data, p)),
    ridge: penalizedWeights(data, new Float64Array(data.inputs).fill(lambda)),
  };
}

/** A Monte Carlo estimate of the expected dropout loss, one mask of the whole set per sample. */
export interface LossSamples {
  /** per sample: the mean squared error under that sample's masks, [count] */
  losses: Float64Array;
  /** per sample k: the mean of losses 0…k, [count] */
  means: Float64Array;
  /** per sample k: the standard error of that mean, s/√(k + 1), 0 for the first, [count] */
  errors: Float64Array;
}

/**
 * Draws `count` masks of the whole data set (N·d Bernoulli(q) entries each, from `rng`) and
 * returns each one's mean squared error of the inverted-dropout prediction Σ_j w_j m_ij x_ij / q,
 * with the running mean and its standard error (Welford's update).
 */
export function sampleDropoutLoss(data: RegressionData, w: ArrayLike<number>, p: number, count: number, rng: Rng) {
  const { x, y, size, inputs } = data;
  const q = 1 - p;
  const mask = new Uint8Array(size * inputs);
  const losses = new Float64Array(count);
  const means = new Float64Array(count);
  const errors = new Float64Array(count);
  let mean = 0;
  let squares = 0;
  for (let k = 0; k < count; k++) {
    fillBernoulliMask(mask, q, rng);
    let sum = 0;
    for (let i = 0; i < size; i++) {
      let residual = y[i]!;
      for (let j = 0; j < inputs; j++) residual -= (w[j]! * mask[i * inputs + j]! * x[i * inputs + j]!) / q;
      sum += residual * residual;
    }
    const loss = sum / size;
    losses[k] = loss;
    const delta = loss - mean;
    mean += delta / (k + 1);
    squares += delta * (loss - mean);
    means[k] = mean;
    errors[k] = k > 0 ? Math.sqrt(squares / k / (k + 1)) : 0;
  }
  return { losses, means, errors } satisfies LossSamples;
}
