import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { SIMULATIONS } from '../../src/islands/simulations.ts';
import { expectNoAxeViolations, statistic } from './helpers.ts';

/**
 * A run's data out of the page and back in, as a teacher keeps it: each table as CSV, the whole
 * run as a JSON run file, and that file replayed on a fresh page, where every number must come out
 * the same bit for bit. A file that is not a run, or is another simulation's, changes nothing.
 */

/** Opens a simulation's full-page view and its Export dialog, once its island has published a complete run. */
async function openExport(page: Page, path: string, title: string): Promise<{ figure: Locator; dialog: Locator }> {
  await page.goto(path);
  const figure = page.getByRole('figure', { name: `Simulation: ${title}` });
  await expect(figure.locator('astro-island').first()).not.toHaveAttribute('ssr');
  return { figure, dialog: await settledDialog(page, figure, title) };
}

async function openDialog(page: Page, figure: Locator, title: string): Promise<Locator> {
  await figure.getByRole('button', { name: 'Export the charts and data' }).click();
  const dialog = page.getByRole('dialog', { name: `Export “Simulation: ${title}”` });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Presses a download button by keyboard and gives the file's name and text. */
async function downloaded(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  await button.focus();
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path()) ?? '', 'utf8') };
}

/** Opens `text` as the file `name` in the dialog's file input, as a reader choosing it would. */
async function openRunFile(dialog: Locator, name: string, text: string): Promise<void> {
  await dialog
    .getByLabel('Open a run file (.json) saved from this simulation')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const COUNTS = 'how many units drop';

test('a drop-count run saved as CSV and as a run file replays bit for bit on a fresh page', async ({
  page,
  browser,
}) => {
  // Seed 5 and a layer of 200: not the full-page view's starting state, which the replay must restore.
  const { dialog } = await openExport(page, '/lab/drop-counts/?counts.seed=5&counts.n=200', COUNTS);
  await expectNoAxeViolations(page);
  const csv = await downloaded(
    page,
    dialog.getByRole('button', { name: 'Download the table “Units dropped in each sampled mask” as CSV' }),
  );
  expect(csv.name).toBe('drop-counts-units-dropped-in-each-sampled-mask.csv');
  const lines = csv.text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('mask,units dropped');
  expect(lines).toHaveLength(10_001);
  expect(lines.slice(1).every((line, i) => new RegExp(`^${i + 1},\\d+$`).test(line))).toBe(true);

  const saved = await downloaded(page, dialog.getByRole('button', { name: 'Download the run file as JSON' }));
  expect(saved.name).toBe('drop-counts-run-seed-5.json');
  const run = JSON.parse(saved.text) as { simulation: string; settings: Record<string, unknown>; tables: unknown[] };
  expect(run.simulation).toBe('drop-counts');
  expect(run.settings).toMatchObject({ n: 200, seed: 5 });

  const fresh = await browser.newPage();
  const { figure, dialog: other } = await openExport(fresh, '/lab/drop-counts/', COUNTS);
  await openRunFile(other, saved.name, saved.text);
  await expect(other.getByRole('status').last()).toHaveText(
    /^Replayed with the file’s settings: all [\d,]+ numbers of its 2 tables match the file bit for bit\.$/,
  );
  await fresh.keyboard.press('Escape');
  await expect(figure.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('5');
  await expect(figure.getByRole('spinbutton', { name: /^Layer size/ })).toHaveValue('200');

  // One sampled count changed by hand: the replay finds it, and says where.
  const altered = saved.text.replace(/\[\s*1,\s*(\d+)\s*\]/, (_, count: string) => `[1, ${Number(count) + 1}]`);
  expect(altered).not.toBe(saved.text);
  await openDialog(fresh, figure, COUNTS);
  await openRunFile(other, 'altered.json', altered);
  await expect(other.getByRole('status').last()).toHaveText(
    /1 of [\d,]+ numbers differ from the file\. “Units dropped in each sampled mask”, row 1, units dropped: the file has \d+, the replay \d+\.$/,
  );
  await fresh.close();
});

test('a file that is not a run of this simulation is refused with a reason, and nothing changes', async ({ page }) => {
  const { figure, dialog } = await openExport(page, '/lab/drop-counts/?counts.seed=7', COUNTS);
  const status = dialog.getByRole('status').last();
  await openRunFile(dialog, 'notes.json', 'not json at all');
  await expect(status).toHaveText(
    'notes.json: The file is not JSON, so it is not a run file of Dropout Lab. Nothing was changed.',
  );
  await openRunFile(
    dialog,
    'other.json',
    JSON.stringify({ format: 'dropout-lab-run', version: 1, simulation: 'training', settings: {}, tables: [] }),
  );
  await expect(status).toHaveText(/^other\.json is a run of the simulation “training”, not of this one/);
  await openRunFile(dialog, 'future.json', JSON.stringify({ format: 'dropout-lab-run', version: 9 }));
  await expect(status).toHaveText(/^future\.json: The run file is of version 9; this site reads version 1\./);
  await page.keyboard.press('Escape');
  await expect(figure.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('7');
  expect(new URL(page.url()).searchParams.get('counts.seed')).toBe('7');
});

test('a training run saved after some epochs replays to the same epoch, losses and decision maps', async ({
  page,
  browser,
}) => {
  const title = 'train with and without dropout';
  await page.goto('/lab/training/?lab.epochs=40&lab.seed=3');
  const figure = page.getByRole('figure', { name: `Simulation: ${title}` });
  await expect(figure.locator('astro-island').first()).not.toHaveAttribute('ssr');
  const step = figure.getByRole('button', { name: 'Step one epoch' });
  for (let i = 0; i < 3; i += 1) {
    await step.click();
    await expect(statistic(figure, 'Epoch')).toHaveText(`${i + 1} of 40`);
  }
  const dialog = await openDialog(page, figure, title);
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Decision maps (1,600 rows)' })).toBeVisible();
  const saved = await downloaded(page, dialog.getByRole('button', { name: 'Download the run file as JSON' }));
  const run = JSON.parse(saved.text) as { progress: number };
  expect(run.progress).toBe(3);

  const fresh = await browser.newPage();
  const other = await openExport(fresh, '/lab/training/', title);
  await openRunFile(other.dialog, saved.name, saved.text);
  await expect(other.dialog.getByRole('status').last()).toHaveText(
    /^Replayed with the file’s settings, to the point the file was saved at: all [\d,]+ numbers of its 2 tables match the file bit for bit\.$/,
    { timeout: 30_000 },
  );
  await fresh.keyboard.press('Escape');
  await expect(statistic(other.figure, 'Epoch')).toHaveText('3 of 40');
  await fresh.close();
});

/** The Export dialog once its simulation has published a complete run (reopened until it has). */
async function settledDialog(page: Page, figure: Locator, title: string): Promise<Locator> {
  let dialog = await openDialog(page, figure, title);
  await expect(async () => {
    const whole = dialog.getByRole('listitem').filter({ hasText: /^The whole run/ });
    if (!(await whole.isVisible()) || (await whole.innerText()).includes('still computing')) {
      await page.keyboard.press('Escape');
      dialog = await openDialog(page, figure, title);
    }
    await expect(whole).not.toContainText('still computing', { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  return dialog;
}

for (const { id, title, prefix, start } of SIMULATIONS) {
  test(`a run of “${title}” replays from its run file bit for bit`, async ({ page, browser }) => {
    // Another seed than the full-page view's, so the replay has a setting to restore.
    const labSeed = (start({}) as Record<string, unknown>)['seed'];
    const seed = typeof labSeed === 'number' ? labSeed + 1 : undefined;
    const query = seed === undefined ? '' : `?${prefix}.seed=${seed}`;
    await page.goto(`/lab/${id}/${query}`);
    const figure = page.getByRole('figure', { name: `Simulation: ${title}` });
    await expect(figure.locator('astro-island').first()).not.toHaveAttribute('ssr');
    const dialog = await settledDialog(page, figure, title);
    const saved = await downloaded(page, dialog.getByRole('button', { name: 'Download the run file as JSON' }));
    const run = JSON.parse(saved.text) as { settings: Record<string, unknown>; tables: { rows: unknown[] }[] };
    expect(run.tables.length).toBeGreaterThan(0);
    if (seed !== undefined) expect(run.settings['seed']).toBe(seed);

    const fresh = await browser.newPage();
    const other = await openExport(fresh, `/lab/${id}/`, title);
    await openRunFile(other.dialog, saved.name, saved.text);
    await expect(other.dialog.getByRole('status').last()).toHaveText(
      /^Replayed with the file’s settings(, to the point the file was saved at)?: all [\d,]+ numbers of (its table|its \d+ tables) match the file bit for bit\.$/,
      { timeout: 60_000 },
    );
    await fresh.close();
  });
}
