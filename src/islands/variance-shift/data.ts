import type { DataTable } from '../../lib/export/run-data.ts';
import type { ShiftSamples } from '../../sim/variance-shift/batch-norm.ts';
import { readoutTable } from '../run-tables.ts';
import type { ShiftPicture } from './summary.ts';

/** The two placements as the charts name them, with their Monte Carlo runs. */
const placements = (picture: ShiftPicture): [string, ShiftSamples][] => [
  ['dropout before BN', picture.before],
  ['dropout after BN', picture.after],
];

/**
 * The numbers of a variance-shift run, for the Export dialog: what BN learned and met in each
 * placement (the bar chart and the readouts), the formula's values, its curve against p, and the
 * variance of every training minibatch BN's running statistics averaged.
 */
export function shiftTables(picture: ShiftPicture): DataTable[] {
  const runs = placements(picture);
  const { curve, formula } = picture;
  return [
    {
      title: 'What BN learned in training and met at test',
      columns: [
        'placement',
        'variance learned in training (running variance)',
        'mean learned in training (running mean)',
        'variance of BN’s input at test',
        'mean of BN’s output at test',
        'variance of BN’s output at test',
      ],
      rows: runs.map(([name, run]) => [
        name,
        run.runningVariance,
        run.runningMean,
        run.testVariance,
        run.outputMean,
        run.outputVariance,
      ]),
    },
    readoutTable('Formula, dropout before BN', [
      ['variance of BN’s input in training, (c² + v)/q − c²', formula.training],
      ['variance of BN’s input at test, v', formula.test],
      ['variance of BN’s output at test, their ratio', formula.ratio],
    ]),
    {
      title: 'BN’s output variance at test against p, by the formula',
      columns: ['drop probability p', 'output variance, dropout before BN', 'output variance, dropout after BN'],
      rows: Array.from(curve.ps, (p, i) => [p, curve.ratios[i] ?? '', curve.ratiosAfter[i] ?? '']),
    },
    {
      title: 'Variance of BN’s input in each training minibatch',
      columns: ['minibatch', ...runs.map(([name]) => `unbiased variance, ${name}`)],
      rows: Array.from(picture.before.batchVariances, (variance, b) => [
        b + 1,
        variance,
        picture.after.batchVariances[b] ?? '',
      ]),
    },
  ];
}
