import { readdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { formatPercent } from '../../src/lib/format.ts';
import { PAPER_TABLE_9 } from '../../src/sim/digits/experiments/paper.ts';
import { pointKey, SIZE_POINTS } from '../../src/sim/digits/experiments/plan.ts';
import type { StoredReference } from '../../src/sim/digits/experiments/reference.ts';
import { test, expect } from './fixtures.ts';

const json = JSON.parse(
  readFileSync(new URL('../../src/data/digits-reference.json', import.meta.url), 'utf8'),
) as StoredReference;

/**
 * The digits lab against a real build: the reference figures on first view, with no worker, and
 * a learner's run of a point, paused, cancelled, finished or stopped by a damaged data file.
 */
test.use({ viewport: { width: 1280, height: 900 } });

const DIST = process.env['E2E_DIST'] ?? './dist';
const DATA_FILE = readdirSync(`${DIST}/data`).find((name) => /^mnist-[0-9a-f]{8}\.bin$/.test(name)) ?? '';

async function openLab(page: Page, query = ''): Promise<Locator> {
  await page.goto(`/lab/digits/${query}`);
  const figure = page.getByRole('figure', { name: 'Simulation: dropout on real digits' });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  return figure;
}

/** The test error of the reference point of size 100, seed 1, for an arm, as the lab writes it. */
function referenceError(arm: 'dropout' | 'plain'): string {
  const point = SIZE_POINTS.find((p) => p.size === 100 && p.seed === 1 && p.arm === arm);
  const result = json.entries.find((e) => point && pointKey(e.point) === pointKey(point))?.result;
  return formatPercent(result?.experiment === 'size' ? result.testError : Number.NaN, 2);
}

test('each experiment shows its reference figure beside the paper’s findings, before any worker starts', async ({
  page,
}) => {
  const data: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/data/')) data.push(request.url());
  });
  // The island, not its printed picture, which is in the page too (hidden on screen).
  const figure = (await openLab(page)).locator('.sim-live');
  const experiment = figure.getByLabel('Experiment');
  await expect(figure.getByRole('img', { name: /^Test error over epochs\. After 50 epochs/ })).toBeVisible();
  await expect(figure.getByText(`paper, max-norm alone: ${formatPercent(PAPER_TABLE_9.maxNorm, 2)}`)).toBeVisible();
  await expect(
    figure.getByText(`paper, dropout + max-norm: ${formatPercent(PAPER_TABLE_9.dropoutMaxNorm, 2)}`),
  ).toBeVisible();

  await experiment.selectOption('size');
  await expect(figure.getByRole('img', { name: /^Training-set size\. Mean test error over 10 seeds/ })).toBeVisible();
  await expect(
    figure.getByText(/“for extremely small data sets \(100, 500\) dropout does not give any improvements”/),
  ).toBeVisible();
  await expect(page).toHaveURL(/digits\.experiment=size/);

  await experiment.selectOption('averaging');
  await expect(figure.getByRole('img', { name: /^Monte Carlo averaging\. The weight-scaled network/ })).toBeVisible();
  await expect(figure.getByText(/around k = 50, the Monte-Carlo method becomes as good/)).toBeVisible();

  await experiment.selectOption('features');
  await expect(figure.getByRole('img', { name: /^Incoming weights of 16 first-layer units/ })).toHaveCount(2);
  await expect(figure.getByRole('img', { name: /^Activations of the second hidden layer/ })).toHaveCount(2);
  await expect(figure.getByText(/about 2\.0 without dropout to about 0\.7 with it/)).toBeVisible();
  expect(data, 'no digits are fetched before a run').toEqual([]);
});

test('re-running the size-100 point for seed 1 lands your run on the figure, with the reference’s numbers again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const figure = await openLab(page, '?digits.experiment=size&digits.size=100');
  // The same settings' run file before any run: the reference's tables alone.
  const exportButton = figure.getByRole('button', { name: 'Export the charts and data' });
  await exportButton.click();
  const dialog = page.getByRole('dialog', { name: /^Export “Simulation:/ });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download the run file as JSON' }).click(),
  ]);
  const withoutRun = readFileSync((await download.path()) ?? '', 'utf8');
  await page.keyboard.press('Escape');
  await figure.getByRole('button', { name: 'Run again' }).click();
  await expect(figure.getByText(/Downloading the digits|% left|Network with dropout/).first()).toBeVisible();
  await expect(figure.getByLabel('Network with dropout')).toBeVisible();
  await expect(figure.locator('.sim-summary')).toContainText('Your run (seed 1, 256 hidden units) finished', {
    timeout: 150_000,
  });
  await expect(figure.locator('.sim-summary')).toContainText(
    `with dropout: ${referenceError('dropout')} test error; without dropout: ${referenceError('plain')} test error`,
  );
  await expect(figure.locator('.chart-rings circle')).toHaveCount(2);
  await expect(figure.getByText(/rings: your run \(seed 1, 256 hidden units\)/)).toBeVisible();

  // Replaying the file saved before the run: the page goes back to the file's state, without the run.
  await exportButton.click();
  await dialog
    .getByLabel('Open a run file (.json) saved from this simulation')
    .setInputFiles({ name: 'no-run.json', mimeType: 'application/json', buffer: Buffer.from(withoutRun) });
  await expect(dialog.getByRole('status').last()).toHaveText(
    /^Replayed with the file’s settings: all [\d,]+ numbers of (its table|its \d+ tables) match the file bit for bit\.$/,
  );
  await page.keyboard.press('Escape');
  await expect(figure.locator('.chart-rings circle')).toHaveCount(0);
});

test('a run pauses, resumes and cancels', async ({ page }) => {
  test.setTimeout(120_000);
  const figure = await openLab(page);
  await figure.getByRole('button', { name: 'Run again' }).click();
  const progress = figure.getByLabel('Network with dropout');
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(0);
  await figure.getByRole('button', { name: 'Pause' }).click();
  await expect(figure.getByText('Paused.')).toBeVisible();
  // The worker stops within a slice; after that the bar stands still.
  await page.waitForTimeout(500);
  const paused = await progress.getAttribute('value');
  await page.waitForTimeout(1500);
  expect(await progress.getAttribute('value')).toBe(paused);
  await figure.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(Number(paused));
  await figure.getByRole('button', { name: 'Cancel' }).click();
  await expect(figure.getByText('The run was cancelled.')).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect(figure.getByRole('button', { name: 'Run again' })).toHaveAttribute('aria-disabled', 'false');
});

test('a damaged data file stops the run with a plain message', async ({ page, context }) => {
  const damaged = readFileSync(`${DIST}/data/${DATA_FILE}`);
  damaged[100]! ^= 1;
  await context.route(`**/data/${DATA_FILE}`, (route) => route.fulfill({ status: 200, body: damaged }));
  const figure = await openLab(page, '?digits.experiment=size&digits.size=100');
  await figure.getByRole('button', { name: 'Run again' }).click();
  await expect(figure.getByRole('alert')).toHaveText(
    'The run stopped: The digit data is corrupted (checksum mismatch). Reload the page to fetch it again. Press “Run again” to try again.',
    { timeout: 30_000 },
  );
  await expect(figure.getByRole('button', { name: 'Run again' })).toHaveAttribute('aria-disabled', 'false');
});
