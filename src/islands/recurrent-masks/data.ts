import type { DataTable } from '../../lib/export/run-data.ts';
import type { TimeMaskSample } from '../../sim/recurrent-masks.ts';
import type { TimeMaskPicture, TimeMaskSettings } from './summary.ts';

/** Both kinds of masks, as the grids and readouts name them. */
const kinds = (picture: TimeMaskPicture): [string, TimeMaskSample][] => [
  ['a fresh mask per step', picture.naive],
  ['one mask per sequence', picture.variational],
];

/**
 * The numbers of a recurrent-masks run, for the Export dialog: each grid's masks, one row per time
 * step and one column per unit (1 kept, 0 dropped), and the readouts under them. A fraction of no
 * steps (no unit dropped at the first step) is NaN, as the readout's dash says.
 */
export function timeMaskTables({ steps, units }: TimeMaskSettings, picture: TimeMaskPicture): DataTable[] {
  const unitColumns = Array.from({ length: units }, (_, u) => `unit ${u + 1} kept (1) or dropped (0)`);
  return [
    ...kinds(picture).map(([name, sample]) => ({
      title: `Masks over time, ${name}`,
      columns: ['time step', ...unitColumns],
      rows: Array.from({ length: steps }, (_, t) => [t + 1, ...sample.masks.subarray(t * units, (t + 1) * units)]),
    })),
    {
      title: 'Units dropped again and kept throughout',
      columns: [
        'masks',
        'fraction of later steps a unit dropped at the first step is dropped again',
        'fraction of units kept at every step',
      ],
      rows: kinds(picture).map(([name, sample]) => [name, sample.redrop, sample.kept]),
    },
  ];
}
