/**
 * A simulation's run as data a teacher can keep: each table of numbers it shows as CSV, and the
 * whole run (its settings and every table) as a JSON file that the same simulation re-imports and
 * replays. The simulations are deterministic given their settings and seed, so a replay must give
 * every number again bit for bit; `compareTables` checks that it did. Pure functions.
 */

/** One cell of a table: a number (any double, NaN and −0 included) or a word. */
export type Cell = number | string;

/** A table of a run: what one chart or readout shows, row by row. */
export interface DataTable {
  /** what it holds, for the file's name and the dialog: "Sampled drop counts" */
  readonly title: string;
  /** each column's heading, with its unit where it has one */
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** What a simulation island publishes of its run for the Export dialog. */
export interface RunData {
  readonly tables: readonly DataTable[];
  /** whether the tables are complete for the settings shown (false while an answer is awaited) */
  readonly settled: boolean;
  /** how far a run that advances step by step has gone (epochs trained); absent for the others */
  readonly progress?: number;
}

/** The format name a run file starts with, so another JSON file is told apart. */
export const RUN_FORMAT = 'dropout-lab-run';
export const RUN_VERSION = 1;

/** A run file: which simulation, its settings, how far it ran, and its tables. */
export interface RunFile {
  format: typeof RUN_FORMAT;
  version: typeof RUN_VERSION;
  /** the simulation's id, as in `/lab/<id>/` */
  simulation: string;
  /** every parameter, as the controls show it */
  settings: Record<string, number | string>;
  progress?: number;
  tables: DataTable[];
}

/**
 * A number as JSON keeps it exactly: JSON writes the shortest decimal that reads back as the same
 * double, but it has no NaN, ±Infinity or −0, which are written as the words JavaScript uses.
 */
function encodeCell(cell: Cell): Cell {
  if (typeof cell === 'string') return cell;
  if (Number.isNaN(cell)) return 'NaN';
  if (!Number.isFinite(cell)) return cell > 0 ? 'Infinity' : '-Infinity';
  return Object.is(cell, -0) ? '-0' : cell;
}

const SPECIAL: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

function decodeCell(cell: Cell): Cell {
  return typeof cell === 'string' && Object.hasOwn(SPECIAL, cell) ? (SPECIAL[cell] as number) : cell;
}

/** A field of a CSV row, quoted where it holds a comma, a quote or a line break (RFC 4180). */
function csvField(cell: Cell): string {
  const text = String(encodeCell(cell));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table as CSV: a heading row, then one line per row, each number at full precision. */
export function toCsv(table: DataTable): string {
  return [table.columns, ...table.rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The run file of a simulation's run, as text. */
export function runFileText(simulation: string, settings: Record<string, number | string>, run: RunData): string {
  const file: RunFile = {
    format: RUN_FORMAT,
    version: RUN_VERSION,
    simulation,
    settings,
    ...(run.progress === undefined ? {} : { progress: run.progress }),
    tables: run.tables.map((table) => ({ ...table, rows: table.rows.map((row) => row.map(encodeCell)) })),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

function isCell(value: unknown): value is Cell {
  return typeof value === 'number' || typeof value === 'string';
}

function isTable(value: unknown): value is DataTable {
  if (typeof value !== 'object' || value === null) return false;
  const { title, columns, rows } = value as Record<string, unknown>;
  return (
    typeof title === 'string' &&
    Array.isArray(columns) &&
    columns.every((column) => typeof column === 'string') &&
    Array.isArray(rows) &&
    rows.every((row) => Array.isArray(row) && row.every(isCell))
  );
}

/** A run file read back, or why it cannot be: a message for the reader, nothing thrown. */
export type ReadRun = { ok: true; run: RunFile } | { ok: false; message: string };

/** Reads a run file's text, checking its shape (not its settings: the simulation checks those). */
export function readRunFile(text: string): ReadRun {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The file is not JSON, so it is not a run file of Dropout Lab.' };
  }
  if (typeof data !== 'object' || data === null || (data as Record<string, unknown>)['format'] !== RUN_FORMAT) {
    return {
      ok: false,
      message: `The file is JSON but not a run file of Dropout Lab (it has no "format": "${RUN_FORMAT}").`,
    };
  }
  const { version, simulation, settings, progress, tables } = data as Record<string, unknown>;
  if (version !== RUN_VERSION) {
    return {
      ok: false,
      message: `The run file is of version ${JSON.stringify(version)}; this site reads version ${RUN_VERSION}.`,
    };
  }
  if (typeof simulation !== 'string')
    return { ok: false, message: 'The run file does not say which simulation it is of.' };
  if (typeof settings !== 'object' || settings === null || !Object.values(settings).every(isCell)) {
    return { ok: false, message: 'The run file’s settings are not a list of numbers and words.' };
  }
  if (progress !== undefined && (typeof progress !== 'number' || !Number.isInteger(progress) || progress < 0)) {
    return { ok: false, message: 'The run file’s progress is not a whole number of steps.' };
  }
  if (!Array.isArray(tables) || !tables.every(isTable)) {
    return { ok: false, message: 'The run file’s tables are not tables of numbers and words.' };
  }
  const run: RunFile = {
    format: RUN_FORMAT,
    version: RUN_VERSION,
    simulation,
    settings: settings as Record<string, number | string>,
    ...(progress === undefined ? {} : { progress }),
    tables: tables.map((table) => ({ ...table, rows: table.rows.map((row) => row.map(decodeCell)) })),
  };
  return { ok: true, run };
}

/** How a replay's tables compare with the file's. */
export interface Comparison {
  /** numbers and words compared */
  cells: number;
  /** the first differences, in reading order (at most 5), in plain words */
  differences: string[];
  /** how many cells differ, missing or extra cells included */
  differing: number;
}

/** Compares the file's tables with the replay's, cell by cell, bit for bit (`Object.is`: NaN equals NaN, 0 is not −0). */
export function compareTables(expected: readonly DataTable[], actual: readonly DataTable[]): Comparison {
  const differences: string[] = [];
  let cells = 0;
  let differing = 0;
  const differ = (text: string, count = 1) => {
    differing += count;
    if (differences.length < 5) differences.push(text);
  };
  const count = (table: DataTable) => table.rows.reduce((sum, row) => sum + row.length, 0);
  for (const table of expected) {
    const other = actual.find((candidate) => candidate.title === table.title);
    if (!other) {
      differ(`the replay has no table “${table.title}”`, count(table));
      continue;
    }
    const rows = Math.max(table.rows.length, other.rows.length);
    for (let r = 0; r < rows; r += 1) {
      const want = table.rows[r] ?? [];
      const got = other.rows[r] ?? [];
      for (let c = 0; c < Math.max(want.length, got.length); c += 1) {
        cells += 1;
        const a = want[c];
        const b = got[c];
        if (a !== undefined && b !== undefined && Object.is(a, b)) continue;
        const column = table.columns[c] ?? other.columns[c] ?? `column ${c + 1}`;
        differ(
          `“${table.title}”, row ${r + 1}, ${column}: the file has ${a === undefined ? 'nothing' : String(encodeCell(a))}, the replay ${b === undefined ? 'nothing' : String(encodeCell(b))}`,
        );
      }
    }
  }
  for (const table of actual) {
    if (!expected.some((candidate) => candidate.title === table.title))
      differ(`the file has no table “${table.title}”`, count(table));
  }
  return { cells, differences, differing };
}
