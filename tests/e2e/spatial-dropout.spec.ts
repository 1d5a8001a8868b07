import type { Locator, Page } from '@playwright/test';
import { readMnistPackage } from '../../src/data/mnist-source.ts';
import { spatialDropout, type SpatialState } from '../../src/islands/spatial-dropout/definition.ts';
import { digitMeasures, drawMapMask, shownDigit } from '../../src/islands/spatial-dropout/picture.ts';
import { describeSpatial } from '../../src/islands/spatial-dropout/summary.ts';
import { formatNumber, formatPercent } from '../../src/lib/format.ts';
import { computeSpatialPoint, type SpatialResult } from '../../src/sim/conv/spatial-job.ts';
import { splitDigits } from '../../src/sim/digits/split.ts';
import { test, expect } from './fixtures.ts';
import { statistic } from './helpers.ts';

const SEED = 2;
const CAPTION = `Simulation: ${spatialDropout.title}`;
/** Training three networks takes seconds in the worker, longer on a busy machine. */
const TRAINED = { timeout: 90_000 };

let point: SpatialResult;
test.beforeAll(async () => {
  const split = splitDigits(await readMnistPackage());
  point = computeSpatialPoint({ experiment: 'spatial', seed: SEED, p: spatialDropout.start({}).p }, split);
});

/** What the page should say for `state`, computed by the course's code. */
function summaryOf(state: SpatialState): string {
  const shown = shownDigit(point, state.digit);
  const measures = digitMeasures(shown.maps, drawMapMask(state.mask, state.p, state.seed));
  return describeSpatial(state, shown.label, measures, point, 1);
}

/** The picture of the maps under the mask: its accessible name starts so, and its image is a data address. */
function maps(figure: Locator): Locator {
  return figure.getByRole('img', { name: /^Feature maps of digit/ });
}

async function open(page: Page): Promise<Locator> {
  const figure = page.getByRole('figure', { name: CAPTION });
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  return figure;
}

test('the worker trains the three networks on the digits; a mask of whole channels chosen by keyboard redraws the maps and the summary', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.goto(`/lab/spatial-dropout/?spatial.seed=${SEED}`);
  const figure = await open(page);
  const state: SpatialState = { ...spatialDropout.start({}), seed: SEED };

  await expect(maps(figure)).toBeVisible(TRAINED);
  const [none, element, channel] = [...point.errors].map((e) => formatPercent(e, 1));
  await expect(statistic(figure, 'Validation error, without dropout')).toHaveText(none!);
  await expect(statistic(figure, 'Validation error, element-wise')).toHaveText(element!);
  await expect(statistic(figure, 'Validation error, channel')).toHaveText(channel!);
  await expect(figure.locator('.sim-summary')).toHaveText(summaryOf(state));
  const before = await maps(figure).locator('image').getAttribute('href');

  const single = figure.getByRole('radio', { name: 'single activations' });
  await single.focus();
  await page.keyboard.press('ArrowDown');
  const whole = figure.getByRole('radio', { name: 'whole channels' });
  await expect(whole).toBeChecked();
  await expect(whole).toBeFocused();
  const channels = { ...state, mask: 'channel' } as const;
  await expect(figure.locator('.sim-summary')).toHaveText(summaryOf(channels));
  await expect(maps(figure).locator('image')).not.toHaveAttribute('href', before ?? '');
  await expect(page).toHaveURL(/spatial\.mask=channel/);
  const r2 = digitMeasures(shownDigit(point, 1).maps, drawMapMask('channel', state.p, SEED)).r2;
  await expect(statistic(figure, 'Holes predicted by neighbours, R²')).toHaveText(
    Number.isNaN(r2) ? '…' : formatNumber(r2),
  );

  const next = figure.getByRole('button', { name: 'Next digit' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(figure.getByText('Digit 2 of 12', { exact: true })).toBeVisible();
  await expect(figure.locator('.sim-summary')).toHaveText(summaryOf({ ...channels, digit: 2 }));
});
