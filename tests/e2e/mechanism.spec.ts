import type { Locator, Page } from '@playwright/test';
import { formatNumber, formatPercent } from '../../src/lib/format.ts';
import { binomialPmf, binomialWithin } from '../../src/sim/binomial.ts';
import { exampleLayer, testPreActivation, trainingMoments } from '../../src/sim/layer-samples.ts';
import { streamRng, Stream } from '../../src/sim/random.ts';
import { fillBernoulliMask } from '../../src/sim/sampling.ts';
import { thinnedNetwork, thinnedPass } from '../../src/sim/thinned.ts';
import { test, expect } from './fixtures.ts';
import { readNumber, statistic } from './helpers.ts';

test.use({ viewport: { width: 1280, height: 900 } });

/** A simulation by its caption, scrolled into view (which hydrates it) and hydrated. */
async function open(page: Page, caption: string): Promise<Locator> {
  const figure = page.getByRole('figure', { name: `Simulation: ${caption}` });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  return figure;
}

/** Moves focus with Tab until `target` has it: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  // Enough presses to go round a lesson page with several simulations, each with its own tools.
  for (let presses = 0; presses < 160; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the control');
}

test.describe('how many units drop', () => {
  test('by keyboard alone: set n, read exact binomial facts, jump to the 1024 example', async ({ page }) => {
    await page.goto('/lessons/how-many-units-drop/');
    const figure = await open(page, 'how many units drop');
    await page.getByRole('link', { name: 'Skip to content' }).focus();

    await tabTo(page, figure.getByLabel('Layer size n', { exact: true }));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('100');
    await page.keyboard.press('Tab');
    await expect(statistic(figure, 'Mean np')).toHaveText('50.0');
    await expect(statistic(figure, 'SD √(npq)')).toHaveText('5.00');
    await expect(statistic(figure, 'P(exactly 50)')).toHaveText(formatPercent(binomialPmf(50, 100, 0.5)));
    await expect(statistic(figure, 'P(within ±16)')).toHaveText(formatPercent(binomialWithin(16, 100, 0.5)));

    await tabTo(page, figure.getByRole('button', { name: 'Show n = 1024, p = 0.5' }));
    await page.keyboard.press('Enter');
    await expect(statistic(figure, 'P(exactly 512)')).toHaveText('2.49 %');
    await expect(figure.getByLabel('Layer size n', { exact: true })).toHaveValue('1024');

    // The sampled fraction of masks with exactly 512 dropped, against the exact 2.49 %: 10 000
    // masks give a standard error of √(0.0249·0.975/10 000) ≈ 0.16 points; allow 4 of them.
    const sampled = statistic(figure, 'Sampled: exactly 512');
    await expect(sampled).toHaveText(/%$/);
    const percent = Number(((await sampled.textContent()) ?? '').replace(' %', ''));
    expect(Math.abs(percent - 2.4928)).toBeLessThan(4 * 0.156);
    await expect(figure.getByText(/Exactly 512 drop with probability 2\.49 %.*In 10000 sampled masks/)).toHaveAttribute(
      'aria-live',
      'polite',
    );
  });

  test('the URL sets the state, clamps bad values with a notice, and follows changes', async ({ page }) => {
    await page.goto('/lab/drop-counts/?counts.n=200&counts.p=0.3');
    const figure = await open(page, 'how many units drop');
    await expect(statistic(figure, 'Mean np')).toHaveText('60.0');
    await expect(figure.getByRole('button', { name: 'Show n = 1024, p = 0.5' })).toBeVisible();

    await page.goto('/lab/drop-counts/?counts.n=0&counts.p=2');
    const clamped = await open(page, 'how many units drop');
    await expect(clamped.getByText(/layer size n = 0, but it must be from 1 to 100000.*using 1\./)).toBeVisible();
    await expect(clamped.getByText(/drop probability p = 2, but .*using 0\.95\./)).toBeVisible();
    await expect(statistic(clamped, 'Mean np')).toHaveText(formatNumber(1 * 0.95, 1));

    await clamped.getByRole('button', { name: '10,000' }).click();
    await expect(page).toHaveURL(/counts\.n=10000/);
    await page.reload();
    const reloaded = await open(page, 'how many units drop');
    await expect(statistic(reloaded, 'Mean np')).toHaveText(formatNumber(10_000 * 0.95, 1));
  });
});

test.describe('the next unit’s input over many masks', () => {
  const layer = exampleLayer(streamRng(1, Stream.data));

  test('by keyboard: every mode shows its exact training mean and its test value', async ({ page }) => {
    await page.goto('/lessons/train-test-scaling/');
    const figure = await open(page, 'the next unit’s input over many masks');
    await tabTo(page, figure.getByLabel('Dropout mode', { exact: true }));
    // The lesson opens at scale-by-p, p = 0.2: the test network is off by q/p = 4.
    await expect(figure.getByLabel('Dropout mode', { exact: true })).toHaveValue('scale-by-p');
    const exact = trainingMoments(layer, 'scale-by-p', 0.2);
    await expect(statistic(figure, 'Training mean (exact)')).toHaveText(formatNumber(exact.mean));
    await expect(statistic(figure, 'Test network')).toHaveText(
      formatNumber(testPreActivation(layer, 'scale-by-p', 0.2)!),
    );
    await expect(statistic(figure, 'Test matches training mean?')).toHaveText('no');

    // Up from scale-by-p is gaussian, then classic, then inverted.
    for (const mode of ['gaussian', 'classic', 'inverted'] as const) {
      await page.keyboard.press('ArrowUp');
      await expect(figure.getByLabel('Dropout mode', { exact: true })).toHaveValue(mode);
      const moments = trainingMoments(layer, mode, 0.2);
      await expect(statistic(figure, 'Training mean (exact)')).toHaveText(formatNumber(moments.mean));
      await expect(statistic(figure, 'Variance (exact)')).toHaveText(formatNumber(moments.variance));
      await expect(statistic(figure, 'Test matches training mean?')).toHaveText('yes');
      // 10 000 masks: the sampled mean is within 4 standard errors of the exact one.
      const sampled = await readNumber(statistic(figure, 'Training mean (sampled)'));
      expect(Math.abs(sampled - moments.mean)).toBeLessThan(4 * Math.sqrt(moments.variance / 10_000) + 0.005);
    }
  });

  test('dropout left on at evaluation has no single test value', async ({ page }) => {
    await page.goto('/lab/expected-value/?ev.mode=on-at-eval');
    const figure = await open(page, 'the next unit’s input over many masks');
    await expect(statistic(figure, 'Test network')).toHaveText('random');
    await expect(figure.getByText(/its output is random/)).toBeVisible();
  });
});

test.describe('toggle the units of a network', () => {
  const network = thinnedNetwork(streamRng(1, Stream.init));

  test('by keyboard: drop a unit, watch the output, sample masks', async ({ page }) => {
    await page.goto('/lessons/bernoulli-masks/');
    const figure = await open(page, 'toggle the units of a network');
    await expect(statistic(figure, 'Possible thinned networks')).toHaveText('210 = 1,024');

    const unit = figure.getByRole('button', { name: /^Hidden layer 1 unit 3: kept/ });
    await tabTo(page, unit);
    await page.keyboard.press('Space');
    await expect(figure.getByRole('button', { name: 'Hidden layer 1 unit 3: dropped' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(statistic(figure, 'Hidden units kept')).toHaveText('9 of 10');
    const mask = Uint8Array.from('1101111111', Number);
    const expected = thinnedPass(network, mask, 0.5, 'none');
    const outputRow = figure.getByRole('row', { name: /^Output ŷ/ });
    await expect(outputRow.getByRole('cell').last()).toHaveText(formatNumber(expected[3]!.a[0]!, 3));
    await expect(page).toHaveURL(/toggle\.mask=1101111111/);

    await tabTo(page, figure.getByRole('button', { name: 'Sample a mask' }));
    await page.keyboard.press('Enter');
    await expect(statistic(figure, 'Masks sampled')).toHaveText('1');
    // The worker draws the first mask of seed 1's mask stream: the same one computed here.
    const sampled = new Uint8Array(10);
    const keptCount = fillBernoulliMask(sampled, 0.5, streamRng(1, Stream.mask));
    await expect(page).toHaveURL(new RegExp(`toggle\\.mask=${Array.from(sampled).join('')}`));
    await expect(statistic(figure, 'Hidden units kept')).toHaveText(`${keptCount} of 10`);
    await expect(figure.locator('[aria-pressed="true"]')).toHaveCount(keptCount);
  });

  test('a mask in the URL comes back, and the classic test view keeps every unit', async ({ page }) => {
    await page.goto('/lab/neuron-toggling/?toggle.mask=1010101010&toggle.scaling=inverted&toggle.p=0.25');
    const figure = await open(page, 'toggle the units of a network');
    await expect(statistic(figure, 'Hidden units kept')).toHaveText('5 of 10');
    const expected = thinnedPass(network, Uint8Array.from('1010101010', Number), 0.25, 'inverted');
    const outputRow = figure.getByRole('row', { name: /^Output ŷ/ });
    await expect(outputRow.getByRole('cell').last()).toHaveText(formatNumber(expected[3]!.a[0]!, 3));

    await figure.getByLabel('Classic at test: every unit, times q').check();
    await expect(statistic(figure, 'Hidden units kept')).toHaveText('10 of 10');
    await expect(figure.getByRole('button', { name: /^Hidden layer/ })).toHaveCount(0);
  });
});

test.describe('classic and inverted dropout side by side', () => {
  test('by keyboard: both test networks match their own training means for every p', async ({ page }) => {
    await page.goto('/lessons/train-test-scaling/');
    const figure = await open(page, 'classic and inverted dropout side by side');
    await tabTo(page, figure.getByLabel('Drop probability p', { exact: true }));
    await page.keyboard.press('ArrowRight');
    await expect(figure.getByText('p = 0.55, q = 0.45')).toBeVisible();
    const layer = exampleLayer(streamRng(1, Stream.data));
    for (const [name, mode] of [
      ['Classic dropout', 'classic'],
      ['Inverted dropout', 'inverted'],
    ] as const) {
      const column = figure.getByRole('region', { name });
      const mean = trainingMoments(layer, mode, 0.55).mean;
      await expect(statistic(column, 'Training mean')).toHaveText(formatNumber(mean));
      await expect(statistic(column, 'Test network')).toHaveText(formatNumber(testPreActivation(layer, mode, 0.55)!));
      await expect(statistic(column, 'Sampled mean')).not.toHaveText('–');
    }
    await expect(page).toHaveURL(/scaling\.p=0\.55/);
  });
});

test.describe('one unit under dropout', () => {
  test('reads its state from the URL and clamps a bad value with a notice', async ({ page }) => {
    await page.goto('/lab/bernoulli-draws/?draws.p=0.3&draws.h=2&draws.scaling=inverted');
    const figure = await open(page, 'one unit under dropout');
    await expect(figure.getByText('p = 0.30, keep probability q = 0.70')).toBeVisible();
    await expect(statistic(figure, 'Expected h')).toHaveText('2.00');

    await page.goto('/lab/bernoulli-draws/?draws.p=5');
    const clamped = await open(page, 'one unit under dropout');
    await expect(clamped.getByText(/drop probability p = 5, but .*using 0\.95\./)).toBeVisible();
  });
});

test('each lesson simulation links to its full-page view, which runs the same simulation', async ({ page }) => {
  await page.goto('/lessons/how-many-units-drop/');
  const figure = await open(page, 'how many units drop');
  await figure.getByRole('link', { name: /Full-page view/ }).click();
  await expect(page).toHaveURL(/\/lab\/drop-counts\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'How many units drop' })).toBeVisible();
  const lab = await open(page, 'how many units drop');
  await expect(statistic(lab, 'P(exactly 512)')).toHaveText('2.49 %');
  await expect(lab.getByRole('link', { name: /Full-page view/ })).toHaveCount(0);
});
