import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { statistic } from './helpers.ts';

const NAME = 'Simulation: train with and without dropout';

async function openLab(page: Page, query: string) {
  await page.goto(`/lab/training/${query}`);
  const figure = page.getByRole('figure', { name: NAME });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  return figure;
}

test('smoothing, set by keyboard, draws smoothed curves over faint raw ones, names them at their ends and goes in the link', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const figure = await openLab(page, '?lab.epochs=20&lab.smoothing=0');
  const loss = figure.getByRole('img', { name: /^Loss curves\./ });
  for (let i = 0; i < 5; i += 1) {
    await figure.getByRole('button', { name: 'Step one epoch' }).click();
    await expect(statistic(figure, 'Epoch')).toHaveText(`${i + 1} of 20`);
  }
  // Off: each epoch's values alone, no faint copies.
  await expect(loss.locator('.chart-raw path')).toHaveCount(0);
  await expect(loss.locator('.chart-line')).toHaveCount(4);

  const slider = figure.getByLabel('Smoothing', { exact: true });
  await slider.focus();
  for (let i = 0; i < 12; i += 1) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('0.6');
  await expect(figure.getByText('0.60, moving average of the curves')).toBeVisible();
  // A display setting: the run goes on where it was.
  await expect(statistic(figure, 'Epoch')).toHaveText('5 of 20');
  await expect(loss.locator('.chart-raw path')).toHaveCount(4);
  await expect(loss.locator('.chart-line')).toHaveCount(8);
  await expect.poll(() => new URL(page.url()).searchParams.get('lab.smoothing')).toBe('0.6');

  // Wide: each curve named at its end, in the accessible name too, the legend for screen readers only.
  for (const name of ['validation, with dropout', 'training, without dropout'])
    await expect(loss.locator('.chart-line-label', { hasText: name })).toBeVisible();
  await expect(loss).toHaveAccessibleName(/Lines: validation, with dropout; training, with dropout;/);
  await expect(figure.locator('.chart-legend').first()).toHaveClass(/visually-hidden/);

  // At 320 px the charts are too narrow for the names: the legend shows instead.
  await page.setViewportSize({ width: 320, height: 800 });
  await expect(loss.locator('.chart-line-label')).toHaveCount(0);
  await expect(figure.getByText('solid: validation, dashed: training')).toBeVisible();
  await expect(loss).toHaveAccessibleName(/Lines: validation, with dropout;/);
});

test('a link’s smoothing is read, clamped when out of range, and can be hidden', async ({ page }) => {
  const figure = await openLab(page, '?lab.smoothing=2&hide=smoothing');
  await expect(figure.getByText(/asked for smoothing = 2, but it must be from 0 to 0\.95/)).toBeVisible();
  await expect(figure.getByLabel('Smoothing', { exact: true })).toBeHidden();
});
