import type { DataTable } from '../../lib/export/run-data.ts';
import { CURVE_SEEDS, REFERENCE_SIZES, SIZE_SEEDS } from '../../sim/digits/experiments/plan.ts';
import {
  ACTIVATION_BINS,
  ACTIVATION_MAX,
  FEATURE_UNITS,
  type Arm,
  type DigitsPoint,
  type FeaturesResult,
  type PointResult,
} from '../../sim/digits/experiments/points.ts';
import { DIGIT_PIXELS } from '../../sim/digits/digits.ts';
import { readoutTable } from '../run-tables.ts';
import type { DigitsState } from './definition.ts';
import {
  ARMS,
  activationShares,
  averagingFigure,
  epochsFigure,
  featuresFigure,
  sizeFigure,
  type Reference,
} from './figures.ts';
import type { LiveRun } from './live-runs.svelte.ts';
import { PAPER_TABLE_9 } from './paper.ts';
import { armName } from './summary.ts';

/** One finished network of a learner's run. */
export interface FinishedRun {
  point: DigitsPoint;
  result: PointResult;
}

/** Whether the learner's run trains exactly `points` (the settings shown, so a replay trains it again). */
export function isRunOf(runs: readonly LiveRun[], points: readonly DigitsPoint[]): boolean {
  return runs.length > 0 && JSON.stringify(runs.map((run) => run.point)) === JSON.stringify(points);
}

/** The learner's run of `points`, if every network of it finished; otherwise undefined. */
export function finishedRun(runs: readonly LiveRun[], points: readonly DigitsPoint[]): FinishedRun[] | undefined {
  if (!isRunOf(runs, points)) return undefined;
  const done = runs.flatMap((run) => (run.finished && run.result ? [{ point: run.point, result: run.result }] : []));
  return done.length === runs.length ? done : undefined;
}

const armOf = (point: DigitsPoint): Arm => ('arm' in point ? point.arm : 'dropout');
const count = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const cell = (values: ArrayLike<number>, i: number) => values[i] ?? '';

/** Curves against a count from 1 (epochs, k): one column per curve, as long as the longest. */
function curveRows(curves: readonly ArrayLike<number>[]): (number | string)[][] {
  const length = Math.max(...curves.map((curve) => curve.length));
  return count(length).map((n) => [n, ...curves.map((curve) => cell(curve, n - 1))]);
}

/** The reference's curves or points of `experiment`, every seed's and their mean, as the figure draws them. */
function referenceTables(experiment: DigitsState['experiment'], reference: Reference): DataTable[] {
  // A quantity over seeds, in the order the rows give it: the mean of the seeds, then each seed's.
  const seedColumns = (what: string, seeds: readonly number[]) => [
    `${what}, mean of the seeds`,
    ...seeds.map((seed) => `${what}, seed ${seed}`),
  ];
  switch (experiment) {
    case 'epochs': {
      const figure = epochsFigure(reference);
      return [
        {
          title: 'Test error by epoch, reference seeds',
          columns: ['epoch', ...ARMS.flatMap((arm) => seedColumns(`test error, ${armName(arm)}`, CURVE_SEEDS))],
          rows: curveRows(ARMS.flatMap((arm) => [figure[arm].mean, ...figure[arm].seeds])),
        },
        {
          title: 'Test error in the dropout paper',
          columns: ['network (paper, 60,000 training digits, Table 9)', 'test error'],
          rows: [
            ['max-norm alone', PAPER_TABLE_9.maxNorm],
            ['dropout and max-norm', PAPER_TABLE_9.dropoutMaxNorm],
          ],
        },
      ];
    }
    case 'size': {
      const figure = sizeFigure(reference);
      return [
        {
          title: 'Test error by training-set size, reference seeds',
          columns: [
            'training digits',
            ...ARMS.flatMap((arm) => seedColumns(`test error, ${armName(arm)}`, SIZE_SEEDS)),
          ],
          rows: REFERENCE_SIZES.map((size, s) => [
            size,
            ...ARMS.flatMap((arm) => [cell(figure[arm].means, s), ...(figure[arm].bySize[s] ?? [])]),
          ]),
        },
      ];
    }
    case 'averaging': {
      const figure = averagingFigure(reference);
      return [
        {
          title: 'Test error of the average of k thinned networks, reference seeds',
          columns: ['thinned networks averaged, k', ...seedColumns('test error', CURVE_SEEDS)],
          rows: curveRows([figure.mean, ...figure.seeds]),
        },
        {
          title: 'Test error of the network with its weights scaled, reference seeds',
          columns: seedColumns('test error', CURVE_SEEDS),
          rows: [[figure.scaledMean, ...figure.scaled]],
        },
      ];
    }
    case 'features':
      return featureTables(featuresFigure(reference), 'reference seed');
  }
}

