import type { Locator, Page } from '@playwright/test';
import { varianceShift, type ShiftState } from '../../src/islands/variance-shift/definition.ts';
import { describeShift, shiftPicture } from '../../src/islands/variance-shift/summary.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { test, expect } from './fixtures.ts';
import { statistic } from './helpers.ts';

test.use({ viewport: { width: 1280, height: 900 } });

const CAPTION = `Simulation: ${varianceShift.title}`;

/** The simulation, scrolled into view (which hydrates it) and hydrated. */
async function open(page: Page): Promise<Locator> {
  const figure = page.getByRole('figure', { name: CAPTION });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  return figure;
}

/** Checks that the simulation shows the numbers the course's code computes for `state`. */
async function expectShows(figure: Locator, state: ShiftState): Promise<void> {
  const picture = shiftPicture(state);
  const f = (value: number) => formatNumber(value, 2);
  await expect(statistic(figure, 'Before BN: variance learned')).toHaveText(f(picture.before.runningVariance));
  await expect(statistic(figure, 'Formula (c² + v)/q − c²')).toHaveText(f(picture.formula.training));
  await expect(statistic(figure, 'Variance met at test')).toHaveText(f(picture.before.testVariance));
  await expect(statistic(figure, 'Before BN: output variance at test')).toHaveText(f(picture.before.outputVariance));
  await expect(statistic(figure, 'After BN: output variance at test')).toHaveText(f(picture.after.outputVariance));
  await expect(figure.locator('.sim-summary')).toHaveText(describeShift(state, picture));
}

test('in the lesson, by keyboard: p moves the variance BN learns, and at p = 0 the shift is gone', async ({ page }) => {
  await page.goto('/lessons/dropout-in-modern-networks/');
  const figure = await open(page);
  const state = varianceShift.start({});
  await expectShows(figure, state);
  await expect(figure.getByRole('img', { name: /variance BN learns in training and meets at test/ })).toBeVisible();
  await expect(figure.getByRole('img', { name: /output variance at test against p/ })).toBeVisible();

  const p = figure.getByLabel('Drop probability p');
  await p.focus();
  await page.keyboard.press('ArrowRight');
  await expect(p).toHaveValue('0.55');
  await expectShows(figure, { ...state, p: 0.55 });

  await page.keyboard.press('Home');
  await expect(p).toHaveValue('0');
  await expectShows(figure, { ...state, p: 0 });
  // Without dropout BN learns what it meets: its output's variance at test is 1 up to sampling.
  const output = Number(await statistic(figure, 'Before BN: output variance at test').textContent());
  expect(Math.abs(output - 1)).toBeLessThan(0.05);
});

test('the full-page view reads its state from the URL and keeps a changed mean there', async ({ page }) => {
  await page.goto('/lab/variance-shift/?shift.p=0.8&shift.mean=0&shift.variance=2&shift.seed=3');
  const figure = await open(page);
  const state: ShiftState = { p: 0.8, mean: 0, variance: 2, seed: 3 };
  await expectShows(figure, state);

  const mean = figure.getByLabel('Mean c of the unit');
  await mean.focus();
  await page.keyboard.press('ArrowRight');
  await expect(mean).toHaveValue('0.5');
  await expectShows(figure, { ...state, mean: 0.5 });
  await expect.poll(() => page.url()).toContain('shift.mean=0.5');
});
