import { test, expect } from './fixtures.ts';
import { BASE_PATH } from '../../playwright.config.ts';
import { statistic } from './helpers.ts';

test('presenter mode and the shortcuts work on a lab page under the base path', async ({ page }) => {
  await page.goto(`${BASE_PATH}lab/bernoulli-draws/`);
  const figure = page.getByRole('figure', { name: 'Simulation: one unit under dropout' });
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  const toggle = page.getByRole('button', { name: 'Presenter mode' });
  await page.keyboard.press('f');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(true);
  // The presenter styles came with the site's stylesheet, from under the base path.
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(figure.locator('.sim-live .chart-line').first()).toHaveCSS('stroke-width', '4.5px');

  await page.keyboard.press('s');
  await expect(statistic(figure, 'Draws')).toHaveText('1 of 400');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('banner')).toBeVisible();
});

test('presenter mode works on an embed page under the base path', async ({ page }) => {
  await page.goto(`${BASE_PATH}embed/sim/drop-counts/`);
  const figure = page.getByRole('figure', { name: 'Simulation: how many units drop' });
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('link', { name: 'Open in a new tab' })).toBeHidden();
  await page.keyboard.press(']');
  await expect(figure.getByRole('status').filter({ hasText: /^p = 0\.51$/ })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`^[^?]*${BASE_PATH}embed/sim/drop-counts/\\?.*counts\\.p=0\\.51`));
});
