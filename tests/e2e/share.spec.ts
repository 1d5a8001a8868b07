import type { Locator, Page } from '@playwright/test';
import { LAB_SPECS } from '../../src/islands/training/summary.ts';
import { test, expect, watch } from './fixtures.ts';
import { expectNoAxeViolations, settle, statistic } from './helpers.ts';
import { cornerColour, decodeQr, hydratedFigure, openShare } from './share-helpers.ts';

const LAB = 'Simulation: train with and without dropout';
const COUNTS = 'Simulation: how many units drop';
/** What the lab shows after each step, by its statistics' terms. */
const LAB_FIGURES = [
  'Epoch',
  'Validation loss, with dropout',
  'Validation loss, without',
  'Training loss, with dropout',
  'Training loss, without',
];
const STEPS = 3;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Steps the lab `epochs` epochs, one at a time, and returns the figures it then shows. */
async function stepAndRead(figure: Locator, epochs: number): Promise<string[]> {
  const step = figure.getByRole('button', { name: 'Step one epoch' });
  for (let epoch = 1; epoch <= epochs; epoch++) {
    await step.click();
    await expect(statistic(figure, 'Epoch')).toHaveText(new RegExp(`^${epoch} of `));
  }
  const shown = await Promise.all(LAB_FIGURES.map(async (term) => (await statistic(figure, term).textContent()) ?? ''));
  expect(shown.slice(1), 'every loss is shown').not.toContain('–');
  return shown;
}

/** A second page in the same browser, watched for problems like the test's own page. */
async function freshPage(page: Page, origin: string, problems: { errors: string[] }): Promise<Page> {
  const fresh = await page.context().newPage();
  watch(fresh, origin, problems);
  return fresh;
}

for (const start of ['/lessons/the-lab/', '/lab/training/']) {
  test(`the permalink of the training lab on ${start} reproduces the same run`, async ({ page, baseURL, problems }) => {
    await page.goto(start);
    const figure = await hydratedFigure(page, LAB);
    await figure.getByLabel('Dataset').selectOption('circles');
    await figure.getByText('More settings').click();
    const seed = figure.getByRole('group', { name: 'Optimizer, data and seed' }).getByLabel('Seed');
    await seed.fill('42');
    await seed.press('Tab');
    const shown = await stepAndRead(figure, STEPS);

    const { dialog, link } = await openShare(page, figure);
    const url = new URL(link);
    expect(url.origin).toBe(new URL(baseURL ?? '').origin);
    expect(url.pathname).toBe('/lab/training/');
    expect(url.hash).toBe('');
    // The complete state, every parameter of the lab's URL spec: nothing left to the page's defaults.
    expect([...url.searchParams.keys()].sort()).toEqual(
      Object.keys(LAB_SPECS)
        .map((key) => `lab.${key}`)
        .sort(),
    );
    expect(url.searchParams.get('lab.seed')).toBe('42');
    expect(url.searchParams.get('lab.dataset')).toBe('circles');
    await expect(dialog.getByText(/reproduces the same run/)).toBeVisible();

    const fresh = await freshPage(page, url.origin, problems);
    await fresh.goto(link);
    const again = await hydratedFigure(fresh, LAB);
    await expect(again.getByLabel('Dataset')).toHaveValue('circles');
    expect(await stepAndRead(again, STEPS)).toEqual(shown);
  });
}

test('the permalink of drop counts after "New seed" reproduces the same sampled masks', async ({ page, problems }) => {
  await page.goto('/lessons/how-many-units-drop/');
  const figure = await hydratedFigure(page, COUNTS);
  const seed = figure.getByLabel('Seed');
  await figure.getByRole('button', { name: 'New seed' }).click();
  await expect(seed).not.toHaveValue('1');
  await expect(statistic(figure, /^Sampled: within/)).not.toHaveText('–');
  const chartName = async (scope: Locator) =>
    scope.getByRole('img', { name: /^Histogram of the number of dropped units/ }).getAttribute('aria-label');
  const sampled = async (scope: Locator) => [
    await statistic(scope, /^Sampled: exactly/).textContent(),
    await statistic(scope, /^Sampled: within/).textContent(),
    await chartName(scope),
  ];
  const before = await sampled(figure);

  const { link } = await openShare(page, figure);
  const url = new URL(link);
  expect(url.pathname).toBe('/lab/drop-counts/');
  expect(url.searchParams.get('counts.seed')).toBe(await seed.inputValue());
  // The lesson opens with k = 16, the full-page view with k = 10: the link carries the lesson's.
  expect(url.searchParams.get('counts.k')).toBe('16');

  const fresh = await freshPage(page, url.origin, problems);
  await fresh.goto(link);
  const again = await hydratedFigure(fresh, COUNTS);
  await expect(again.getByLabel(/^Radius/)).toHaveValue('16');
  await expect(statistic(again, /^Sampled: within/)).not.toHaveText('–');
  expect(await sampled(again)).toEqual(before);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the QR code decodes to exactly the permalink, dark on white, in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/lab/drop-counts/?counts.n=300');
    const figure = await hydratedFigure(page, COUNTS);
    const { dialog, link } = await openShare(page, figure);
    expect(new URL(link).searchParams.get('counts.n')).toBe('300');
    const code = dialog.getByRole('img', { name: 'QR code of the link above' });
    await expect(code).toBeVisible();
    expect(await decodeQr(code)).toBe(link);
    expect(await cornerColour(code), 'the quiet zone is white').toBe('255,255,255');
    // Large enough for a phone at the back of a room: on a 1280 × 720 screen, 70 % of its height.
    const box = await code.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(500);
    expect(box?.height ?? 0).toBeCloseTo(box?.width ?? 0, 0);
    await expectNoAxeViolations(page);
  });
}

