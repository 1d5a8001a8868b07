/** The digits lab's sentences and its runs' time estimates: pure, for the island, the printed picture and tests. */
import { formatPercent } from '../../lib/format.ts';
import { CURVE_SEEDS, REFERENCE_EPOCHS, REFERENCE_SIZES, SIZE_SEEDS } from '../../sim/digits/experiments/plan.ts';
import type { Arm, PointResult } from '../../sim/digits/experiments/points.ts';
import { TRAIN_DIGITS } from '../../sim/digits/split.ts';
import type { DigitsState } from './definition.ts';
import {
  averagingFigure,
  epochsFigure,
  featuresFigure,
  firstMatchingK,
  sizeFigure,
  type Reference,
} from './figures.ts';
import { PAPER_TABLE_9 } from './paper.ts';

const pct = (fraction: number) => formatPercent(fraction, 2);
const digitsCount = (n: number) => n.toLocaleString('en');

/**
 * Seconds left of work of which `fraction` (0 to 1) took `activeMs` milliseconds of running (paused
 * time left out), at the same pace; undefined until there is a pace to go by.
 */
export function remainingSeconds(activeMs: number, fraction: number): number | undefined {
  if (!(fraction > 0) || !(activeMs > 0)) return undefined;
  if (fraction >= 1) return 0;
  return (activeMs * (1 - fraction)) / fraction / 1000;
}

/** A time left as a reader takes it in: "about 40 s", "about 2 min 10 s", "less than 1 s". */
export function formatRemaining(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return 'estimating the time left…';
  if (seconds < 1) return 'less than 1 s left';
  const whole = Math.round(seconds);
  if (whole < 60) return `about ${whole} s left`;
  const minutes = Math.floor(whole / 60);
  return `about ${minutes} min ${whole % 60} s left`;
}

/** The reference figure of `experiment`, in words: what a chart's name and the live summary say. */
export function describeReference(experiment: DigitsState['experiment'], reference: Reference): string {
  switch (experiment) {
    case 'epochs': {
      const { dropout, plain } = epochsFigure(reference);
      return (
        `After ${REFERENCE_EPOCHS} epochs on ${digitsCount(TRAIN_DIGITS)} training digits, the test error is ` +
        `${pct(dropout.mean.at(-1) ?? Number.NaN)} with dropout and ${pct(plain.mean.at(-1) ?? Number.NaN)} without ` +
        `(mean of ${CURVE_SEEDS.length} seeds); the paper reports ${pct(PAPER_TABLE_9.dropoutMaxNorm)} and ` +
        `${pct(PAPER_TABLE_9.maxNorm)} with 60,000 training digits and a larger network.`
      );
    }
    case 'size': {
      const { dropout, plain } = sizeFigure(reference);
      const lower = REFERENCE_SIZES.filter((_, i) => (dropout.means[i] ?? 0) < (plain.means[i] ?? 0)).length;
      const at = (i: number) =>
        `at ${digitsCount(REFERENCE_SIZES[i] ?? 0)} digits ${pct(dropout.means[i] ?? Number.NaN)} with dropout and ` +
        `${pct(plain.means[i] ?? Number.NaN)} without`;
      return (
        `Mean test error over ${SIZE_SEEDS.length} seeds: ${at(0)}; ${at(REFERENCE_SIZES.length - 1)}. ` +
        `Dropout has the lower mean at ${lower} of ${REFERENCE_SIZES.length} training-set sizes.`
      );
    }
    case 'averaging': {
      const figure = averagingFigure(reference);
      const k = firstMatchingK(figure.mean, figure.scaledMean);
      const at = (n: number) => `${pct(figure.mean[n - 1] ?? Number.NaN)} for k = ${n}`;
      return (
        `The weight-scaled network errs on ${pct(figure.scaledMean)} of the test digits (mean of ${CURVE_SEEDS.length} ` +
        `seeds); the average of k thinned networks on ${at(1)}, ${at(10)} and ${at(figure.mean.length)}. ` +
        (k === undefined
          ? `Up to k = ${figure.mean.length} it stays above weight scaling.`
          : `From k = ${k} it is as good as weight scaling.`)
      );
    }
    case 'features': {
      const { dropout, plain } = featuresFigure(reference);
      return (
        `Mean activation of the second hidden layer on the test digits: ${dropout.meanActivation.toFixed(2)} with ` +
        `dropout and ${plain.meanActivation.toFixed(2)} without; ${pct(dropout.zeroFraction)} and ` +
        `${pct(plain.zeroFraction)} of its activations are exactly 0.`
      );
    }
  }
}

/** The name of an arm as the figures' legends say it. */
export function armName(arm: Arm): string {
  return arm === 'dropout' ? 'with dropout' : 'without dropout';
}

/** A finished run's result, in words: one sentence per network it trained. */
export function describeRun(results: readonly { arm: Arm | undefined; result: PointResult }[]): string {
  return results
    .map(({ arm, result }) => {
      const name = arm ? armName(arm) : 'with dropout';
      switch (result.experiment) {
        case 'epochs':
          return `${name}: ${pct(result.testError.at(-1) ?? Number.NaN)} test error after ${result.testError.length} epochs`;
        case 'size':
          return `${name}: ${pct(result.testError)} test error`;
        case 'averaging':
          return (
            `${name}: ${pct(result.scaledError)} weight-scaled, ${pct(result.averagedError.at(-1) ?? Number.NaN)} ` +
            `averaging ${result.averagedError.length} thinned networks`
          );
        case 'features':
          return `${name}: mean activation ${result.meanActivation.toFixed(2)}`;
      }
    })
    .join('; ');
}
