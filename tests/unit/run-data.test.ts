import { describe, expect, it } from 'vitest';
import { dropCounts } from '../../src/islands/drop-counts/definition.ts';
import { countTables } from '../../src/islands/drop-counts/data.ts';
import { compareTables, readRunFile, runFileText, toCsv, type DataTable } from '../../src/lib/export/run-data.ts';
import { readSettings } from '../../src/lib/url-state.ts';
import { Pcg32 } from '../../src/sim/random.ts';

/** Doubles that JSON alone would not keep: NaN, the infinities, −0, and ones with 17 significant digits. */
const AWKWARD = [Number.NaN, Infinity, -Infinity, -0, 0.1 + 0.2, 1 / 3, Number.MIN_VALUE, -Number.MAX_VALUE];

const table = (rows: DataTable['rows'], title = 'values'): DataTable => ({ title, columns: ['a', 'b'], rows });

describe('a run file', () => {
  it('reads back every double bit for bit, the ones JSON has no words for included', () => {
    const rng = new Pcg32(11, 0);
    const spread = () => (rng.uniform53() - 0.5) * 10 ** Math.floor(rng.uniform() * 40 - 20);
    const rows = [...AWKWARD, ...Array.from({ length: 200 }, spread)].map((value, i) => [i, value]);
    const text = runFileText('drop-counts', { n: 10, p: 0.5 }, { tables: [table(rows)], settled: true, progress: 4 });
    const read = readRunFile(text);
    if (!read.ok) throw new Error(read.message);
    expect(read.run.progress).toBe(4);
    const back = read.run.tables[0]?.rows ?? [];
    rows.forEach(([, value], i) => expect(Object.is(back[i]?.[1], value)).toBe(true));
    expect(compareTables([table(rows)], read.run.tables)).toEqual({
      cells: rows.length * 2,
      differing: 0,
      differences: [],
    });
  });

  it('is refused, with a reason, when it is not JSON, not a run, of another version or of the wrong shape', () => {
    const reasons = [
      'not json',
      '[1, 2]',
      JSON.stringify({ format: 'dropout-lab-run', version: 2 }),
      JSON.stringify({ format: 'dropout-lab-run', version: 1, settings: {}, tables: [] }),
      JSON.stringify({ format: 'dropout-lab-run', version: 1, simulation: 'x', settings: { n: [1] }, tables: [] }),
      JSON.stringify({
        format: 'dropout-lab-run',
        version: 1,
        simulation: 'x',
        settings: {},
        progress: -1,
        tables: [],
      }),
      JSON.stringify({
        format: 'dropout-lab-run',
        version: 1,
        simulation: 'x',
        settings: {},
        tables: [{ title: 't' }],
      }),
    ].map((text) => {
      const read = readRunFile(text);
      return read.ok ? 'read' : read.message;
    });
    expect(reasons).toEqual([
      'The file is not JSON, so it is not a run file of Dropout Lab.',
      'The file is JSON but not a run file of Dropout Lab (it has no "format": "dropout-lab-run").',
      'The run file is of version 2; this site reads version 1.',
      'The run file does not say which simulation it is of.',
      'The run file’s settings are not a list of numbers and words.',
      'The run file’s progress is not a whole number of steps.',
      'The run file’s tables are not tables of numbers and words.',
    ]);
  });
});

describe('comparing a replay with its file', () => {
  const file = [
    table([
      [1, 0.5],
      [2, Number.NaN],
    ]),
    table([[0, -0]], 'signs'),
  ];

  it('counts NaN as equal to NaN and −0 as different from 0', () => {
    expect(
      compareTables(file, [
        table([
          [1, 0.5],
          [2, Number.NaN],
        ]),
        table([[0, 0]], 'signs'),
      ]),
    ).toEqual({
      cells: 6,
      differing: 1,
      differences: ['“signs”, row 1, b: the file has -0, the replay 0'],
    });
  });

  it('counts missing rows, cells and tables, and the replay’s extra tables, as differences', () => {
    const { differing, differences } = compareTables(file, [table([[1, 0.5]]), table([[0, -0]], 'extra')]);
    expect(differing).toBe(2 + 2 + 2);
    expect(differences).toEqual([
      '“values”, row 2, a: the file has 2, the replay nothing',
      '“values”, row 2, b: the file has NaN, the replay nothing',
      'the replay has no table “signs”',
      'the file has no table “extra”',
    ]);
  });
});

describe('CSV', () => {
  it('quotes fields with commas, quotes or line breaks, and writes every number at full precision', () => {
    const csv = toCsv({
      title: 't',
      columns: ['name, unit', 'value'],
      rows: [
        ['say "hi"', 0.1 + 0.2],
        ['two\nlines', -0],
      ],
    });
    expect(csv).toBe('"name, unit",value\r\n"say ""hi""",0.30000000000000004\r\n"two\nlines",-0\r\n');
  });

  it('of a drop-count run holds each sampled mask’s count and bars whose exact probabilities sum to about 1', () => {
    const state = dropCounts.start({ n: 100 });
    const counts = Int32Array.from({ length: 50 }, (_, i) => 40 + (i % 20));
    const [bars, masks] = countTables(state, counts);
    expect(masks?.rows).toEqual([...counts].map((count, i) => [i + 1, count]));
    const total = (bars?.rows ?? []).reduce((sum, row) => sum + Number(row[2]), 0);
    // ±6 standard deviations of Binomial(100, 0.5) hold all but about 2e-9 of the probability.
    expect(Math.abs(total - 1)).toBeLessThan(1e-8);
    const sampled = (bars?.rows ?? []).reduce((sum, row) => sum + Number(row[3]), 0);
    expect(sampled).toBeCloseTo(1, 12);
    expect(countTables(state, undefined).map(({ title }) => title)).toEqual([bars?.title]);
  });
});

describe('settings from a run file', () => {
  const { specs } = dropCounts;
  const current = dropCounts.start({});

  it('are taken as they are when the simulation can show them', () => {
    const settings = { ...current, n: 200, seed: 9, scale: 'log' };
    expect(readSettings(specs, settings, current)).toEqual({ values: settings, notices: [] });
  });

  it('that it cannot show are replaced, missing or unknown ones named, each with a notice that names the file', () => {
    const { n: _n, ...rest } = current;
    const { values, notices } = readSettings(specs, { ...rest, p: 2, scale: 'Log', colour: 'red' }, current);
    expect(values).toEqual({ ...current, p: 0.95, scale: 'log' });
    expect(notices).toEqual([
      `The run file does not give the layer size n; using ${current.n}.`,
      'The run file asked for drop probability p = 2, but it must be from 0 to 0.95 in steps of 0.01; using 0.95.',
      'The run file asked for y scale “Log”, which is not one of linear, log; using log.',
      "The run file's “colour” is not a setting of this simulation; it is ignored.",
    ]);
  });
});