test('"Copy link" puts the permalink on the clipboard', async ({ page }) => {
  await page.goto('/lessons/the-lab/');
  const figure = await hydratedFigure(page, LAB);
  const { dialog, link } = await openShare(page, figure);
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(figure.getByRole('button', { name: /^Share/ })).toBeFocused();
});

test('where the clipboard refuses, "Copy link" selects the link and says how to copy it', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.goto('/lessons/the-lab/');
  const figure = await hydratedFigure(page, LAB);
  const { dialog, link } = await openShare(page, figure);
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Select the link and copy it with Ctrl+C (⌘C on a Mac).');
  const selected = await dialog
    .getByRole('textbox', { name: 'Link to this run' })
    .evaluate((field: HTMLInputElement) => field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0));
  expect(selected).toBe(link);
});

test('"Reset to the lesson\'s defaults" brings back the lesson\'s starting values', async ({ page }) => {
  await page.goto('/lessons/how-many-units-drop/?ev.p=0.3');
  const figure = await hydratedFigure(page, COUNTS);
  const radius = figure.getByLabel(/^Radius/);
  await radius.fill('3');
  await radius.press('Tab');
  await figure.getByRole('button', { name: 'New seed' }).click();
  await expect(page).toHaveURL(/counts\.k=3/);

  const { dialog } = await openShare(page, figure);
  // Leaving the page cuts off what it still fetches, which the fixture would count as a failure.
  await settle(page);
  await dialog.getByRole('button', { name: 'Reset to the lesson’s defaults' }).click();
  await page.waitForURL((url) => url.hash === '#sim-drop-counts');
  const url = new URL(page.url());
  expect([...url.searchParams.keys()]).toEqual(['ev.p']);
  const reset = await hydratedFigure(page, COUNTS);
  await expect(reset.getByLabel(/^Radius/)).toHaveValue('16');
  await expect(reset.getByLabel('Seed')).toHaveValue('1');
  await expect(reset).toBeInViewport();
});

test('on the full-page view, a reset with nothing in the address starts the page afresh', async ({ page }) => {
  await page.goto('/lab/training/');
  const figure = await hydratedFigure(page, LAB);
  await stepAndRead(figure, 2);
  const { dialog } = await openShare(page, figure);
  // Leaving the page cuts off what it still fetches, which the fixture would count as a failure.
  await settle(page);
  const reloaded = page.waitForEvent('load');
  await dialog.getByRole('button', { name: 'Reset to this page’s defaults' }).click();
  await reloaded;
  const reset = await hydratedFigure(page, LAB);
  await expect(statistic(reset, 'Epoch')).toHaveText(/^0 of /);
});

test('on an embed page, Share links to the full-page view and a reset returns to the embed’s own state', async ({
  page,
}) => {
  await page.goto('/embed/sim/drop-counts/?counts.n=100&origin=https%3A%2F%2Flms.example.edu');
  const figure = await hydratedFigure(page, COUNTS);
  await figure.getByLabel('Seed').fill('77');
  await figure.getByLabel('Seed').press('Tab');
  await expect(page).toHaveURL(/counts\.seed=77/);
  const { dialog, link } = await openShare(page, figure);
  const url = new URL(link);
  expect(url.pathname).toBe('/lab/drop-counts/');
  expect(url.searchParams.get('counts.n')).toBe('100');
  expect(url.searchParams.get('counts.seed')).toBe('77');
  expect(url.searchParams.has('origin')).toBe(false);

  // Leaving the page cuts off what it still fetches, which the fixture would count as a failure.
  await settle(page);
  await dialog.getByRole('button', { name: 'Reset to the starting settings' }).click();
  await page.waitForURL((next) => next.hash === '#sim-drop-counts');
  const reset = await hydratedFigure(page, COUNTS);
  await expect(reset.getByLabel('Seed')).toHaveValue('1');
  await expect(reset.getByLabel('Layer size n')).toHaveValue('100');
});

test('the Embed dialog carries the complete state, even before the address does', async ({ page }) => {
  await page.goto('/lessons/the-lab/');
  const figure = await hydratedFigure(page, LAB);
  await figure.getByRole('button', { name: /^Embed/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Embed “Simulation:/ });
  const src = async () => {
    const code = await dialog.getByLabel('Embed code').inputValue();
    return new URL(/src="([^"]+)"/.exec(code)?.[1]?.replaceAll('&amp;', '&') ?? '');
  };
  const opened = await src();
  expect(new URL(page.url()).search).toBe('');
  expect(opened.pathname).toBe('/embed/sim/training/');
  expect([...opened.searchParams.keys()].sort()).toEqual(
    Object.keys(LAB_SPECS)
      .map((key) => `lab.${key}`)
      .sort(),
  );
  expect(opened.searchParams.get('lab.preset')).toBe('overfits');
  await page.keyboard.press('Escape');
});
