import type { Locator, Page } from '@playwright/test';
import { presetState, runSettings } from '../../src/islands/training/summary.ts';
import { MC_FIXED, uncertaintyInsideOutside } from '../../src/islands/monte-carlo/summary.ts';
import { formatNumber, formatPercent } from '../../src/lib/format.ts';
import { curveInputs, monteCarloCurve } from '../../src/sim/monte-carlo-curve.ts';
import { makeDataset } from '../../src/sim/datasets.ts';
import { datasetExtent, GridEvaluator } from '../../src/sim/decision-grid.ts';
import { streamRng, Stream } from '../../src/sim/random.ts';
import { LAB_PRESETS } from '../../src/sim/presets.ts';
import { DENSE_WASM_BASE64 } from '../../src/sim/wasm/dense-module.ts';
import { NETWORK_WASM_BASE64 } from '../../src/sim/wasm/network-module.ts';
import { appendEpoch, bestValidation, emptyCurves } from '../../src/sim/run-curves.ts';
import { pairedTrainers, trainerPair } from '../../src/sim/train.ts';
import { test, expect } from './fixtures.ts';
import { statistic } from './helpers.ts';

test.use({ viewport: { width: 1280, height: 900 } });

/** The pixels of a decision map as drawn: its width and RGBA bytes. */
async function mapPixels(map: Locator): Promise<{ width: number; rgba: number[] }> {
  const href = await map.locator('image').getAttribute('href');
  return map.page().evaluate(async (source) => {
    const image = new Image();
    image.src = source ?? '';
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    context?.drawImage(image, 0, 0);
    const data = context?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
    return { width: canvas.width, rgba: Array.from(data) };
  }, href);
}

async function openLab(page: Page, query = ''): Promise<Locator> {
  await page.goto(`/lab/training/${query}`);
  const figure = page.getByRole('figure', { name: 'Simulation: train with and without dropout' });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  return figure;
}

