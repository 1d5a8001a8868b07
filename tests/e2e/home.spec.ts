import type { Locator, Page } from '@playwright/test';
import { DROP_P, HIDDEN, HIDDEN_UNITS, SEED, STEP_MS } from '../../src/islands/home/mask-network.ts';
import { droppedCount, maskFrame } from '../../src/sim/mask-frames.ts';
import { test, expect } from './fixtures.ts';
import { expectNoAxeViolations, statistic } from './helpers.ts';

/**
 * The course home as a newcomer meets it: a live figure of dropout masks above the fold, which
 * keeps still for a reader who prefers reduced motion, and a link that picks the course up where
 * the learner left it.
 */

const NAME = /^A network with 4 inputs, two hidden layers of 7 units/;

/** The home's live figure, hydrated. */
async function liveFigure(page: Page): Promise<Locator> {
  await page.goto('/');
  const figure = page.locator('figure.mask-flicker');
  await expect(figure.getByRole('img', { name: NAME })).toBeVisible();
  await expect(figure.getByRole('button', { name: 'Next step' })).toBeEnabled();
  return figure;
}

/** What the figure says of step `step` (0, 1, …), from the course's own mask code. */
const dropped = (step: number) => `${droppedCount(maskFrame(SEED, step, HIDDEN, DROP_P))} of ${HIDDEN_UNITS}`;

test('the figure is above the fold at 320 px and at 1280 px, and passes axe', async ({ page }) => {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const figure = await liveFigure(page);
    const box = await figure.getByRole('img', { name: NAME }).boundingBox();
    expect(box, `the network at ${width} px`).not.toBeNull();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(800);
  }
  await expectNoAxeViolations(page);
});

test('the masks change on their own, and pause and step by keyboard', async ({ page }) => {
  const figure = await liveFigure(page);
  await expect(statistic(figure, 'Step')).not.toHaveText('1', { timeout: 4 * STEP_MS });
  const pause = figure.getByRole('button', { name: 'Pause the masks' });
  await pause.focus();
  await page.keyboard.press('Enter');
  await expect(figure.getByRole('button', { name: 'Play the masks' })).toBeFocused();
  const paused = Number(await statistic(figure, 'Step').textContent());
  await page.waitForTimeout(2 * STEP_MS);
  await expect(statistic(figure, 'Step')).toHaveText(String(paused));
  // Each step's count is the one the course's code draws for that step.
  await expect(statistic(figure, 'Dropped this step')).toHaveText(dropped(paused - 1));
  await page.keyboard.press('Tab');
  await expect(figure.getByRole('button', { name: 'Next step' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(statistic(figure, 'Step')).toHaveText(String(paused + 1));
  await expect(statistic(figure, 'Dropped this step')).toHaveText(dropped(paused));
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the figure keeps still until the reader asks for the next mask', async ({ page }) => {
    const figure = await liveFigure(page);
    await expect(figure.getByRole('button', { name: 'Play the masks' })).toBeVisible();
    await page.waitForTimeout(2 * STEP_MS);
    await expect(statistic(figure, 'Step')).toHaveText('1');
    await expect(statistic(figure, 'Dropped this step')).toHaveText(dropped(0));
    await figure.getByRole('button', { name: 'Next step' }).click();
    await expect(statistic(figure, 'Step')).toHaveText('2');
    const mean =
      (droppedCount(maskFrame(SEED, 0, HIDDEN, DROP_P)) + droppedCount(maskFrame(SEED, 1, HIDDEN, DROP_P))) / 2;
    await expect(statistic(figure, 'Mean so far')).toHaveText(mean.toFixed(2));
  });
});

test('the hero link starts the course, then continues where the learner left it', async ({ page }) => {
  await page.goto('/');
  const start = page.getByRole('link', { name: 'Start with lesson 1: Why dropout' });
  await expect(start).toHaveAttribute('href', '/lessons/why-dropout/');
  await page.evaluate(() =>
    localStorage.setItem('dropout-lab:lessons-read', JSON.stringify({ v: 1, read: ['why-dropout'] })),
  );
  await page.reload();
  const next = page.getByRole('link', { name: /^Continue with lesson 2: / });
  await expect(next).toHaveAttribute('href', '/lessons/bernoulli-masks/');
  await next.click();
  await expect(page).toHaveURL('/lessons/bernoulli-masks/');
});
