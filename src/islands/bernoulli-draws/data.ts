import type { DataTable } from '../../lib/export/run-data.ts';
import { expectedUnitOutput, runningMeanBand, unitOutputSd } from '../../sim/unit-draws.ts';
import type { UnitDrawsResult } from '../../worker/sampler-protocol.ts';
import { readoutTable } from '../run-tables.ts';
import type { DrawsState } from './definition.ts';
import { expectedName, keptCount } from './summary.ts';

/**
 * The numbers of a Bernoulli-draws run, for the Export dialog: each of the `shown` draws the chart
 * reveals (kept or dropped, the output, the running mean and its band), and the readouts. Until the
 * draws are sampled, only what the settings alone give (the expected output and one draw's SD).
 */
export function drawsTables(
  state: DrawsState,
  draws: Pick<UnitDrawsResult, 'mask' | 'outputs' | 'means'> | undefined,
  shown: number,
): DataTable[] {
  const expected = expectedUnitOutput(state);
  const sd = unitOutputSd(state);
  const count = draws ? Math.min(shown, draws.means.length) : 0;
  const kept = draws ? keptCount(draws.mask, count) : 0;
  const band = runningMeanBand(expected, sd, count);
  const rows = Array.from({ length: count }, (_, i) => [
    i + 1,
    draws?.mask[i] ?? '',
    draws?.outputs[i] ?? '',
    draws?.means[i] ?? '',
    band.lows[i] ?? '',
    band.highs[i] ?? '',
  ]);
  return [
    {
      title: 'Draws shown',
      columns: [
        'draw',
        'kept (1) or dropped (0)',
        'unit output',
        'running mean',
        'band low (expected − 2 SD/√draws)',
        'band high (expected + 2 SD/√draws)',
      ],
      rows,
    },
    readoutTable('Readouts', [
      ['draws shown', count],
      ['kept', kept],
      ['dropped', count - kept],
      ['running mean', count > 0 ? (draws?.means[count - 1] ?? '') : ''],
      [`expected ${expectedName(state.scaling)}`, expected],
      ['standard deviation of one draw', sd],
    ]),
  ];
}
