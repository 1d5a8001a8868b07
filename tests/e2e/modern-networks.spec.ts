import type { Locator, Page } from '@playwright/test';
import { recurrentMasks, type TimeMaskState } from '../../src/islands/recurrent-masks/definition.ts';
import { describeTimeMasks, timeMaskPicture } from '../../src/islands/recurrent-masks/summary.ts';
import { stochasticDepth, type DepthState } from '../../src/islands/stochastic-depth/definition.ts';
import { depthPicture, describeDepth } from '../../src/islands/stochastic-depth/summary.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { test, expect } from './fixtures.ts';
import { statistic } from './helpers.ts';

test.use({ viewport: { width: 1280, height: 900 } });

const LESSON = '/lessons/dropout-in-modern-networks/';

/** A simulation of the page, scrolled into view (which hydrates it) and hydrated. */
async function open(page: Page, title: string): Promise<Locator> {
  const figure = page.getByRole('figure', { name: `Simulation: ${title}` });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  return figure;
}

/** Whether the focused element draws its focus (an outline or a ring). */
function focusDrawn(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement)) return false;
    const style = getComputedStyle(element);
    return (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
  });
}

async function expectDepth(figure: Locator, state: DepthState): Promise<void> {
  const picture = depthPicture(state);
  await expect(statistic(figure, 'Expected depth')).toHaveText(`${formatNumber(picture.expected)} of ${state.blocks}`);
  await expect(statistic(figure, 'Mean sampled depth')).toHaveText(formatNumber(picture.meanDepth));
  await expect(figure.locator('.sim-summary')).toHaveText(describeDepth(state, picture));
}

async function expectMasks(figure: Locator, state: TimeMaskState): Promise<void> {
  await expect(figure.locator('.sim-summary')).toHaveText(describeTimeMasks(state, timeMaskPicture(state)));
}

test('in the lesson, by keyboard: the last block’s p and the rule change the depth the charts and summary show', async ({
  page,
}) => {
  await page.goto(LESSON);
  const figure = await open(page, stochasticDepth.title);
  const state = stochasticDepth.start({});
  await expectDepth(figure, state);
  await expect(figure.getByRole('img', { name: /blocks each of 12 minibatches keeps/ })).toBeVisible();
  await expect(figure.getByRole('img', { name: /number of active blocks/ })).toBeVisible();

  const p = figure.getByLabel('Drop probability of the last block');
  await p.focus();
  expect(await focusDrawn(page)).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expect(p).toHaveValue('0.55');
  await expectDepth(figure, { ...state, p: 0.55 });

  const linear = figure.getByRole('radio', { name: /Linear/ });
  await linear.focus();
  expect(await focusDrawn(page)).toBe(true);
  await page.keyboard.press('ArrowDown');
  await expect(figure.getByRole('radio', { name: /Uniform/ })).toBeChecked();
  await expectDepth(figure, { ...state, p: 0.55, rule: 'uniform' });
});

test('in the lesson, by keyboard: p and the number of steps change both grids of masks', async ({ page }) => {
  await page.goto(LESSON);
  const figure = await open(page, recurrentMasks.title);
  const state = recurrentMasks.start({});
  await expectMasks(figure, state);
  await expect(figure.getByRole('img', { name: /one mask per sequence/ })).toBeVisible();

  const p = figure.getByLabel('Drop probability p');
  await p.focus();
  expect(await focusDrawn(page)).toBe(true);
  await page.keyboard.press('ArrowLeft');
  await expect(p).toHaveValue('0.45');
  await expectMasks(figure, { ...state, p: 0.45 });

  const steps = figure.getByLabel('Time steps T');
  await steps.focus();
  await page.keyboard.press('End');
  await expect(steps).toHaveValue('40');
  await expectMasks(figure, { ...state, p: 0.45, steps: 40 });
  await expect(statistic(figure, 'One mask per sequence: dropped again')).toHaveText('100 %');
});

test('the full-page views read their state from the URL and keep a change there', async ({ page }) => {
  await page.goto('/lab/stochastic-depth/?depth.blocks=10&depth.rule=uniform&depth.seed=4');
  const depth = await open(page, stochasticDepth.title);
  await expectDepth(depth, { blocks: 10, p: 0.5, rule: 'uniform', seed: 4 });

  await page.goto('/lab/recurrent-masks/?rnn.p=0.2&rnn.units=16&rnn.seed=2');
  const masks = await open(page, recurrentMasks.title);
  const state: TimeMaskState = { p: 0.2, steps: 20, units: 16, seed: 2 };
  await expectMasks(masks, state);
  const units = masks.getByLabel('Units of the layer');
  await units.focus();
  await page.keyboard.press('ArrowRight');
  await expectMasks(masks, { ...state, units: 20 });
  await expect.poll(() => page.url()).toContain('rnn.units=20');
});
