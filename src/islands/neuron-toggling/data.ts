import type { DataTable } from '../../lib/export/run-data.ts';
import { THINNED_SIZES } from '../../sim/thinned.ts';
import { readoutTable } from '../run-tables.ts';
import type { ToggleState } from './definition.ts';
import { droppedUnits, keptUnits, type togglePasses } from './summary.ts';

/**
 * The numbers of a toggling run, for the Export dialog: every unit's pre-activation and activation
 * with every unit kept and with the mask (what the diagram and the table show), the weights the
 * diagram draws, and the readouts. `draws` is how many masks were sampled.
 */
export function toggleTables(state: ToggleState, passes: ReturnType<typeof togglePasses>, draws: number): DataTable[] {
  const dropped = droppedUnits(state);
  const units: DataTable = {
    title: 'Units of the network',
    columns: [
      'layer (0 inputs, 3 output)',
      'unit',
      'kept (1) or dropped (0)',
      'pre-activation z, every unit kept',
      'pre-activation z, this network',
      'activation a, every unit kept',
      'activation a, this network',
      'sent on, this network',
    ],
    rows: THINNED_SIZES.flatMap((n, l) =>
      Array.from({ length: n }, (_, i) => {
        const full = passes.full[l];
        const thinned = passes.thinned[l];
        return [
          l,
          i + 1,
          dropped[l]?.[i] ? 0 : 1,
          l === 0 ? '' : (full?.z[i] ?? ''),
          l === 0 ? '' : (thinned?.z[i] ?? ''),
          full?.a[i] ?? '',
          thinned?.a[i] ?? '',
          thinned?.sent[i] ?? '',
        ];
      }),
    ),
  };
  const weights: DataTable = {
    title: 'Weights',
    columns: ['from layer', 'from unit', 'to unit of the next layer', 'weight'],
    rows: passes.weights.flatMap((w, l) => {
      const out = THINNED_SIZES[l + 1] ?? 0;
      return Array.from(w, (weight, k) => [l, Math.floor(k / out) + 1, (k % out) + 1, weight]);
    }),
  };
  const readouts = readoutTable('Readouts', [
    ['output ŷ, every unit kept', passes.fullOutput],
    ['output ŷ, this network', passes.output],
    ['hidden units kept', keptUnits(state)],
    ['masks sampled', draws],
  ]);
  return [units, weights, readouts];
}
