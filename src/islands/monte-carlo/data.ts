import type { DataTable } from '../../lib/export/run-data.ts';
import { regressionTruth } from '../../sim/datasets.ts';
import { mcBand, type McPicture } from '../../sim/monte-carlo-curve.ts';
import { readoutTable } from '../run-tables.ts';
import { uncertaintyInsideOutside } from './summary.ts';

/**
 * The numbers of a Monte Carlo dropout run, for the Export dialog: the chart's curves and band at
 * each x, the training points, and the readouts; none until the curve of these settings arrives.
 */
export function monteCarloTables(result: McPicture | undefined): DataTable[] {
  if (!result) return [];
  const { lows, highs } = mcBand(result);
  const spread = uncertaintyInsideOutside(result.xs, result.sd);
  return [
    {
      title: 'Predictions',
      columns: [
        'x',
        'true function',
        'test network',
        'Monte Carlo mean',
        'Monte Carlo standard deviation',
        'band low (mean − 2 SD)',
        'band high (mean + 2 SD)',
      ],
      rows: Array.from(result.xs, (x, i) => [
        x,
        regressionTruth(x),
        result.deterministic[i] ?? '',
        result.mean[i] ?? '',
        result.sd[i] ?? '',
        lows[i] ?? '',
        highs[i] ?? '',
      ]),
    },
    {
      title: 'Training points',
      columns: ['x', 'y'],
      rows: Array.from(result.trainX, (x, i) => [x, result.trainY[i] ?? '']),
    },
    readoutTable('Predictive spread', [
      ['mean SD inside the data (|x| ≤ 1)', spread.inside],
      ['mean SD outside the data', spread.outside],
    ]),
  ];
}