test('the default preset, trained by keyboard, shows dropout reducing overfitting with the numbers src/sim computes', async ({
  page,
}) => {
  // The same paired run in Node: the worker in the browser must report exactly these losses.
  const { dataset, training, epochs } = runSettings(presetState('overfits'));
  const { train, validation } = makeDataset(dataset);
  const { withDropout, withoutDropout } = pairedTrainers(training, train);
  for (let e = 0; e < epochs; e++) {
    withDropout.trainEpoch();
    withoutDropout.trainEpoch();
  }
  const expected = {
    with: formatNumber(withDropout.evaluate(validation).loss),
    without: formatNumber(withoutDropout.evaluate(validation).loss),
  };
  // The final decision map of the run with dropout, at the resolution the page draws.
  const resolution = 40;
  const grid = new Float64Array(resolution ** 2);
  new GridEvaluator(training.shape, datasetExtent(train, validation), resolution).evaluate(
    withDropout.network,
    { mode: training.dropout.mode, p: withDropout.currentDrop },
    streamRng(0, Stream.mask),
    grid,
  );

  const figure = await openLab(page);
  await figure.getByRole('button', { name: 'Train' }).focus();
  await page.keyboard.press('Enter');
  await expect(figure.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(statistic(figure, 'Epoch')).toHaveText(`${epochs} of ${epochs}`, { timeout: 90_000 });
  await expect(statistic(figure, 'Validation loss, with dropout')).toHaveText(expected.with);
  await expect(statistic(figure, 'Validation loss, without')).toHaveText(expected.without);
  expect(Number(expected.with)).toBeLessThan(Number(expected.without));
  await expect(
    figure.getByText(
      `After ${epochs} epochs: validation loss ${expected.with} with dropout, ${expected.without} without.`,
    ),
  ).toHaveAttribute('aria-live', 'polite');
  await expect(figure.getByRole('img', { name: /^Loss curves\. After 400 epochs/ })).toBeVisible();
  // Each cell of the map is the class the trained network predicts there, as opaque as it is sure.
  const map = figure.getByRole('img', { name: /^Decision boundary with dropout/ });
  await expect(map).toBeVisible();
  await expect(async () => {
    const { width, rgba } = await mapPixels(map);
    expect(width).toBe(resolution);
    grid.forEach((p, k) => {
      const [r = 0, b = 0, alpha = 0] = [rgba[4 * k], rgba[4 * k + 2], rgba[4 * k + 3]];
      expect(Math.abs(alpha - Math.round(Math.abs(p - 0.5) * 340)), `opacity of cell ${k}`).toBeLessThanOrEqual(1);
      if (alpha >= 16) expect(r > b ? 1 : 0, `class of cell ${k}`).toBe(p >= 0.5 ? 1 : 0);
    });
  }).toPass({ timeout: 10_000 });
  expect(grid.some((p) => p > 0.9) && grid.some((p) => p < 0.1), 'the map shows both classes').toBe(true);
});

test('a second dropout configuration, chosen by keyboard, trains beside the first, with its accuracy and best epoch', async ({
  page,
}) => {
  // The run the page should train: the first preset for 40 epochs, beside it p = 0.45 annealed.
  const state = {
    ...presetState('overfits'),
    epochs: 40,
    pair: 'dropout',
    pairP: 0.45,
    pairSchedule: 'linear',
  } as const;
  const { dataset, training, second, epochs } = runSettings(state);
  const { train, validation } = makeDataset(dataset);
  const runs = Object.values(trainerPair(training, train, second));
  const curves = runs.map(() => emptyCurves());
  for (let e = 0; e < epochs; e++) {
    runs.forEach((run, r) => {
      run.trainEpoch();
      appendEpoch(curves[r]!, run.evaluate(train), run.evaluate(validation));
    });
  }
  const annealed = curves[1]!;
  const best = bestValidation(
    annealed,
    Array.from({ length: epochs }, (_, i) => i + 1),
  )!;
  const percent = (fraction: number) => formatPercent(fraction, 1);

  const figure = await openLab(page, '?lab.epochs=40');
  await figure.getByLabel('Second run', { exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(figure.getByLabel('Second run', { exact: true })).toHaveValue('dropout');
  await expect(figure.getByRole('radio', { name: 'Annealed to 0' }).last()).toBeChecked();
  await figure.getByLabel('Second run’s drop probability, both hidden layers').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/lab\.pair=dropout/);
  await expect(page).toHaveURL(/lab\.pairP=0\.45/);
  await expect(figure.getByRole('heading', { name: 'Annealed p = 0.45' })).toBeVisible();

  await figure.getByRole('button', { name: 'Train' }).press('Enter');
  await expect(statistic(figure, 'Epoch')).toHaveText('40 of 40', { timeout: 60_000 });
  await expect(statistic(figure, 'Validation loss, with annealed p = 0.45')).toHaveText(
    formatNumber(annealed.validationLoss.at(-1)!),
  );
  await expect(statistic(figure, 'Validation accuracy, with annealed p = 0.45')).toHaveText(
    percent(annealed.validationAccuracy.at(-1)!),
  );
  await expect(statistic(figure, 'Validation accuracy, with constant p = 0.50')).toHaveText(
    percent(curves[0]!.validationAccuracy.at(-1)!),
  );
  await expect(statistic(figure, 'Best validation epoch, with annealed p = 0.45')).toHaveText(
    `epoch ${best.epoch}: loss ${formatNumber(best.loss)}, accuracy ${percent(best.accuracy)}; at the end ` +
      `${formatNumber(annealed.validationLoss.at(-1)!)}, ${percent(annealed.validationAccuracy.at(-1)!)}`,
  );
  const accuracy = figure.getByRole('img', {
    name: /^Accuracy curves\. Validation accuracy .* with annealed p = 0\.45/,
  });
  await expect(accuracy).toBeVisible();
  await expect(accuracy.getByText('best: annealed p = 0.45')).toBeVisible();
  await expect(figure.getByRole('img', { name: /^Loss curves\./ }).getByText('best: constant p = 0.50')).toBeVisible();
  await expect(figure.getByText('solid: validation, dashed: training')).toContainText('annealed p = 0.45');

  // Back to the default: the second run is again the network without dropout.
  await figure.getByLabel('Second run', { exact: true }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(statistic(figure, 'Validation loss, without')).toHaveText('–');
  await expect(page).toHaveURL(/lab\.pair=none/);
});

test('step, pause and resume move training an epoch at a time, and a setting change starts over', async ({ page }) => {
  const figure = await openLab(page);
  const step = figure.getByRole('button', { name: 'Step one epoch' });
  await step.click();
  await expect(statistic(figure, 'Epoch')).toHaveText('1 of 400');
  await step.click();
  await expect(statistic(figure, 'Epoch')).toHaveText('2 of 400');
  await figure.getByRole('button', { name: 'Resume' }).click();
  await figure.getByRole('button', { name: 'Pause' }).click();
  await expect(figure.getByRole('button', { name: 'Resume' })).toBeVisible();
  // Paused: once the worker has delivered the epochs it trained before it saw the pause (they
  // are flushed with its confirmation), the epoch count holds still. A run that kept training
  // would never pass this.
  let epochText = '';
  await expect(async () => {
    epochText = (await statistic(figure, 'Epoch').textContent()) ?? '';
    await page.waitForTimeout(500);
    expect(await statistic(figure, 'Epoch').textContent()).toBe(epochText);
  }).toPass({ timeout: 10_000 });
  expect(epochText).not.toBe('400 of 400');

  await figure.getByLabel('Dataset').selectOption('circles');
  await expect(statistic(figure, 'Epoch')).toHaveText('0 of 400');
  await expect(figure.getByRole('button', { name: 'Train' })).toBeVisible();
  await expect(page).toHaveURL(/lab\.dataset=circles/);
});

test('every preset trains', async ({ page }) => {
  const figure = await openLab(page);
  for (const [id, preset] of Object.entries(LAB_PRESETS)) {
    await figure.getByLabel('Preset').selectOption(id);
    await expect(figure.getByText(preset.point, { exact: true })).toBeVisible();
    await figure.getByRole('button', { name: 'Train' }).click();
    await expect
      .poll(async () => Number(((await statistic(figure, 'Epoch').textContent()) ?? '0').split(' ')[0]))
      .toBeGreaterThan(5);
    await expect(statistic(figure, 'Validation loss, with dropout')).not.toHaveText('–');
    await figure.getByRole('button', { name: 'Reset' }).click();
  }
});

test('a diverging learning rate stops training with a plain message, and Reset recovers', async ({ page }) => {
  const figure = await openLab(page, '?lab.lr=5&lab.momentum=0.99');
  await figure.getByRole('button', { name: 'Train' }).click();
  const alert = figure.getByRole('alert');
  await expect(alert).toContainText(/Training stopped: training diverged at epoch \d+: the loss grew from/, {
    timeout: 30_000,
  });
  await figure.getByRole('button', { name: 'Reset' }).click();
  await expect(alert).toHaveCount(0);
  await expect(statistic(figure, 'Epoch')).toHaveText('0 of 400');
});

test('Monte Carlo dropout: the band is wider away from the data, and the numbers are those src/sim computes', async ({
  page,
}) => {
  const settings = { p: 0.3, passes: 50, seed: 2, epochs: MC_FIXED.epochs, trainSize: MC_FIXED.trainSize };
  const xs = curveInputs(MC_FIXED.points);
  const spread = uncertaintyInsideOutside(xs, monteCarloCurve(settings, xs).sd);
  expect(spread.outside).toBeGreaterThan(spread.inside);

  await page.goto('/lab/monte-carlo/?mc.p=0.3&mc.passes=50&mc.seed=2');
  const figure = page.getByRole('figure', { name: 'Simulation: Monte Carlo dropout' });
  await figure.scrollIntoViewIfNeeded();
  await expect(statistic(figure, 'Mean SD inside the data')).toHaveText(formatNumber(spread.inside, 3), {
    timeout: 30_000,
  });
  await expect(statistic(figure, 'Mean SD outside the data')).toHaveText(formatNumber(spread.outside, 3));
  await expect(
    figure.getByRole('img', { name: /^Predictions of the regression network\. Monte Carlo dropout with 50 passes/ }),
  ).toBeVisible();

  // By keyboard: one step up the slider retrains at p = 0.35.
  await figure.getByLabel('Drop probability p', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(figure.getByText('p = 0.35')).toBeVisible();
  await expect(page).toHaveURL(/mc\.p=0\.35/);
  await expect(figure.getByText(/with 50 passes at p = 0\.35/).first()).toBeVisible({ timeout: 30_000 });
});

test('keyboard shortcuts step, train, pause and reset, and stay quiet while typing in a field', async ({ page }) => {
  const figure = await openLab(page);
  await figure.getByRole('button', { name: 'Reset' }).focus();
  await page.keyboard.press('s');
  await expect(statistic(figure, 'Epoch')).toHaveText('1 of 400');
  await page.keyboard.press('k');
  await expect(figure.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('k');
  await expect(figure.getByRole('button', { name: 'Resume' })).toBeVisible();
  await page.keyboard.press('r');
  await expect(statistic(figure, 'Epoch')).toHaveText('0 of 400');

  await figure.getByText('More settings').click();
  const seed = figure.getByLabel('Seed', { exact: true });
  await seed.focus();
  await page.keyboard.press('s');
  await expect(statistic(figure, 'Epoch')).toHaveText('0 of 400');
});

test('the effective learning rate: by keyboard, the step ratio follows 1/q²', async ({ page }) => {
  await page.goto('/lessons/backpropagation-through-dropout/');
  const figure = page.getByRole('figure', { name: 'Simulation: the effective learning rate' });
  await figure.scrollIntoViewIfNeeded();
  await expect(statistic(figure, 'Step ratio, inverted ÷ classic')).toHaveText(formatNumber(4, 3));
  await figure.getByLabel('Drop probability p', { exact: true }).focus();
  for (const p of [0.55, 0.6]) {
    await page.keyboard.press('ArrowRight');
    await expect(statistic(figure, '1/q²')).toHaveText(formatNumber(1 / (1 - p) ** 2, 3));
    await expect(statistic(figure, 'Step ratio, inverted ÷ classic')).toHaveText(formatNumber(1 / (1 - p) ** 2, 3));
  }
  const kept = statistic(figure, 'Units kept');
  const before = await kept.textContent();
  await figure.getByRole('button', { name: 'Sample another mask' }).press('Enter');
  await expect(page).toHaveURL(/rate\.p=0\.6/);
  expect(before).toMatch(/^\d+ of 16$/);
});

test('every dropout mode, the mistakes included, trains', async ({ page }) => {
  const figure = await openLab(page, '?lab.epochs=30');
  for (const mode of ['classic', 'gaussian', 'scale-by-p', 'double-scaling', 'on-at-eval', 'no-backward-mask']) {
    await figure.getByLabel('Dropout mode').selectOption(mode);
    await expect(statistic(figure, 'Epoch')).toHaveText('0 of 30');
    await figure.getByRole('button', { name: 'Train' }).click();
    await expect(statistic(figure, 'Epoch')).toHaveText('30 of 30', { timeout: 30_000 });
    await expect(statistic(figure, 'Validation loss, with dropout')).toHaveText(/^\d+\.\d\d$/);
    await expect(figure.getByRole('alert')).toHaveCount(0);
  }
});

test('the training worker compiles both sets of WebAssembly kernels', async ({ page }) => {
  // Training falls back to the JavaScript live kernels, and the decision map to Float64, where
  // the kernels do not compile (no WebAssembly SIMD, or a policy that refuses WebAssembly). In
  // this browser, inside the lab's own worker, they must compile.
  const started = page.waitForEvent('worker', (worker) => worker.url().includes('trainer.worker'));
  const figure = await openLab(page);
  // The worker starts with the first request.
  await figure.getByRole('button', { name: 'Step one epoch' }).click();
  const worker = await started;
  const compiled = await worker.evaluate(
    (modules) =>
      modules.map((base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports;
        return WebAssembly.validate(bytes) && Object.keys(exports).sort().join(' ');
      }),
    [DENSE_WASM_BASE64, NETWORK_WASM_BASE64],
  );
  expect(compiled).toEqual(['affine memory relu tanh', 'affine backwardLive forwardLive memory']);
});
