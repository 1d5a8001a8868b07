import { test, expect } from './fixtures.ts';
import { statistic } from './helpers.ts';

test('lesson 1 opens with the phenomenon: a compact paired run, trained by keyboard, before the first section', async ({
  page,
}) => {
  await page.goto('/lessons/why-dropout/');
  const figure = page.getByRole('figure', { name: 'Simulation: train with and without dropout' });
  // Before the lesson's first section, in reading order.
  const firstSection = page.getByRole('heading', { level: 2, name: 'The problem: overfitting' });
  const before = await figure.evaluate(
    (element, heading) =>
      heading !== null && (element.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    await firstSection.elementHandle(),
  );
  expect(before).toBe(true);
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');

  // Compact: no settings, which the full-page view keeps.
  await expect(figure.getByLabel('Dropout mode')).toBeHidden();
  await expect(figure.getByRole('link', { name: /Full-page view/ })).toHaveAttribute('href', /\/lab\/training\/$/);

  await figure.getByRole('button', { name: 'Train', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(statistic(figure, 'Epoch')).not.toHaveText('0 of 400');
  await expect(figure.getByRole('img', { name: /Decision boundary with dropout/ })).toBeVisible();
  await expect(figure.getByRole('img', { name: /Decision boundary without dropout/ })).toBeVisible();
});

test('the full-page view of the same simulation keeps its settings', async ({ page }) => {
  await page.goto('/lab/training/');
  const figure = page.getByRole('figure', { name: 'Simulation: train with and without dropout' });
  await expect(figure.getByLabel('Dropout mode')).toBeVisible();
});
