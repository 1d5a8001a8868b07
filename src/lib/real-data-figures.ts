/**
 * Numbers quoted by the lesson on real digits, computed at build time from the reference results
 * and the code that made them, so the prose cannot disagree with the figures.
 */
import { PAPER_DROPOUT } from '../sim/classifier/shape.ts';
import { MATCHED_BY_SAMPLES } from '../sim/digits/experiments/claims.ts';
import { averaging, finalErrors, features, matchingSamples, sizeSummary } from '../sim/digits/experiments/findings.ts';
import {
  CURVE_SEEDS,
  REFERENCE_EPOCHS,
  REFERENCE_HIDDEN,
  REFERENCE_SAMPLES,
  REFERENCE_SIZES,
  REFERENCE_UPDATES,
  SIZE_SEEDS,
} from '../sim/digits/experiments/plan.ts';
import { PAPER_TABLE_9 } from '../sim/digits/experiments/paper.ts';
import { RECIPE } from '../sim/digits/experiments/recipe.ts';
import { digitCounts } from './digit-figures.ts';
import { DIGITS_ASSET } from 'virtual:mnist-digits';
import { checkShippedDigits, DIGITS_REFERENCE as reference } from './digits-reference.ts';
import { formatNumber, formatPercent } from './format.ts';

checkShippedDigits(DIGITS_ASSET.sha256);

const count = (n: number) => n.toLocaleString('en');
const sizes = sizeSummary(reference);
const at = (size: number) => {
  const found = sizes.find((s) => s.size === size);
  if (!found) throw new Error(`no reference size ${size}`);
  return {
    size: count(size),
    dropout: formatPercent(found.dropout, 1),
    plain: formatPercent(found.plain, 1),
    gain: formatNumber(found.gain * 100, 1),
  };
};
const finals = finalErrors(reference);
const matched = CURVE_SEEDS.map((seed) => matchingSamples(averaging(reference, seed)));
const single = CURVE_SEEDS.map((seed) => averaging(reference, seed));
const meanOf = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const activations = features(reference);

export const realData = {
  ...digitCounts,
  hidden: count(REFERENCE_HIDDEN),
  batch: count(RECIPE.batchSize),
  learningRate: String(RECIPE.learningRate),
  momentum: String(RECIPE.momentum),
  maxNorm: String(RECIPE.maxNorm),
  inputP: String(PAPER_DROPOUT.input),
  hiddenP: String(PAPER_DROPOUT.hidden),
  epochs: count(REFERENCE_EPOCHS),
  updates: count(REFERENCE_UPDATES),
  sizes: REFERENCE_SIZES.map(count).join(', '),
  smallest: count(REFERENCE_SIZES[0]),
  largest: count(Math.max(...REFERENCE_SIZES)),
  sizeSeeds: count(SIZE_SEEDS.length),
  curveSeeds: count(CURVE_SEEDS.length),
  samples: count(REFERENCE_SAMPLES),
  finalWith: formatPercent(finals.dropout, 2),
  finalWithout: formatPercent(finals.plain, 2),
  at100: at(100),
  at1000: at(1000),
  at5000: at(5000),
  matchedBy: count(MATCHED_BY_SAMPLES),
  matchedAt: matched.map(count).join(', '),
  oneThinned: formatPercent(meanOf(single.map((r) => r.averagedError[0] ?? Number.NaN)), 1),
  full: formatPercent(meanOf(single.map((r) => r.scaledError)), 1),
  meanWith: formatNumber(activations.dropout.meanActivation, 2),
  meanWithout: formatNumber(activations.plain.meanActivation, 2),
  zerosWith: formatPercent(activations.dropout.zeroFraction, 0),
  zerosWithout: formatPercent(activations.plain.zeroFraction, 0),
  paperMaxNorm: formatPercent(PAPER_TABLE_9.maxNorm, 2),
  paperDropout: formatPercent(PAPER_TABLE_9.dropoutMaxNorm, 2),
};
