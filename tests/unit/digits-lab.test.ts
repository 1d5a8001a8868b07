import { describe, expect, it } from 'vitest';
import { digits, DIGITS_SPECS, EXPERIMENTS } from '../../src/islands/digits/definition.ts';
import {
  averagingFigure,
  epochsFigure,
  featuresFigure,
  firstMatchingK,
  mean,
  meanCurve,
  runPoints,
  sizeFigure,
} from '../../src/islands/digits/figures.ts';
import { describeReference, formatRemaining, remainingSeconds } from '../../src/islands/digits/summary.ts';
import json from '../../src/data/digits-reference.json';
import { CURVE_SEEDS, pointKey, REFERENCE_POINTS, SIZE_SEEDS } from '../../src/sim/digits/experiments/plan.ts';
import { checkPoint } from '../../src/sim/digits/experiments/points.ts';
import { loadReference } from '../../src/sim/digits/experiments/reference.ts';
import { TRAIN_DIGITS } from '../../src/sim/digits/split.ts';

// The file's own digest: digits-reference.test.ts checks it against the shipped digits.
const reference = loadReference(json, json.digits, TRAIN_DIGITS);

describe('means over seeds', () => {
  it('average values, and curves element by element over the shortest', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNaN();
    expect(
      Array.from(
        meanCurve([
          [1, 2, 3],
          [3, 4],
          [5, 6, 9],
        ]),
      ),
    ).toEqual([3, 4]);
    expect(meanCurve([]).length).toBe(0);
  });

  it('find the first k whose average errs no more than weight scaling', () => {
    expect(firstMatchingK([0.08, 0.05, 0.04, 0.05], 0.045)).toBe(3);
    expect(firstMatchingK([0.08, 0.05], 0.045)).toBeUndefined();
  });
});

describe('the time left', () => {
  it.each([
    [10_000, 0.5, 10],
    [10_000, 0.25, 30],
    [4_000, 1, 0],
  ])('after %i ms at %f done is %f s', (ms, fraction, seconds) => {
    expect(remainingSeconds(ms, fraction)).toBeCloseTo(seconds, 9);
  });

  it('is unknown before any work or time', () => {
    expect(remainingSeconds(0, 0.5)).toBeUndefined();
    expect(remainingSeconds(1000, 0)).toBeUndefined();
  });

  it.each([
    [undefined, 'estimating the time left…'],
    [0.4, 'less than 1 s left'],
    [41.6, 'about 42 s left'],
    [130, 'about 2 min 10 s left'],
  ])('%s s reads “%s”', (seconds, text) => {
    expect(formatRemaining(seconds)).toBe(text);
  });
});

describe('a learner’s run', () => {
  const corners = EXPERIMENTS.flatMap((experiment) =>
    DIGITS_SPECS.hidden.options.flatMap((hidden) =>
      DIGITS_SPECS.size.options.flatMap((size) =>
        [DIGITS_SPECS.seed.min, DIGITS_SPECS.seed.max].map((seed) => ({ experiment, hidden, size, seed })),
      ),
    ),
  );

  it('trains points the worker accepts, whatever the settings', () => {
    for (const state of corners)
      for (const point of runPoints(state)) expect(() => checkPoint(point, TRAIN_DIGITS)).not.toThrow();
  });

  it('repeats reference points at the starting settings: both arms, or one network for averaging', () => {
    const keys = new Set(REFERENCE_POINTS.map(pointKey));
    for (const experiment of EXPERIMENTS) {
      const points = runPoints(digits.start({ experiment }));
      expect(points).toHaveLength(experiment === 'averaging' ? 1 : 2);
      for (const point of points) expect(keys.has(pointKey(point)), pointKey(point)).toBe(true);
    }
  });
});

describe('the reference figures', () => {
  it('gather every seed and their mean', () => {
    const epochs = epochsFigure(reference);
    expect(epochs.dropout.seeds).toHaveLength(CURVE_SEEDS.length);
    const last = (curves: Float64Array[]) => mean(curves.map((curve) => curve.at(-1) ?? Number.NaN));
    expect(epochs.plain.mean.at(-1)).toBeCloseTo(last(epochs.plain.seeds), 12);
    const size = sizeFigure(reference);
    expect(size.dropout.bySize.every((seeds) => seeds.length === SIZE_SEEDS.length)).toBe(true);
    expect(size.plain.means[0]).toBeCloseTo(mean(size.plain.bySize[0] ?? []), 12);
    const averaging = averagingFigure(reference);
    expect(averaging.scaledMean).toBeCloseTo(mean(averaging.scaled), 12);
    expect(featuresFigure(reference).dropout.weights).toHaveLength(16 * 784);
  });

  it.each(EXPERIMENTS)('%s: say what they show with their numbers', (experiment) => {
    const text = describeReference(experiment, reference);
    expect(text).toMatch(/\d/);
    expect(text).not.toMatch(/NaN|undefined/);
  });
});
