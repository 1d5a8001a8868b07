import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { answerText, guessText } from '../../src/islands/prediction/prediction.ts';
import { predictionById } from '../../src/islands/prediction/predictions.ts';

/** A lesson's prediction, hydrated. */
async function prediction(page: Page, route: string): Promise<Locator> {
  await page.goto(route);
  const region = page.getByRole('region', { name: 'Predict first' });
  await region.scrollIntoViewIfNeeded();
  await expect(region.locator('astro-island')).not.toHaveAttribute('ssr');
  return region;
}

test('a numeric guess entered by keyboard is committed, revealed beside the answer, kept over a reload, and reset', async ({
  page,
}) => {
  const spec = predictionById('exactly-half');
  if (spec.kind !== 'number') throw new Error('exactly-half is a numeric prediction');
  let region = await prediction(page, '/lessons/how-many-units-drop/');
  const slider = region.getByRole('slider', { name: 'Chance (%)' });
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('5');
  const guess = guessText(spec, 5);
  await page.keyboard.press('Tab');
  await expect(region.getByRole('button', { name: 'Commit my prediction' })).toBeFocused();
  await page.keyboard.press('Enter');

  const revealed = async (where: Locator) => {
    await expect(
      where.getByText(`Your guess, ${guess}, is a little high: the answer is ${answerText(spec)}.`),
    ).toBeVisible();
    const chart = where.getByRole('img', { name: `Your guess, ${guess}, beside the answer, ${answerText(spec)}` });
    await expect(chart).toBeVisible();
    await expect(chart.getByText(`● Your guess: ${guess}`)).toBeVisible();
    await expect(chart.getByText(`◆ Answer: ${answerText(spec)}`)).toBeVisible();
    await expect(where.getByRole('slider', { name: 'Chance (%)' })).toBeDisabled();
    await expect(where.getByRole('button', { name: 'Commit my prediction' })).toHaveCount(0);
  };
  await revealed(region);
  await expect(region.getByRole('button', { name: 'Predict again' })).toBeFocused();

  await page.reload();
  region = await prediction(page, '/lessons/how-many-units-drop/');
  await revealed(region);
  await expect(region.getByRole('slider', { name: 'Chance (%)' })).toHaveValue('5');

  await region.getByRole('button', { name: 'Predict again' }).focus();
  await page.keyboard.press('Enter');
  await expect(region.getByRole('slider', { name: 'Chance (%)' })).toBeFocused();
  await expect(region.getByRole('slider', { name: 'Chance (%)' })).toBeEnabled();
  await expect(region.getByRole('img')).toHaveCount(0);
  await expect(region.getByRole('button', { name: 'Commit my prediction' })).toBeVisible();
  await page.reload();
  region = await prediction(page, '/lessons/how-many-units-drop/');
  await expect(region.getByRole('button', { name: 'Commit my prediction' })).toBeVisible();
  await expect(region.getByRole('img')).toHaveCount(0);
});

test('a choice picked by keyboard is revealed with both bars named, kept over a reload, and reset', async ({
  page,
}) => {
  const spec = predictionById('lab-overfits');
  if (spec.kind !== 'choice') throw new Error('lab-overfits is a choice');
  const wrong = spec.choices.find((choice) => choice.id !== spec.answer)!;
  let region = await prediction(page, '/lessons/the-lab/');
  await region.getByRole('radio').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(region.getByRole('radio', { name: 'The network without dropout' })).toBeChecked();
  expect(wrong.label).toBe('The network without dropout');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  const revealed = async (where: Locator) => {
    await expect(where.getByText(`You picked “${wrong.label}”, but the answer is ${answerText(spec)}.`)).toBeVisible();
    const chart = where.getByRole('img', {
      name: `Your guess, “${wrong.label}”, beside the answer, ${answerText(spec)}`,
    });
    await expect(chart.getByText('◆ answer', { exact: true })).toBeVisible();
    await expect(chart.getByText('● your guess', { exact: true })).toBeVisible();
    for (const choice of spec.choices) await expect(chart.getByText(choice.value.toFixed(spec.decimals))).toBeVisible();
    await expect(where.getByRole('radio', { name: wrong.label })).toBeDisabled();
  };
  await revealed(region);
  await page.reload();
  region = await prediction(page, '/lessons/the-lab/');
  await revealed(region);
  await expect(region.getByRole('radio', { name: wrong.label })).toBeChecked();

  await region.getByRole('button', { name: 'Predict again' }).press('Enter');
  await expect(region.getByRole('radio').first()).toBeFocused();
  await expect(region.getByRole('img')).toHaveCount(0);
  await expect(region.getByRole('radio', { name: wrong.label })).toBeEnabled();
});

