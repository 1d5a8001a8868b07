import type { Locator, Page } from '@playwright/test';
import { LAB_PRESETS } from '../../src/sim/presets.ts';
import { test, expect } from './fixtures.ts';
import { LESSON, openSimulation, statistic } from './helpers.ts';

test.use({ viewport: { width: 1280, height: 900 } });

/** Opens a lab or embed page and waits until its simulation has hydrated. */
async function open(page: Page, route: string, name: string): Promise<Locator> {
  await page.goto(route);
  const figure = page.getByRole('figure', { name });
  await expect(figure.locator('astro-island').first()).not.toHaveAttribute('ssr');
  // A shortcut acts on what the worker has sent: wait, as a reader would, until it is there.
  await expect(figure.locator('.sim-pending')).toHaveCount(0);
  return figure;
}

const help = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });

test('on the lab page the shortcuts act wherever the focus is, through the controls themselves', async ({ page }) => {
  const figure = await open(page, '/lab/training/', 'Simulation: train with and without dropout');
  const epoch = statistic(figure, 'Epoch');
  const p = figure.getByRole('slider', { name: 'Drop probability, hidden layer 1' });
  const pOutput = figure.locator(`output[for="${await p.getAttribute('id')}"]`);
  await expect(p).toHaveAttribute('aria-keyshortcuts', '[ ] - =');

  await page.keyboard.press('s');
  await expect(epoch).toHaveText('1 of 400');
  await page.keyboard.press('s');
  await expect(epoch).toHaveText('2 of 400');
  await page.keyboard.press('k');
  await expect(figure.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press('k');
  await expect(figure.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
  // Space plays and pauses too while no button has the focus.
  await page.keyboard.press(' ');
  await expect(figure.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(figure.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
  await page.keyboard.press('r');
  await expect(epoch).toHaveText('0 of 400');
  await expect(figure.getByRole('button', { name: 'Train', exact: true })).toBeVisible();

  await page.keyboard.press(']');
  await expect(p).toHaveValue('0.55');
  await expect(pOutput).toHaveText('p = 0.55');
  await expect(page).toHaveURL(/lab\.p=0\.55/);
  await page.keyboard.press('[');
  await page.keyboard.press('-');
  await expect(pOutput).toHaveText('p = 0.45');
  await page.keyboard.press('+');
  await expect(pOutput).toHaveText('p = 0.50');

  const ids = Object.keys(LAB_PRESETS);
  const preset = figure.getByRole('combobox', { name: 'Preset' });
  await expect(preset).toHaveValue(ids[0] ?? '');
  await page.keyboard.press('n');
  await expect(preset).toHaveValue(ids[1] ?? '');
  await expect(figure.getByText(LAB_PRESETS[ids[1] as keyof typeof LAB_PRESETS].point, { exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`lab\\.preset=${ids[1]}`));
});

test('shortcuts stay quiet while typing in a field and with Ctrl held, and Space keeps pressing buttons', async ({
  page,
}) => {
  const figure = await open(page, '/lab/training/', 'Simulation: train with and without dropout');
  const epoch = statistic(figure, 'Epoch');
  await figure.getByText('More settings').filter({ visible: true }).click();
  const epochs = figure.getByRole('spinbutton', { name: 'Epochs', exact: true });
  await epochs.focus();
  for (const key of ['s', 'r', '?', 'k', ']', 'n', 'f']) await page.keyboard.press(key);
  await expect(epoch).toHaveText('0 of 400');
  await expect(help(page)).toHaveCount(0);
  await expect(figure.getByRole('slider', { name: 'Drop probability, hidden layer 1' })).toHaveValue('0.5');
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'false');
  await expect(epochs).toBeFocused();

  await figure.getByRole('button', { name: 'Reset', exact: true }).focus();
  await page.keyboard.press('Control+]');
  await expect(figure.getByRole('slider', { name: 'Drop probability, hidden layer 1' })).toHaveValue('0.5');
  // Space on a focused button presses that button, not play.
  await figure.getByRole('button', { name: 'Step one epoch' }).focus();
  await page.keyboard.press(' ');
  await expect(epoch).toHaveText('1 of 400');
  await expect(figure.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
});

test('in a lesson the shortcuts act only on the simulation that holds the focus', async ({ page }) => {
  await page.goto(LESSON);
  const figure = await openSimulation(page);
  const draws = statistic(figure, 'Draws');
  await page.getByRole('link', { name: 'Skip to content' }).focus();
  await page.keyboard.press('s');
  await page.keyboard.press('?');
  await expect(draws).toHaveText('0 of 400');
  await expect(help(page)).toHaveCount(0);

  const slider = figure.getByRole('slider', { name: 'Drop probability p' });
  await slider.focus();
  await page.keyboard.press('s');
  await expect(draws).toHaveText('1 of 400');
  await page.keyboard.press(']');
  await expect(figure.getByRole('status').filter({ hasText: 'p = 0.55, keep probability q = 0.45' })).toBeVisible();
  // The slider's own arrow keys are untouched.
  await page.keyboard.press('ArrowLeft');
  await expect(figure.getByRole('status').filter({ hasText: 'p = 0.50, keep probability q = 0.50' })).toBeVisible();
  await page.keyboard.press('?');
  await expect(help(page)).toContainText('These keys work while the focus is in this simulation');
  await expect(help(page).getByRole('term')).toHaveText(['Space or K', 'S', 'R', '[ or -', '] or + or =', '?']);
  await page.keyboard.press('Escape');
  await expect(help(page)).toBeHidden();
  await expect(slider).toBeFocused();
});

test('a new seed, the next layer size and p: the shortcuts of the drop counts', async ({ page }) => {
  const figure = await open(page, '/lab/drop-counts/', 'Simulation: how many units drop');
  const sizes = figure.getByRole('group', { name: 'Layer sizes' });
  const n = figure.getByRole('spinbutton', { name: 'Layer size n' });
  await page.keyboard.press('n');
  await expect(n).toHaveValue('10');
  await expect(sizes.getByRole('button', { name: '10', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('n');
  await expect(n).toHaveValue('100');
  const seed = figure.getByRole('spinbutton', { name: 'Seed', exact: true });
  await expect(seed).toHaveValue('1');
  await page.keyboard.press('s');
  await expect(seed).not.toHaveValue('1');
  // One step of this slider is 0.01.
  await page.keyboard.press('[');
  await expect(figure.getByRole('status').filter({ hasText: /^p = 0\.49$/ })).toBeVisible();

  await page.keyboard.press('?');
  await expect(help(page).getByRole('definition')).toHaveText([
    'New seed: sample new masks',
    'Lower the drop probability p by one step',
    'Raise the drop probability p by one step',
    'Next layer size: 10, 100, 10,000, 100,000',
    'Enter or leave presenter mode',
    'Show this list of shortcuts',
  ]);
});

test('an embed with locked settings offers no shortcut that would change them', async ({ page }) => {
  const figure = await open(page, '/embed/sim/drop-counts/?controls=locked', 'Simulation: how many units drop');
  await page.keyboard.press(']');
  await page.keyboard.press('s');
  await page.keyboard.press('n');
  await expect(figure.getByRole('slider', { name: 'Drop probability p' })).toHaveValue('0.5');
  await expect(figure.getByRole('spinbutton', { name: 'Seed', exact: true })).toHaveValue('1');
  await expect(figure.getByRole('spinbutton', { name: 'Layer size n' })).toHaveValue('1024');
  await page.keyboard.press('?');
  await expect(help(page).getByRole('definition')).toHaveText([
    'Enter or leave presenter mode',
    'Show this list of shortcuts',
  ]);
});

test('single-key shortcuts can be turned off in the list, and stay off', async ({ page }) => {
  const figure = await open(page, '/lab/bernoulli-draws/', 'Simulation: one unit under dropout');
  const draws = statistic(figure, 'Draws');
  await page.keyboard.press('?');
  const on = help(page).getByRole('checkbox', { name: 'Single-key shortcuts on' });
  await expect(on).toBeChecked();
  await on.uncheck();
  await help(page).getByRole('button', { name: 'Close' }).click();

  await page.reload();
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  // With the draws there, "s" could draw one: that it does not is the shortcut being off.
  await expect(figure.locator('.sim-pending')).toHaveCount(0);
  await page.keyboard.press('s');
  await page.keyboard.press('f');
  await page.keyboard.press('?');
  await expect(draws).toHaveText('0 of 400');
  await expect(help(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'false');

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(on).not.toBeChecked();
  await on.check();
  await help(page).getByRole('button', { name: 'Close' }).click();
  await page.keyboard.press('s');
  await expect(draws).toHaveText('1 of 400');
});
