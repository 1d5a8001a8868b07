import { describe, expect, it } from 'vitest';
import { digitsTables, finishedRun, isRunOf } from '../../src/islands/digits/data.ts';
import { EXPERIMENTS } from '../../src/islands/digits/definition.ts';
import { runPoints } from '../../src/islands/digits/figures.ts';
import type { LiveRun } from '../../src/islands/digits/live-runs.svelte.ts';
import { DIGITS_REFERENCE } from '../../src/lib/digits-reference.ts';
import {
  AVERAGING_POINTS,
  CURVE_SEEDS,
  EPOCHS_POINTS,
  FEATURES_POINTS,
  REFERENCE_SIZES,
  SIZE_POINTS,
} from '../../src/sim/digits/experiments/plan.ts';
import { ACTIVATION_BINS, type PointResult } from '../../src/sim/digits/experiments/points.ts';
import { column, expectWellFormed, tableOf } from './data-tables.ts';

const STATE = { experiment: 'epochs', hidden: 256, size: 1000, seed: 4 } as const;

/** A learner's run of `points`, every network finished with `result(point index)`. */
function finished(points: ReturnType<typeof runPoints>, result: (i: number) => PointResult): LiveRun[] {
  return points.map((point, i) => ({ point, done: 1, total: 1, result: result(i), finished: true }));
}

describe('the tables of the digits lab', () => {
  it.each(EXPERIMENTS)('of the %s experiment are well formed, with unique titles', (experiment) => {
    expectWellFormed(digitsTables(experiment, DIGITS_REFERENCE, undefined));
  });

  it('hold every reference seed’s test error by epoch, as the reference file has it', () => {
    const table = tableOf(digitsTables('epochs', DIGITS_REFERENCE, undefined), 'Test error by epoch, reference seeds');
    const seed = EPOCHS_POINTS.find((point) => point.arm === 'plain' && point.seed === CURVE_SEEDS[1]);
    const curve = DIGITS_REFERENCE.of(seed!).testError;
    // epoch, then the dropout arm's mean and seeds, then the plain arm's mean and seeds
    expect(column(table, 2 + CURVE_SEEDS.length + 2).slice(0, curve.length)).toEqual([...curve]);
  });

  it('hold the size, averaging and features reference results', () => {
    const size = tableOf(
      digitsTables('size', DIGITS_REFERENCE, undefined),
      'Test error by training-set size, reference seeds',
    );
    const first = SIZE_POINTS.find((point) => point.arm === 'dropout' && point.size === REFERENCE_SIZES[0]);
    expect(size.rows[0]?.slice(0, 1)).toEqual([REFERENCE_SIZES[0]]);
    expect(size.rows[0]?.[2]).toBe(DIGITS_REFERENCE.of(first!).testError);

    const averaging = digitsTables('averaging', DIGITS_REFERENCE, undefined);
    const scaled = AVERAGING_POINTS.map((point) => DIGITS_REFERENCE.of(point).scaledError);
    expect(
      tableOf(averaging, 'Test error of the network with its weights scaled, reference seeds').rows[0]?.slice(1),
    ).toEqual(scaled);

    const features = digitsTables('features', DIGITS_REFERENCE, undefined);
    const [dropout] = FEATURES_POINTS.map((point) => DIGITS_REFERENCE.of(point));
    const histogram = tableOf(features, 'Second-layer activations, reference seed');
    expect(histogram.rows).toHaveLength(ACTIVATION_BINS);
    const total = dropout!.histogram.reduce((sum, c) => sum + c, 0);
    expect(column(histogram, 2)).toEqual(Array.from(dropout!.histogram, (c) => c / total));
    expect(column(tableOf(features, 'First-layer features, reference seed'), 2)).toEqual([...dropout!.weights]);
  });

  it('add a finished run of the settings shown, and only then', () => {
    const points = runPoints(STATE);
    const run = finished(points, (i) => ({
      experiment: 'epochs',
      testError: Float64Array.of(0.1 + i, 0.05),
      trainingLoss: Float64Array.of(2, 1 + i),
    }));
    const tables = digitsTables('epochs', DIGITS_REFERENCE, finishedRun(run, points));
    expectWellFormed(tables);
    expect(tableOf(tables, 'Test error and training loss by epoch, your run').rows).toEqual([
      [1, 0.1, 2, 1.1, 2],
      [2, 0.05, 1, 0.05, 2],
    ]);
    expect(finishedRun(run, runPoints({ ...STATE, seed: 5 }))).toBeUndefined();
    const training = [{ ...run[0]!, finished: false }, run[1]!];
    expect(finishedRun(training, points)).toBeUndefined();
    expect(isRunOf(training, points)).toBe(true);
    expect(isRunOf(training, runPoints({ ...STATE, experiment: 'features' }))).toBe(false);
  });
});
