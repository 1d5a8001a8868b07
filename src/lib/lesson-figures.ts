/**
 * Numbers quoted in the lessons' prose, computed at build time by `src/sim` so the text can
 * never disagree with the simulations. Lessons import what they quote.
 */
import { binomialCdf, binomialMean, binomialPmf, binomialVariance, binomialWithin } from '../sim/binomial.ts';
import { trainTestRatio } from '../sim/dropout.ts';
import { MEAN_STEP_RUN, MEAN_STEP_SHAPE, meanStepFacts, stepsOverMasks, type StepMoments } from '../sim/mean-step.ts';
import { L2_DATA } from '../sim/dropout-l2.ts';
import { LAB_PRESETS, OVERFITTING_PRESET } from '../sim/presets.ts';
import { FEATURE_MAP_SETUP } from '../sim/feature-maps/setup.ts';
import { THINNED_HIDDEN, thinnedNetworkCount } from '../sim/thinned.ts';
import { formatNumber, formatPercent, formatScientific } from './format.ts';

/** P(X = np) for n = 1024, p = 0.5, the lessons' running example. */
export const exactlyHalfOf1024 = formatPercent(binomialPmf(512, 1024, 0.5));

/** SD of the drop count for n = 1024, p = 0.5. */
export const sdOf1024 = formatNumber(Math.sqrt(binomialVariance(1024, 0.5)), 0);

/** P(|X − 512| ≤ 16) and P(|X − 512| ≤ 32) for n = 1024, p = 0.5: one and two SDs. */
export const withinOneSdOf1024 = formatPercent(binomialWithin(16, 1024, 0.5), 1);
export const withinTwoSdOf1024 = formatPercent(binomialWithin(32, 1024, 0.5), 1);

/** For each layer size at p = 0.5: P(exactly np), SD of the dropped fraction, P(fraction within ±1 %). */
export const concentration = [10, 100, 1024, 10_000, 100_000].map((n) => {
  const p = 0.5;
  return {
    n: n.toLocaleString('en'),
    mean: binomialMean(n, p).toLocaleString('en'),
    exactly: formatPercent(binomialPmf(Math.round(n * p), n, p)),
    fractionSd: formatNumber(Math.sqrt((p * (1 - p)) / n), 4),
    withinOnePercent: roughPercent(binomialWithin(0.01 * n, n, p)),
  };
});

/** log10 of C(1024, 512), to say how large the number is that log space avoids forming. */
export const digitsOfCentralCoefficient = String(
  Math.floor((Math.log(binomialPmf(512, 1024, 0.5)) + 1024 * Math.log(2)) / Math.LN10) + 1,
);

/**
 * The smallest n at which C(n, ⌊n/2⌋), multiplied out in doubles, is Infinity: 1030. The
 * coefficient only grows with n, so it overflows for every n from here on.
 */
export const centralCoefficientOverflowsFrom = firstWhere((n) => centralCoefficientInDoubles(n) === Infinity);

/** The largest n at which 0.5ⁿ, computed in doubles, is not 0: 1074 (2⁻¹⁰⁷⁴ is the smallest subnormal). */
export const halfPowerLastNonzero = firstWhere((n) => 0.5 ** n === 0) - 1;

/** 2⁻¹⁰²⁴, the factor of P(X = 512) for n = 1024, p = 0.5: about 5.6 × 10⁻³⁰⁹, a subnormal double. */
export const twoToMinus1024 = formatScientific(2 ** -1024);

/** C(n, ⌊n/2⌋) as the product of the factors (n − k + i)/i, each above 1, so no partial product exceeds the result. */
function centralCoefficientInDoubles(n: number): number {
  const k = Math.floor(n / 2);
  let coefficient = 1;
  for (let i = 1; i <= k; i++) coefficient *= (n - k + i) / i;
  return coefficient;
}

/** The smallest whole n ≥ 1 for which `holds` is true, searched up to 10⁴. */
function firstWhere(holds: (n: number) => boolean): number {
  for (let n = 1; n <= 10_000; n++) if (holds(n)) return n;
  throw new RangeError('no n up to 10⁴ satisfies the condition');
}

/** P(kept ≤ 3) for a layer of 8 units at p = 0.5 (kept ~ Binomial(8, q)), to the whole percent: 36 %. */
export const keptAtMost3Of8 = formatPercent(binomialCdf(3, 8, 1 - 0.5), 0);

/** How far off the mean is when inverted dropout divides by p instead of q, at p = 0.2. */
export const scaleByPRatioAt02 = formatNumber(trainTestRatio('scale-by-p', 0.2), 0);

/** The ratio of training mean to test output when scaling is applied twice, at p = 0.5. */
export const doubleScalingRatioAt05 = formatNumber(trainTestRatio('double-scaling', 0.5), 0);

