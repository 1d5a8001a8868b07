import { BASE_PATH } from '../../playwright.config.ts';
import { test, expect, watch } from './fixtures.ts';
import { settle } from './helpers.ts';
import { decodeQr, hydratedFigure, openShare } from './share-helpers.ts';

const COUNTS = 'Simulation: how many units drop';

test('under the base path, the permalink and its QR code lead to the full-page view there', async ({
  page,
  baseURL,
  problems,
}) => {
  await page.goto(`${BASE_PATH}lessons/how-many-units-drop/`);
  const figure = await hydratedFigure(page, COUNTS);
  const { dialog, link } = await openShare(page, figure);
  const url = new URL(link);
  expect(url.origin).toBe(new URL(baseURL ?? '').origin);
  expect(url.pathname).toBe(`${BASE_PATH}lab/drop-counts/`);
  expect(url.searchParams.get('counts.k')).toBe('16');
  expect(await decodeQr(dialog.getByRole('img', { name: 'QR code of the link above' }))).toBe(link);

  const fresh = await page.context().newPage();
  watch(fresh, url.origin, problems);
  await fresh.goto(link);
  const again = await hydratedFigure(fresh, COUNTS);
  await expect(again.getByLabel(/^Radius/)).toHaveValue('16');
});

test("under the base path, a reset stays there and lands on the simulation's figure", async ({ page }) => {
  await page.goto(`${BASE_PATH}lessons/how-many-units-drop/?counts.k=3`);
  const figure = await hydratedFigure(page, COUNTS);
  await expect(figure.getByLabel(/^Radius/)).toHaveValue('3');
  const { dialog } = await openShare(page, figure);
  // Leaving the page cuts off what it still fetches, which the fixture would count as a failure.
  await settle(page);
  await dialog.getByRole('button', { name: 'Reset to the lesson’s defaults' }).click();
  await page.waitForURL((url) => url.hash === '#sim-drop-counts');
  const url = new URL(page.url());
  expect(url.pathname + url.search).toBe(`${BASE_PATH}lessons/how-many-units-drop/`);
  await expect((await hydratedFigure(page, COUNTS)).getByLabel(/^Radius/)).toHaveValue('16');
});

test.describe('sharper screenshots for the printed QR code', () => {
  test.use({ deviceScaleFactor: 3 });

  test('under the base path, a printed simulation names its address there', async ({ page, baseURL }) => {
    await page.goto(`${BASE_PATH}lessons/how-many-units-drop/`);
    await page.emulateMedia({ media: 'print' });
    const figure = page.getByRole('figure', { name: COUNTS });
    const expected = new URL(`${BASE_PATH}lab/drop-counts/?counts.k=16`, baseURL).href;
    await expect(figure.getByText(`Interactive version: ${expected}`)).toBeVisible();
    expect(await decodeQr(figure.getByRole('img', { name: 'QR code of this link' }))).toBe(expected);
  });
});
