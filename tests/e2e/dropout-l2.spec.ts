import type { Locator, Page } from '@playwright/test';
import { dropoutL2, type L2State } from '../../src/islands/dropout-l2/definition.ts';
import { describeL2, l2Picture } from '../../src/islands/dropout-l2/summary.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { L2_LESSON_STATE } from '../../src/sim/l2-claims.ts';
import { test, expect } from './fixtures.ts';
import { statistic } from './helpers.ts';

test.use({ viewport: { width: 1280, height: 900 } });

const CAPTION = `Simulation: ${dropoutL2.title}`;

/** The explorable, scrolled into view (which hydrates it) and hydrated. */
async function open(page: Page): Promise<Locator> {
  const figure = page.getByRole('figure', { name: CAPTION });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  return figure;
}

/** Checks that the explorable shows the numbers the course's code computes for `state`. */
async function expectShows(figure: Locator, state: L2State): Promise<void> {
  const picture = l2Picture(state);
  await expect(statistic(figure, 'Expected dropout loss (formula)')).toHaveText(formatNumber(picture.exact, 3));
  await expect(statistic(figure, 'Monte Carlo estimate')).toHaveText(formatNumber(picture.estimate.mean, 3));
  await expect(statistic(figure, 'Standard error')).toHaveText(formatNumber(picture.estimate.error, 3));
  await expect(statistic(figure, 'Ridge strength on every weight')).toHaveText(String(state.lambda));
  const first = figure.getByRole('row', { name: /^x₁/ });
  await expect(first.getByRole('cell').nth(1)).toHaveText(formatNumber(picture.dropout[0] ?? 0, 1));
  await expect(first.getByRole('cell').nth(4)).toHaveText(formatNumber(picture.weights.ridge[0] ?? 0, 2));
  await expect(figure.locator('.sim-summary')).toHaveText(describeL2(state, picture));
}

test('in the lesson, by keyboard: p and λ change the penalties, the weights and the summary', async ({ page }) => {
  await page.goto('/lessons/dropout-in-practice/');
  const figure = await open(page);
  const state = dropoutL2.start(L2_LESSON_STATE);
  await expectShows(figure, state);
  await expect(figure.getByRole('img', { name: /L2 strength on each weight/ })).toBeVisible();

  const p = figure.getByLabel('Drop probability p');
  await p.focus();
  await page.keyboard.press('ArrowRight');
  await expect(p).toHaveValue('0.55');
  await expectShows(figure, { ...state, p: 0.55 });

  const lambda = figure.getByLabel('Ridge penalty λ');
  await lambda.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await expect(lambda).toHaveValue('15');
  await expectShows(figure, { ...state, p: 0.55, lambda: 15 });
});

test('the full-page view reads its state from the URL, and more masks shrink the standard error', async ({ page }) => {
  await page.goto('/lab/dropout-l2/?l2.p=0.3&l2.lambda=40&l2.masks=100&l2.seed=4');
  const figure = await open(page);
  const state: L2State = { p: 0.3, lambda: 40, masks: 100, seed: 4 };
  await expectShows(figure, state);

  const masks = figure.getByLabel('Sampled masks');
  await masks.focus();
  await masks.selectOption('10000');
  await expectShows(figure, { ...state, masks: 10_000 });
  await expect.poll(() => page.url()).toContain('l2.masks=10000');
  expect(l2Picture({ ...state, masks: 10_000 }).estimate.error).toBeLessThan(l2Picture(state).estimate.error / 5);
});
