/**
 * The data part of the Export dialog: each table of the simulation's run as CSV, the whole run as a
 * JSON run file, and the replay of a run file, which sets the simulation to the file's settings,
 * waits for its numbers and compares them with the file's, bit for bit.
 */
import { download, fileName } from './chart-image.ts';
import { exportRow, saveButton } from './dialog-rows.ts';
import { publishedRun, replayerOf, watchRuns, type LiveRun } from './live-runs.ts';
import { compareTables, readRunFile, runFileText, toCsv, type Comparison, type RunFile } from './run-data.ts';

/** Cells of all the tables of a run. */
function cellCount(run: LiveRun): number {
  return run.data.tables.reduce((sum, table) => sum + table.rows.reduce((n, row) => n + row.length, 0), 0);
}

/** Lists, in `list`, a CSV row for each table of the run the simulation shows now, and the run file's row. */
export function listRunData(list: HTMLElement, sim: string, prefix: string, status: HTMLElement): void {
  const run = publishedRun(prefix);
  if (!run) {
    list.replaceChildren(exportRow('The simulation has not started yet, so it has no data.'));
    return;
  }
  const rows = run.data.tables.map((table) =>
    exportRow(
      `${table.title} (${table.rows.length.toLocaleString('en')} rows)`,
      saveButton('CSV', `the table “${table.title}”`, status, () => {
        download(new Blob([toCsv(table)], { type: 'text/csv' }), fileName(sim, table.title, 'csv'));
        return Promise.resolve();
      }),
    ),
  );
  const seed = run.settings['seed'];
  const name = seed === undefined ? `${sim}-run.json` : `${sim}-run-seed-${seed}.json`;
  const whole = `The whole run: its settings and ${cellCount(run).toLocaleString('en')} numbers${run.data.settled ? '' : ' (still computing: the file holds what it shows now)'}`;
  rows.push(
    exportRow(
      whole,
      saveButton('JSON', 'the run file', status, () => {
        const text = runFileText(sim, run.settings, run.data);
        download(new Blob([text], { type: 'application/json' }), name);
        return Promise.resolve();
      }),
    ),
  );
  list.replaceChildren(...rows);
}

/** A paragraph for the replay's status. */
function line(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

/** What the replay found, in words. */
function verdict(run: RunFile, comparison: Comparison): string {
  const { cells, differing, differences } = comparison;
  const tables = run.tables.length === 1 ? 'its table' : `its ${run.tables.length} tables`;
  // Progress is whatever the simulation advances by (epochs, masks sampled, draws shown); 0 is its start.
  const how = `Replayed with the file’s settings${run.progress ? ', to the point the file was saved at' : ''}:`;
  if (differing === 0) {
    return `${how} all ${cells.toLocaleString('en')} numbers of ${tables} match the file bit for bit.`;
  }
  return `${how} ${differing.toLocaleString('en')} of ${cells.toLocaleString('en')} numbers differ from the file. ${differences.join('; ')}.`;
}

/** Whether the run shows exactly these settings. */
function showsSettings(run: LiveRun, settings: Record<string, number | string>): boolean {
  const keys = Object.keys(settings);
  return (
    keys.length === Object.keys(run.settings).length && keys.every((key) => Object.is(run.settings[key], settings[key]))
  );
}

/** Replays the run file the reader opens in the panel's file input, and says how it went. */
export function wireReplay(panel: HTMLElement, sim: string, prefix: string): void {
  const input = panel.querySelector<HTMLInputElement>('[data-export-file]');
  const status = panel.querySelector<HTMLElement>('[data-replay-status]');
  if (!input || !status) return;
  let stop = () => {};
  const say = (...texts: string[]) => status.replaceChildren(...texts.map(line));
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    stop();
    if (!file) return;
    say(`Reading ${file.name}…`);
    file.text().then(
      (text) => {
        const read = readRunFile(text);
        if (!read.ok) return say(`${file.name}: ${read.message} Nothing was changed.`);
        const { run } = read;
        if (run.simulation !== sim) {
          return say(
            `${file.name} is a run of the simulation “${run.simulation}”, not of this one (“${sim}”); open it from that simulation’s Export dialog. Nothing was changed.`,
          );
        }
        const replayer = replayerOf(prefix);
        if (!replayer)
          return say('The simulation has not started yet; open the file again in a moment. Nothing was changed.');
        // The island publishes its run in an effect, after this task: watching from here misses nothing.
        const applied = replayer(run.settings, run.progress);
        say(...applied.notices, `Replaying ${file.name}…`);
        stop = watchRuns(prefix, (live) => {
          if (!live.data.settled || !showsSettings(live, applied.settings)) return;
          stop();
          say(...applied.notices, verdict(run, compareTables(run.tables, live.data.tables)));
        });
      },
      (error: unknown) =>
        say(
          `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`,
        ),
    );
  });
}