/** Each arm's features and second-layer activations, as the features figure draws them. */
function featureTables(results: Partial<Record<Arm, FeaturesResult>>, whose: string): DataTable[] {
  const arms = ARMS.filter((arm) => results[arm]);
  const of = (arm: Arm) => results[arm] as FeaturesResult;
  const bin = ACTIVATION_MAX / ACTIVATION_BINS;
  return [
    {
      title: `Second-layer activations, ${whose}`,
      columns: [
        'activation from',
        'activation below (the last bin: every larger one)',
        ...arms.map((arm) => `share of activations, ${armName(arm)}`),
      ],
      rows: count(ACTIVATION_BINS).map((b) => [
        (b - 1) * bin,
        b === ACTIVATION_BINS ? Infinity : b * bin,
        ...arms.map((arm) => cell(activationShares(of(arm).histogram), b - 1)),
      ]),
    },
    {
      title: `Mean and zero share of second-layer activations, ${whose}`,
      columns: ['network', 'mean activation', 'share of activations exactly 0'],
      rows: arms.map((arm) => [armName(arm), of(arm).meanActivation, of(arm).zeroFraction]),
    },
    {
      title: `First-layer features, ${whose}`,
      columns: ['unit', 'pixel', ...arms.map((arm) => `incoming weight, ${armName(arm)}`)],
      rows: count(FEATURE_UNITS * DIGIT_PIXELS).map((n) => [
        Math.ceil(n / DIGIT_PIXELS),
        ((n - 1) % DIGIT_PIXELS) + 1,
        ...arms.map((arm) => cell(of(arm).weights, n - 1)),
      ]),
    },
  ];
}

/** The tables of a learner's finished run, as the figure draws it over the reference. */
function runTables(run: readonly FinishedRun[]): DataTable[] {
  const named = run.map(({ point, result }) => ({ name: armName(armOf(point)), result }));
  const epochs = named.flatMap(({ name, result }) => (result.experiment === 'epochs' ? [{ name, result }] : []));
  const sizes = named.flatMap(({ name, result }) => (result.experiment === 'size' ? [{ name, result }] : []));
  const averaging = named.flatMap(({ result }) => (result.experiment === 'averaging' ? [result] : []));
  const features = Object.fromEntries(
    run.flatMap(({ point, result }) => (result.experiment === 'features' ? [[armOf(point), result]] : [])),
  ) as Partial<Record<Arm, FeaturesResult>>;
  return [
    ...(epochs.length === 0
      ? []
      : [
          {
            title: 'Test error and training loss by epoch, your run',
            columns: [
              'epoch',
              ...epochs.flatMap(({ name }) => [`test error, ${name}`, `mean training loss (cross-entropy), ${name}`]),
            ],
            rows: curveRows(epochs.flatMap(({ result }) => [result.testError, result.trainingLoss])),
          },
        ]),
    ...(sizes.length === 0
      ? []
      : [
          {
            title: 'Test and training error, your run',
            columns: ['network', 'test error', 'training error'],
            rows: sizes.map(({ name, result }) => [name, result.testError, result.trainError]),
          },
        ]),
    ...averaging.flatMap((result) => [
      {
        title: 'Test error of the average of k thinned networks, your run',
        columns: ['thinned networks averaged, k', 'test error'],
        rows: curveRows([result.averagedError]),
      },
      readoutTable('Test error of the network with its weights scaled, your run', [['test error', result.scaledError]]),
    ]),
    ...(Object.keys(features).length === 0 ? [] : featureTables(features, 'your run')),
  ];
}

/**
 * The numbers of the digits lab, for the Export dialog: the reference results of the experiment
 * shown, as its figure draws them (every seed and their mean, error as a fraction), and the
 * learner's finished run of the settings shown, if there is one.
 */
export function digitsTables(
  experiment: DigitsState['experiment'],
  reference: Reference,
  run: readonly FinishedRun[] | undefined,
): DataTable[] {
  return [...referenceTables(experiment, reference), ...(run ? runTables(run) : [])];
}
