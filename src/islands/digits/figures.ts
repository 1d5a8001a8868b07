/**
 * The digits lab's figures as plain data: the reference results gathered over their seeds (a
 * mean and every seed's own), and the points a learner's run trains for a state. Pure, so the
 * island, the printed picture and the tests share it.
 */
import {
  AVERAGING_POINTS,
  EPOCHS_POINTS,
  FEATURES_POINTS,
  REFERENCE_EPOCHS,
  REFERENCE_SAMPLES,
  REFERENCE_SIZES,
  REFERENCE_UPDATES,
  SIZE_POINTS,
} from '../../sim/digits/experiments/plan.ts';
import type { Arm, DigitsPoint, FeaturesResult } from '../../sim/digits/experiments/points.ts';
import type { ReferenceResults } from '../../sim/digits/experiments/reference.ts';
import type { DigitsState } from './definition.ts';
import type { LiveRun } from './live-runs.svelte.ts';
import { percents } from './tones.ts';

/** The two arms, the dropout arm first (its tone is tone-1, the network without dropout tone-2). */
export const ARMS: readonly Arm[] = ['dropout', 'plain'];

/** What the epochs, size and averaging figures are given: they draw the reference with a learner's run over it. */
export interface FigureProps {
  /** a learner's run of the figure's experiment, if any (none in print) */
  live: readonly LiveRun[];
  /** what the chart shows, in words: its accessible name */
  label: string;
}

/** What the results are looked up in: the reference file, or a stand-in in tests. */
export type Reference = Pick<ReferenceResults, 'of'>;

/** The mean of `values`; NaN for none. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The element-wise mean of curves over seeds, as long as the shortest of them. */
export function meanCurve(curves: readonly ArrayLike<number>[]): Float64Array {
  const length = Math.min(...curves.map((curve) => curve.length));
  if (!Number.isFinite(length)) return new Float64Array(0);
  return Float64Array.from({ length }, (_, i) => mean(curves.map((curve) => curve[i] ?? Number.NaN)));
}

/** One arm's curves over epochs or over k: every seed's, and their mean. */
export interface SeedCurves {
  seeds: Float64Array[];
  mean: Float64Array;
}

/**
 * Errors (fractions) after each epoch, or of the average of each k thinned networks, as a line of
 * the error chart: x from 1, y in percent, in `tone`.
 */
export function errorLine(errors: ArrayLike<number>, tone: string) {
  return { xs: Float64Array.from({ length: errors.length }, (_, i) => i + 1), ys: percents(errors), tone };
}

/** Curves over seeds (an arm's, or the averaging's) as the error chart draws them, in `tone`: each seed's thin line, then their mean. */
export function seedLines({ seeds, mean }: SeedCurves, tone: string) {
  return [...seeds.map((seed) => ({ ...errorLine(seed, tone), thin: true })), errorLine(mean, tone)];
}

/** Test error after each epoch, by arm, over the curve seeds. */
export function epochsFigure(reference: Reference): Record<Arm, SeedCurves> {
  const of = (arm: Arm): SeedCurves => {
    const seeds = EPOCHS_POINTS.filter((point) => point.arm === arm).map((point) => reference.of(point).testError);
    return { seeds, mean: meanCurve(seeds) };
  };
  return { dropout: of('dropout'), plain: of('plain') };
}

/** One arm's test error at each size: every seed's, and the mean over seeds. */
export interface SizeArm {
  /** [size index][seed index] */
  bySize: number[][];
  means: number[];
}

/** Test error after the sweep's updates at each training-set size, by arm, over the size seeds. */
export function sizeFigure(reference: Reference): Record<Arm, SizeArm> {
  const of = (arm: Arm): SizeArm => {
    const bySize = REFERENCE_SIZES.map((size) =>
      SIZE_POINTS.filter((point) => point.arm === arm && point.size === size).map(
        (point) => reference.of(point).testError,
      ),
    );
    return { bySize, means: bySize.map(mean) };
  };
  return { dropout: of('dropout'), plain: of('plain') };
}

/** Model averaging: the error of the mean of k thinned networks per seed, and of the scaled network. */
export interface AveragingFigure extends SeedCurves {
  /** each seed's weight-scaled network's error */
  scaled: number[];
  scaledMean: number;
}

export function averagingFigure(reference: Reference): AveragingFigure {
  const results = AVERAGING_POINTS.map((point) => reference.of(point));
  const seeds = results.map((result) => result.averagedError);
  const scaled = results.map((result) => result.scaledError);
  return { seeds, mean: meanCurve(seeds), scaled, scaledMean: mean(scaled) };
}

/** Each arm's features and activations (one seed). */
export function featuresFigure(reference: Reference): Record<Arm, FeaturesResult> {
  const of = (arm: Arm) => {
    const point = FEATURES_POINTS.find((candidate) => candidate.arm === arm);
    if (!point) throw new Error(`the reference plan has no features point ${arm}`);
    return reference.of(point);
  };
  return { dropout: of('dropout'), plain: of('plain') };
}

/** A histogram's counts as shares of their total (all 0 for no counts), as the features figure draws them. */
export function activationShares(counts: Float64Array): Float64Array {
  const total = counts.reduce((sum, c) => sum + c, 0);
  return Float64Array.from(counts, (c) => (total > 0 ? c / total : 0));
}

/** The first k (1-based) at which the average of k thinned networks errs no more than `scaled`, if any. */
export function firstMatchingK(averaged: ArrayLike<number>, scaled: number): number | undefined {
  for (let i = 0; i < averaged.length; i++) if ((averaged[i] ?? Number.NaN) <= scaled) return i + 1;
  return undefined;
}

/**
 * The points a learner's run of `state` trains: both arms of its experiment at its width and
 * seed (one network for averaging), with the reference's epochs, updates and samples, so a run
 * with the reference's width and seed repeats a reference point.
 */
export function runPoints({ experiment, hidden, size, seed }: DigitsState): DigitsPoint[] {
  const width = hidden as DigitsPoint['hidden'];
  const base = { hidden: width, seed };
  switch (experiment) {
    case 'epochs':
      return ARMS.map((arm) => ({ ...base, experiment, arm, epochs: REFERENCE_EPOCHS }));
    case 'size':
      return ARMS.map((arm) => ({ ...base, experiment, arm, size, updates: REFERENCE_UPDATES }));
    case 'averaging':
      return [{ ...base, experiment, epochs: REFERENCE_EPOCHS, samples: REFERENCE_SAMPLES }];
    case 'features':
      return ARMS.map((arm) => ({ ...base, experiment, arm, epochs: REFERENCE_EPOCHS }));
  }
}
