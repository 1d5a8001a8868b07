import { RATE_FIXED } from '../../src/islands/effective-rate/summary.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { meanStepFacts, stepsOverMasks } from '../../src/sim/mean-step.ts';
import { test, expect } from './fixtures.ts';
import { statistic } from './helpers.ts';

/** The comparison's two statistics for one p and kind of weight, as the course's own code computes them. */
function expected(p: number, kind: 'outgoing' | 'incoming') {
  const facts = meanStepFacts(stepsOverMasks(1, p, RATE_FIXED.masks, RATE_FIXED.rate)[kind], RATE_FIXED.masks);
  return { mean: formatNumber(facts.meanRatio, 3), spread: formatNumber(facts.spreadRatio, 3) };
}

test('the effective learning rate against no dropout: by keyboard, the chosen weights, their mean and spread over masks', async ({
  page,
}) => {
  await page.goto('/lessons/backpropagation-through-dropout/');
  const figure = page.getByRole('figure', { name: 'Simulation: the effective learning rate' });
  await figure.scrollIntoViewIfNeeded();
  const out = expected(0.5, 'outgoing');
  await expect(statistic(figure, 'Mean step ÷ step without dropout')).toHaveText(out.mean);
  await expect(statistic(figure, 'Spread ÷ step without dropout')).toHaveText(out.spread);
  await expect(figure.getByRole('img', { name: /for the weights out of the dropout layer/ })).toBeVisible();

  const into = figure.getByRole('radio', { name: 'weights into the dropout layer from the first input' });
  await into.focus();
  await page.keyboard.press('Space');
  await expect(into).toBeChecked();
  await expect(page).toHaveURL(/rate\.weights=in/);
  await expect(statistic(figure, 'Mean step ÷ step without dropout')).toHaveText(expected(0.5, 'incoming').mean);
  await expect(figure.getByRole('img', { name: /for the weights into the dropout layer/ })).toBeVisible();

  // A larger p spreads the steps further: the statistic follows the course's own computation.
  await figure.getByLabel('Drop probability p', { exact: true }).focus();
  for (let press = 0; press < 6; press++) await page.keyboard.press('ArrowRight');
  await expect(statistic(figure, 'p/q')).toHaveText(formatNumber(4, 3));
  await expect(statistic(figure, 'Spread ÷ step without dropout')).toHaveText(expected(0.8, 'incoming').spread);
});
