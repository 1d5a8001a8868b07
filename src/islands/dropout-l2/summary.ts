import { formatNumber } from '../../lib/format.ts';
import {
  dropoutPenalties,
  energies,
  expectedDropoutLoss,
  fits,
  regressionData,
  sampleDropoutLoss,
  type Fits,
} from '../../sim/dropout-l2.ts';
import { streamRng, Stream } from '../../sim/random.ts';

/** The explorable's settings: drop probability p, ridge λ, masks sampled, seed. */
export interface L2Settings {
  p: number;
  lambda: number;
  masks: number;
  seed: number;
}

/** Points of the convergence curve drawn, at most: the Monte Carlo run is thinned to these. */
const CURVE_POINTS = 200;

/** The names of the inputs, as the charts and the summary write them. */
export const INPUT_NAMES = ['x₁', 'x₂', 'x₃', 'x₄'] as const;

/** Everything the explorable shows for one state, computed by src/sim. */
export interface L2Picture {
  /** each input's energy E_j = Σ_i x_ij² */
  energies: Float64Array;
  /** dropout's L2 strength on each weight: (p/q)·E_j */
  dropout: Float64Array;
  /** ridge's L2 strength on each weight: λ */
  ridge: Float64Array;
  /** the weights fitted without a penalty, under dropout and under ridge */
  weights: Fits;
  /** the expected dropout loss of the dropout weights, by the formula */
  exact: number;
  /** the Monte Carlo estimate of it after all the masks, and its standard error */
  estimate: { mean: number; error: number };
  /** the estimate as it converges: after counts[i] masks, its mean and standard error */
  curve: { counts: Float64Array; means: Float64Array; errors: Float64Array };
}

/** The explorable's numbers for one state: the data set of its seed, the fits, and the masks sampled. */
export function l2Picture({ p, lambda, masks, seed }: L2Settings): L2Picture {
  const data = regressionData(seed);
  const weights = fits(data, p, lambda);
  const sampled = sampleDropoutLoss(data, weights.dropout, p, masks, streamRng(seed, Stream.mask));
  const every = Math.max(1, Math.ceil(masks / CURVE_POINTS));
  const at = Array.from({ length: Math.ceil(masks / every) }, (_, i) => Math.min(masks, (i + 1) * every) - 1);
  return {
    energies: energies(data),
    dropout: dropoutPenalties(data, p),
    ridge: new Float64Array(data.inputs).fill(lambda),
    weights,
    exact: expectedDropoutLoss(data, weights.dropout, p),
    estimate: { mean: sampled.means[masks - 1] ?? Number.NaN, error: sampled.errors[masks - 1] ?? Number.NaN },
    curve: {
      counts: Float64Array.from(at, (k) => k + 1),
      means: Float64Array.from(at, (k) => sampled.means[k] ?? Number.NaN),
      errors: Float64Array.from(at, (k) => sampled.errors[k] ?? Number.NaN),
    },
  };
}

/** Numbers of one series, one per input: "114.1, 26.4, 4.0 and 1.1". */
function listed(values: ArrayLike<number>, decimals: number): string {
  const texts = Array.from(values, (v) => formatNumber(v, decimals));
  return `${texts.slice(0, -1).join(', ')} and ${texts.at(-1) ?? ''}`;
}

/** The sentences that say what the charts show. */
export function describeL2({ p, lambda, masks }: L2Settings, picture: L2Picture): string {
  const { weights, estimate } = picture;
  return (
    `At p = ${formatNumber(p)}, dropout's L2 strength on w₁ to w₄ is p/q times each input's energy: ` +
    `${listed(picture.dropout, 1)}; ridge's is λ = ${formatNumber(lambda, 0)} on each. ` +
    `Weights without a penalty: ${listed(weights.none, 2)}; under dropout: ${listed(weights.dropout, 2)}; ` +
    `under ridge: ${listed(weights.ridge, 2)}. Over ${masks.toLocaleString('en')} masks the Monte Carlo estimate of ` +
    `the expected dropout loss is ${formatNumber(estimate.mean, 3)} with a standard error of ${formatNumber(estimate.error, 3)}; ` +
    `the formula gives ${formatNumber(picture.exact, 3)}.`
  );
}
