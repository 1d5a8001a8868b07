import type { DataTable } from '../../lib/export/run-data.ts';
import { INPUT_NAMES, type L2Picture } from './summary.ts';

/**
 * The numbers of a dropout-and-L2 run, for the Export dialog: each input's L2 strengths and
 * fitted weights (the bar charts and the table), the Monte Carlo estimate as the convergence chart
 * draws it, and the readouts beside it.
 */
export function l2Tables(picture: L2Picture, lambda: number): DataTable[] {
  const { energies, dropout, ridge, weights, curve } = picture;
  return [
    {
      title: 'L2 strength and fitted weight of each input',
      columns: [
        'input',
        'energy Eⱼ = Σᵢ xᵢⱼ²',
        'L2 strength, dropout (p/q)·Eⱼ',
        'L2 strength, ridge λ',
        'weight, no penalty',
        'weight, dropout',
        'weight, ridge',
      ],
      rows: INPUT_NAMES.map((name, j) => [
        name,
        energies[j] ?? '',
        dropout[j] ?? '',
        ridge[j] ?? '',
        weights.none[j] ?? '',
        weights.dropout[j] ?? '',
        weights.ridge[j] ?? '',
      ]),
    },
    {
      title: 'Monte Carlo estimate of the expected dropout loss',
      columns: ['masks sampled', 'mean squared error, mean over the masks', 'standard error of the mean'],
      rows: Array.from(curve.counts, (count, i) => [count, curve.means[i] ?? '', curve.errors[i] ?? '']),
    },
    {
      title: 'Expected dropout loss and ridge penalty',
      columns: ['quantity', 'value'],
      rows: [
        ['expected dropout loss of the dropout weights, by the formula', picture.exact],
        ['Monte Carlo estimate over all the masks', picture.estimate.mean],
        ['standard error of the estimate', picture.estimate.error],
        ['ridge penalty λ on every weight', lambda],
      ],
    },
  ];
}
