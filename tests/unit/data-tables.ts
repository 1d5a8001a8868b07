import { expect } from 'vitest';
import type { Cell, DataTable } from '../../src/lib/export/run-data.ts';

/** Checks what every run's tables must be: titles unique, each row as long as its headings. */
export function expectWellFormed(tables: readonly DataTable[]): void {
  expect(tables.length).toBeGreaterThan(0);
  expect(new Set(tables.map((table) => table.title)).size).toBe(tables.length);
  for (const table of tables) {
    expect(table.rows.length, table.title).toBeGreaterThan(0);
    for (const row of table.rows) expect(row, table.title).toHaveLength(table.columns.length);
  }
}

/** The table titled `title`; the test fails if there is none. */
export function tableOf(tables: readonly DataTable[], title: string): DataTable {
  const table = tables.find((candidate) => candidate.title === title);
  expect(table, title).toBeDefined();
  return table as DataTable;
}

/** Column `c` of a table, row by row. */
export function column(table: DataTable, c: number): Cell[] {
  return table.rows.map((row) => row[c] as Cell);
}
