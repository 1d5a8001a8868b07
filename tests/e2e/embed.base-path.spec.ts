import { test, expect } from './fixtures.ts';
import { BASE_PATH } from '../../playwright.config.ts';
import { statistic } from './helpers.ts';

test('an embed page runs under the base path and links to its full-page view there', async ({ page }) => {
  await page.goto(`${BASE_PATH}embed/sim/bernoulli-draws/?draws.p=0.3&controls=locked`);
  const figure = page.getByRole('figure', { name: 'Simulation: one unit under dropout' });
  await figure.getByRole('button', { name: 'Draw once' }).click();
  await expect(statistic(figure, 'Draws')).toHaveText('1 of 400');
  await expect(figure.getByLabel('Drop probability p')).toHaveValue('0.3');

  await expect(page.getByRole('link', { name: 'Open in a new tab' })).toHaveAttribute(
    'href',
    `${BASE_PATH}lab/bernoulli-draws/?draws.p=0.3`,
  );
  const assets = await page.evaluate(() => [
    ...[...document.querySelectorAll<HTMLLinkElement>('link[href]')].map((link) => new URL(link.href).pathname),
    ...[...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((script) => new URL(script.src).pathname),
  ]);
  expect(assets.length).toBeGreaterThan(0);
  expect(assets.filter((asset) => !asset.startsWith(BASE_PATH))).toEqual([]);
});

test('the host script is served under the base path', async ({ page }) => {
  const response = await page.request.get(`${BASE_PATH}embed/host.js`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/javascript/);
  expect(await response.text()).toContain('lti.frameResize');
});