test('a committed prediction travels in the progress file: exported, reset with the progress, imported back', async ({
  page,
}) => {
  const spec = predictionById('kept-fraction');
  let region = await prediction(page, '/lessons/bernoulli-masks/');
  await region.getByRole('slider', { name: 'Units kept (%)' }).fill('30');
  await region.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(region.getByRole('img')).toBeVisible();

  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Your progress' });
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export progress' }).click();
  const text = readFileSync(await (await downloading).path(), 'utf8');
  expect(JSON.parse(text).predictions).toEqual({ [spec.id]: 30 });

  await panel.getByRole('button', { name: 'Reset progress…' }).click();
  await page
    .getByRole('dialog', { name: 'Reset your progress?' })
    .getByRole('button', { name: 'Reset progress' })
    .click();
  region = await prediction(page, '/lessons/bernoulli-masks/');
  await expect(region.getByRole('button', { name: 'Commit my prediction' })).toBeVisible();
  await expect(region.getByRole('img')).toHaveCount(0);

  await page.goto('/');
  await panel
    .getByLabel('Import progress from a file')
    .setInputFiles({ name: 'dropout-lab-progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(panel.getByRole('status')).toHaveText(/^Imported dropout-lab-progress\.json\./);
  region = await prediction(page, '/lessons/bernoulli-masks/');
  await expect(region.getByText(`Your guess, ${guessText(spec, 30)}, is far too low`)).toBeVisible();
  await expect(region.getByRole('slider', { name: 'Units kept (%)' })).toHaveValue('30');
});

test('committing a choice before picking one asks for a pick and reveals nothing', async ({ page }) => {
  const region = await prediction(page, '/lessons/beyond-the-basic-recipe/');
  await region.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(region.getByText('Pick one of the answers first.')).toBeVisible();
  await expect(region.getByRole('img')).toHaveCount(0);
});

test('printed, a prediction shows its question and its answer, without controls', async ({ page }) => {
  const spec = predictionById('step-ratio');
  const region = await prediction(page, '/lessons/backpropagation-through-dropout/');
  await page.emulateMedia({ media: 'print' });
  // The static question and the printed answer; the live question (a legend) and the answer behind
  // "Show the answer" stay out of print.
  await expect(region.getByRole('paragraph').filter({ hasText: spec.question })).toBeVisible();
  await expect(region.locator('legend')).toBeHidden();
  const answers = region.getByText(`Answer: ${answerText(spec)}. ${spec.why}`);
  await expect(answers.filter({ visible: true })).toHaveCount(1);
  await expect(region.getByRole('button')).toHaveCount(0);
  await expect(region.getByRole('slider')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a prediction shows its question, with the answer behind "Show the answer"', async ({ page }) => {
    const spec = predictionById('kept-fraction');
    await page.goto('/lessons/bernoulli-masks/');
    const region = page.getByRole('region', { name: 'Predict first' });
    await expect(region.getByRole('paragraph').filter({ hasText: spec.question })).toBeVisible();
    const answer = region.getByRole('group').getByText(`Answer: ${answerText(spec)}. ${spec.why}`);
    await expect(answer).toBeHidden();
    await region.getByText('Show the answer').click();
    await expect(answer).toBeVisible();
    await expect(region.getByText(`Answer: ${answerText(spec)}. ${spec.why}`).filter({ visible: true })).toHaveCount(1);
    await expect(region.getByRole('button')).toHaveCount(0);
  });
});
