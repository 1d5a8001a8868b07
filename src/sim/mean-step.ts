import { Network } from './network.ts';
import { Stream, streamRng } from './random.ts';
import { fillNormal } from './sampling.ts';

/** How the effective-rate simulation runs the comparison: masks sampled, learning rate, default seed. */
export const MEAN_STEP_RUN = { masks: 2000, rate: 0.05, seed: 1 } as const;

/** Units of the dropout layer and inputs that feed it, in the step-over-masks example. */
export const MEAN_STEP_SHAPE = { inputs: 3, units: 16 } as const;

/** One kind of weight's steps, one entry per unit of the dropout layer. */
export interface StepMoments {
  /** the step without dropout */
  none: Float64Array;
  /** mean of the inverted-dropout step over the sampled masks */
  mean: Float64Array;
  /** standard deviation of the step over the sampled masks */
  sd: Float64Array;
  /** the exact mean over all masks */
  exactMean: Float64Array;
  /** the exact standard deviation over all masks */
  exactSd: Float64Array;
}

/** Steps of the weights out of the dropout layer and into it (from the first input), over many masks. */
export interface MeanSteps {
  outgoing: StepMoments;
  incoming: StepMoments;
  /** the dropout layer's activations a_j without dropout */
  activations: Float64Array;
  /** the outgoing weights w_j */
  outWeights: Float64Array;
  masks: number;
}

/**
 * The example of a seed: three inputs x ~ N(0, 1), a dropout layer of 16 tanh units with incoming
 * weights N(0, 1) and no biases, one linear output unit with weights N(0.25, 0.5²) and no bias, and
 * half the squared error as the loss. The target sits 1 below the output without dropout, so the
 * output's error δ₀ is exactly 1 and every step is easy to compare.
 */
function exampleNetwork(seed: number): { network: Network; input: Float64Array; target: number } {
  const { inputs, units } = MEAN_STEP_SHAPE;
  const network = new Network(
    { sizes: [inputs, units, 1], activation: 'tanh', output: 'linear-mse', maxBatch: 1 },
    'javascript',
  );
  const rng = streamRng(seed, Stream.data);
  const input = new Float64Array(inputs);
  fillNormal(input, rng);
  fillNormal(network.weights[0]!, rng);
  fillNormal(network.weights[1]!, rng, 0.25, 0.5);
  network.forward(input, 1, false, { mode: 'none', p: [0, 0] }, rng);
  return { network, input, target: network.activations[2]![0]! - 1 };
}

/**
 * Exact mean and variance over masks of the gradient factor u_j·δ that both of unit j's weight
 * gradients share, where u_j = m_j/q and δ = δ₀ + Σ_i w_i a_i (u_i − 1) is the output's error.
 * With E[u] = 1, E[u²] = 1/q, E[u³] = 1/q², E[u⁴] = 1/q³ and independent units:
 * E[u_j δ] = δ₀ + (p/q)·w_j a_j, the error without dropout plus the gradient of the penalty (p/2q)·Σ w² a².
 */
function sharedFactor(j: number, a: Float64Array, w: Float64Array, q: number, delta0: number) {
  const own = w[j]! * a[j]!;
  let others = 0;
  for (let i = 0; i < a.length; i++) if (i !== j) others += (w[i]! * a[i]!) ** 2;
  // δ = rest + own·u_j, with rest independent of u_j: E[rest] = δ₀ − own, Var[rest] = (p/q)·others.
  const restMean = delta0 - own;
  const restSquare = restMean ** 2 + ((1 - q) / q) * others;
  const mean = restMean + own / q;
  const square = restSquare / q + (2 * own * restMean) / q ** 2 + own ** 2 / q ** 3;
  return { mean, variance: Math.max(0, square - mean ** 2) };
}

/**
 * One inverted-dropout gradient step at learning rate `rate` for each of `masks` masks drawn at drop
 * probability p on the dropout layer (the seed's mask stream), against the step without dropout, for
 * the weights leaving the layer and the weights entering it from the first input. The course's
 * `Network` computes every gradient; the exact moments come from {@link sharedFactor}.
 */
export function stepsOverMasks(seed: number, p: number, masks: number, rate: number): MeanSteps {
  const { units } = MEAN_STEP_SHAPE;
  const q = 1 - p;
  const { network, input, target } = exampleNetwork(seed);
  const targets = Float64Array.of(target);
  const a = network.activations[1]!.slice(0, units);
  const w = network.weights[1]!.slice(0, units);
  // The incoming weight from input 0 into unit j is weights[0][j] (row-major [in][out]).
  const read = () => ({ out: network.weightGrads[1]!.slice(0, units), into: network.weightGrads[0]!.slice(0, units) });
  network.backward(targets);
  const none = read();
  const sums = { out: new Float64Array(units), into: new Float64Array(units) };
  const squares = { out: new Float64Array(units), into: new Float64Array(units) };
  const rng = streamRng(seed, Stream.mask);
  for (let m = 0; m < masks; m++) {
    network.forward(input, 1, true, { mode: 'inverted', p: [0, p] }, rng);
    network.backward(targets);
    const g = read();
    for (let j = 0; j < units; j++) {
      sums.out[j]! += g.out[j]!;
      squares.out[j]! += g.out[j]! ** 2;
      sums.into[j]! += g.into[j]!;
      squares.into[j]! += g.into[j]! ** 2;
    }
  }
  const moments = (kind: 'out' | 'into'): StepMoments => {
    const result: StepMoments = {
      none: none[kind].map((g) => -rate * g),
      mean: new Float64Array(units),
      sd: new Float64Array(units),
      exactMean: new Float64Array(units),
      exactSd: new Float64Array(units),
    };
    for (let j = 0; j < units; j++) {
      const mean = sums[kind][j]! / masks;
      result.mean[j] = -rate * mean;
      result.sd[j] = rate * Math.sqrt(Math.max(0, squares[kind][j]! / masks - mean * mean));
      // Without dropout the gradient is (its factor)·δ₀ with δ₀ = 1: dropout replaces δ₀ by u_j·δ.
      const factor = sharedFactor(j, a, w, q, 1);
      result.exactMean[j] = result.none[j]! * factor.mean;
      result.exactSd[j] = Math.abs(result.none[j]!) * Math.sqrt(factor.variance);
    }
    return result;
  };
  return { outgoing: moments('out'), incoming: moments('into'), activations: a, outWeights: w, masks };
}

/** What the comparison against no dropout shows, in a few numbers (sums over the layer's units). */
export function meanStepFacts(steps: StepMoments, masks: number) {
  let none = 0;
  let mean = 0;
  let spread = 0;
  let worst = 0;
  for (let j = 0; j < steps.none.length; j++) {
    none += Math.abs(steps.none[j]!);
    mean += Math.abs(steps.mean[j]!);
    spread += steps.sd[j]!;
    // Sampling error of the mean in standard errors: the check that the formula is the average.
    const standardError = steps.exactSd[j]! / Math.sqrt(masks);
    if (standardError > 0) worst = Math.max(worst, Math.abs(steps.mean[j]! - steps.exactMean[j]!) / standardError);
  }
  return { meanRatio: mean / none, spreadRatio: spread / none, worstStandardErrors: worst };
}