/** A probability to one decimal of a percent, saying "over 99.9 %" rather than rounding to 100. */
function roughPercent(probability: number): string {
  return probability > 0.999 && probability < 1 ? 'over 99.9 %' : formatPercent(probability, 1);
}

/** Thinned networks of the toggling simulation's network (2^hidden units). */
export const thinnedCountOfToggleNetwork = thinnedNetworkCount(THINNED_HIDDEN).toLocaleString('en');
export const hiddenUnitsOfToggleNetwork = String(THINNED_HIDDEN);

/** Thinned networks of a network with two hidden layers of 64 units: 2^128, in scientific notation. */
export const thinnedCountOf128Units = formatScientific(thinnedNetworkCount(128));

/** Thinned networks of one layer of 100 units, 2^100, lesson 1's first example. */
export const thinnedCountOf100Units = formatScientific(thinnedNetworkCount(100));

/** The cap c of the lab's max-norm preset, which the lesson on backpropagation compares with the paper's. */
export const maxNormOfLabPreset = formatNumber(LAB_PRESETS['max-norm'].preset.training.update.maxNorm, 0);

/**
 * Lesson 1's running example is the lab's default preset, so the numbers it quotes are the
 * lab's: its points, its label noise, its network and that network's count of parameters.
 */
const { dataset: exampleData, training: exampleTraining } = OVERFITTING_PRESET;
const exampleSizes = exampleTraining.shape.sizes;
const exampleParameters = exampleSizes.slice(1).reduce((sum, n, l) => sum + n * ((exampleSizes[l] ?? 0) + 1), 0);
export const runningExample = {
  points: String(exampleData.trainSize),
  noise: formatPercent(exampleData.noise, 0),
  flipped: formatNumber(exampleData.trainSize * exampleData.noise, 0),
  hidden: String(exampleSizes[1]),
  parameters: exampleParameters.toLocaleString('en'),
  perPoint: formatNumber(Math.floor(exampleParameters / exampleData.trainSize), 0),
  /** hidden units in all, and the thinned networks they make */
  hiddenTotal: String(exampleSizes.slice(1, -1).reduce((sum, n) => sum + n, 0)),
  thinned: formatScientific(thinnedNetworkCount(exampleSizes.slice(1, -1).reduce((sum, n) => sum + n, 0))),
};

/**
 * The effective-rate simulation's comparison against no dropout on its default seed, for the weights
 * out of the dropout layer and into it, at p = 0.5 and p = 0.8: mean step and spread, each ÷ the
 * step without dropout.
 */
export const meanStepFigures = Object.fromEntries(
  (['half', 'high'] as const).map((name) => {
    const p = name === 'half' ? 0.5 : 0.8;
    const { masks, rate, seed } = MEAN_STEP_RUN;
    const steps = stepsOverMasks(seed, p, masks, rate);
    const of = (kind: StepMoments) => {
      const facts = meanStepFacts(kind, MEAN_STEP_RUN.masks);
      return { mean: formatNumber(facts.meanRatio, 2), spread: formatNumber(facts.spreadRatio, 2) };
    };
    return [name, { p: formatNumber(p), out: of(steps.outgoing), in: of(steps.incoming) }];
  }),
) as Record<
  'half' | 'high',
  { p: string; out: { mean: string; spread: string }; in: { mean: string; spread: string } }
>;

/** The shape of the network the effective-rate simulation compares against no dropout. */
export const meanStepShape = { inputs: String(MEAN_STEP_SHAPE.inputs), units: String(MEAN_STEP_SHAPE.units) };

/** 1/q², inverted dropout's step over classic dropout's for outgoing weights, and p/q, the multiplier's variance. */
export const stepRatioAt = (p: number) => formatNumber(1 / (1 - p) ** 2, 0);
export const multiplierVarianceAt = (p: number) => formatNumber(p / (1 - p), 0);

/** How many masks the effective-rate simulation samples against no dropout. */
export const meanStepMasks = MEAN_STEP_RUN.masks.toLocaleString('en');

/** How many times each input of the dropout-and-L2 explorable's data set is the scale of the next. */
export const l2Scales = formatNumber(L2_DATA.scales[0] / L2_DATA.scales[1], 0);

/**
 * The small network lesson 1 removes units from one at a time (src/sim/feature-maps/setup.ts):
 * its layer sizes ("2–6–6–1"), training points, epochs and the drop probability of its hidden layers.
 */
export const featureMapNetwork = {
  sizes: FEATURE_MAP_SETUP.training.shape.sizes.join('–'),
  points: String(FEATURE_MAP_SETUP.dataset.trainSize),
  epochs: String(FEATURE_MAP_SETUP.epochs),
  p: formatNumber(FEATURE_MAP_SETUP.training.dropout.p[1] ?? 0),
};
