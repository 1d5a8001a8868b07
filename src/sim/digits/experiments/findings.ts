/**
 * What the reference results show, as numbers: the means, gains and crossings that the lesson
 * quotes and its claims test. Pure functions of the reference results.
 */
import type { AveragingResult, EpochsResult, FeaturesResult, SizeResult } from './points.ts';
import {
  AVERAGING_POINTS,
  CURVE_SEEDS,
  EPOCHS_POINTS,
  FEATURES_POINTS,
  REFERENCE_SIZES,
  SIZE_POINTS,
  SIZE_SEEDS,
} from './plan.ts';
import type { ReferenceResults } from './reference.ts';

/** Test error of each arm at one size and seed. */
export function sizeErrors(
  reference: ReferenceResults,
  size: number,
  seed: number,
): Record<'dropout' | 'plain', number> {
  const of = (arm: 'dropout' | 'plain') => {
    const point = SIZE_POINTS.find((p) => p.size === size && p.seed === seed && p.arm === arm);
    if (!point) throw new Error(`no reference size point for ${size} digits, seed ${seed}`);
    return (reference.of(point) as SizeResult).testError;
  };
  return { dropout: of('dropout'), plain: of('plain') };
}

/** Dropout's gain at one size and seed: the test error without it minus the test error with it. */
export function sizeGain(reference: ReferenceResults, size: number, seed: number): number {
  const { dropout, plain } = sizeErrors(reference, size, seed);
  return plain - dropout;
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Per reference size: each arm's mean test error over the seeds, the mean gain, and on how many seeds dropout was lower. */
export function sizeSummary(reference: ReferenceResults) {
  return REFERENCE_SIZES.map((size) => {
    const errors = SIZE_SEEDS.map((seed) => sizeErrors(reference, size, seed));
    return {
      size,
      dropout: mean(errors.map((e) => e.dropout)),
      plain: mean(errors.map((e) => e.plain)),
      gain: mean(errors.map((e) => e.plain - e.dropout)),
      dropoutLower: errors.filter((e) => e.dropout < e.plain).length,
      seeds: SIZE_SEEDS.length,
    };
  });
}

/** The epochs experiment's curves of one seed. */
export function epochCurves(reference: ReferenceResults, seed: number): Record<'dropout' | 'plain', EpochsResult> {
  const of = (arm: 'dropout' | 'plain') => {
    const point = EPOCHS_POINTS.find((p) => p.seed === seed && p.arm === arm);
    if (!point) throw new Error(`no reference epochs point for seed ${seed}`);
    return reference.of(point) as EpochsResult;
  };
  return { dropout: of('dropout'), plain: of('plain') };
}

/** The averaging experiment's result of one seed. */
export function averaging(reference: ReferenceResults, seed: number): AveragingResult {
  const point = AVERAGING_POINTS.find((p) => p.seed === seed);
  if (!point) throw new Error(`no reference averaging point for seed ${seed}`);
  return reference.of(point) as AveragingResult;
}

/** The fewest thinned networks whose average errs no more than the full network, or NaN if none of those averaged. */
export function matchingSamples({ averagedError, scaledError }: AveragingResult): number {
  const at = averagedError.findIndex((error) => error <= scaledError);
  return at < 0 ? Number.NaN : at + 1;
}

/** The features experiment's result of each arm. */
export function features(reference: ReferenceResults): Record<'dropout' | 'plain', FeaturesResult> {
  const of = (arm: 'dropout' | 'plain') => {
    const point = FEATURES_POINTS.find((p) => p.arm === arm);
    if (!point) throw new Error(`no reference features point for ${arm}`);
    return reference.of(point) as FeaturesResult;
  };
  return { dropout: of('dropout'), plain: of('plain') };
}

/** Each arm's final test error, mean over the curve seeds. */
export function finalErrors(reference: ReferenceResults): Record<'dropout' | 'plain', number> {
  const curves = CURVE_SEEDS.map((seed) => epochCurves(reference, seed));
  return {
    dropout: mean(curves.map((c) => c.dropout.testError.at(-1) ?? Number.NaN)),
    plain: mean(curves.map((c) => c.plain.testError.at(-1) ?? Number.NaN)),
  };
}
