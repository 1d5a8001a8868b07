import type { Cell, DataTable } from '../lib/export/run-data.ts';

/**
 * A table of one row: the readouts a simulation shows beside its chart, each a column named with
 * its unit. Shared by the islands' `data.ts` files, which build their run's tables for the Export dialog.
 */
export function readoutTable(title: string, readouts: readonly (readonly [string, Cell])[]): DataTable {
  return { title, columns: readouts.map(([column]) => column), rows: [readouts.map(([, value]) => value)] };
}
