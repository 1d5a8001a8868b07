import type { DataTable } from '../../lib/export/run-data.ts';
import { gridInputs, type GridExtent } from '../../sim/decision-grid.ts';
import type { History } from './summary.ts';

/** A decision map as the trainer sends it: each run's probabilities of class 1, run after run. */
export interface MapGrid {
  values: Float64Array;
  extent: GridExtent;
  resolution: number;
}

/**
 * The numbers of a training run, for the Export dialog: both runs' losses and accuracies after
 * each epoch, and their decision maps (the probability of class 1 at the centre of each cell),
 * named as the page names the runs (`names`: "with dropout", "without dropout").
 */
export function trainingTables(
  history: History,
  names: readonly [string, string],
  grid: MapGrid | undefined,
): DataTable[] {
  const perRun = (name: string) => [
    `training loss, ${name}`,
    `validation loss, ${name}`,
    `training accuracy, ${name}`,
    `validation accuracy, ${name}`,
  ];
  const [first, second] = history.accuracy;
  const curves: DataTable = {
    title: 'Losses and accuracies by epoch',
    columns: ['epoch', ...perRun(names[0]), ...perRun(names[1])],
    rows: history.epochs.map((epoch, i) => [
      epoch,
      history.train[i] ?? '',
      history.validation[i] ?? '',
      first.trainAccuracy[i] ?? '',
      first.validationAccuracy[i] ?? '',
      history.trainPlain[i] ?? '',
      history.validationPlain[i] ?? '',
      second.trainAccuracy[i] ?? '',
      second.validationAccuracy[i] ?? '',
    ]),
  };
  if (!grid) return [curves];
  const cells = grid.resolution * grid.resolution;
  const points = gridInputs(grid.extent, grid.resolution);
  const map: DataTable = {
    title: 'Decision maps',
    columns: ['x', 'y', `probability of class 1, ${names[0]}`, `probability of class 1, ${names[1]}`],
    rows: Array.from({ length: cells }, (_, c) => [
      points[2 * c] ?? Number.NaN,
      points[2 * c + 1] ?? Number.NaN,
      grid.values[c] ?? Number.NaN,
      grid.values[cells + c] ?? Number.NaN,
    ]),
  };
  return [curves, map];
}
