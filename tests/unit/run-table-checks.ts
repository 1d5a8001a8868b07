import { expect } from 'vitest';
import type { DataTable } from '../../src/lib/export/run-data.ts';

/** Checks what every run's tables must be: titles unique, and every row as long as the headings. */
export function expectWellFormed(tables: readonly DataTable[]): void {
  const titles = tables.map((table) => table.title);
  expect(new Set(titles).size).toBe(titles.length);
  for (const table of tables) {
    for (const row of table.rows) expect(row, table.title).toHaveLength(table.columns.length);
  }
}

/** The table titled `title`, or the test fails. */
export function tableTitled(tables: readonly DataTable[], title: string): DataTable {
  const table = tables.find((candidate) => candidate.title === title);
  expect(table, `a table titled “${title}”`).toBeDefined();
  return table as DataTable;
}

/** One column of a table, by its heading. */
export function column(table: DataTable, heading: string): unknown[] {
  const c = table.columns.indexOf(heading);
  expect(c, `a column “${heading}” in “${table.title}”`).toBeGreaterThanOrEqual(0);
  return table.rows.map((row) => row[c]);
}
