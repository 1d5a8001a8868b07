import type { Locator, Page } from '@playwright/test';
import { featureMaps, type FeatureMapState } from '../../src/islands/feature-maps/definition.ts';
import { describeRemovals } from '../../src/islands/feature-maps/removal-summary.ts';
import { FeatureMapScene } from '../../src/islands/feature-maps/scene.ts';
import { describeMaps, FM_ALL_KEPT, FM_HIDDEN, unitName } from '../../src/islands/feature-maps/summary.ts';
import { maskString } from '../../src/islands/neuron-toggling/summary.ts';
import { paintTile } from '../../src/charts/weight-image.ts';
import { formatPercent } from '../../src/lib/format.ts';
import { parametersOf } from '../../src/sim/feature-maps/parameters.ts';
import { removalsOfPair } from '../../src/sim/feature-maps/removals.ts';
import { trainFeatureMapPair } from '../../src/sim/feature-maps/setup.ts';
import { drawMask } from '../../src/sim/sampling.ts';
import { test, expect } from './fixtures.ts';
import { statistic } from './helpers.ts';

const SEED = 3;
const CAPTION = `Simulation: ${featureMaps.title}`;

/** The seed's pair as the course's code trains it, and the scene the page should show. */
const pair = trainFeatureMapPair(SEED);
const scene = new FeatureMapScene(SEED, {
  withDropout: parametersOf(pair.withDropout.network),
  withoutDropout: parametersOf(pair.withoutDropout.network),
});

/** The simulation, hydrated. */
async function open(page: Page): Promise<Locator> {
  const figure = page.getByRole('figure', { name: CAPTION });
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  return figure;
}

/** The pixels of a hidden unit's tile as the page painted them. */
async function tilePixels(figure: Locator, unit: string): Promise<number[]> {
  return figure
    .getByRole('button', { name: new RegExp(`^${unit}: `) })
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d');
      if (!context) throw new Error('the tile has no 2-D context');
      return [...context.getImageData(0, 0, canvas.width, canvas.height).data];
    });
}

/** The pixels src/sim's maps give a hidden unit's tile in `state`. */
function expectedPixels(state: FeatureMapState, unit: number): number[] {
  const { maps, scale } = scene.picture(state);
  const cells = maps.hidden.length / FM_HIDDEN;
  const rgba = new Uint8ClampedArray(4 * cells);
  paintTile(maps.hidden.subarray(unit * cells, (unit + 1) * cells), scale, rgba);
  return [...rgba];
}

/** Checks that the page shows, for `state`, the numbers and the summary src/sim computes. */
async function expectShows(figure: Locator, state: FeatureMapState): Promise<void> {
  const picture = scene.picture(state);
  const kept = [...state.mask].filter((bit) => bit === '1').length;
  await expect(statistic(figure, 'Hidden units kept')).toHaveText(`${kept} of ${FM_HIDDEN}`);
  await expect(statistic(figure, 'Validation accuracy, every unit')).toHaveText(
    formatPercent(picture.full.accuracy, 1),
  );
  await expect(statistic(figure, 'Validation accuracy, this mask')).toHaveText(
    formatPercent(picture.current.accuracy, 1),
  );
  await expect(statistic(figure, 'Decision map changed class')).toHaveText(
    formatPercent(picture.change.flippedShare, 1),
  );
  await expect(figure.locator('.sim-summary')).toHaveText(describeMaps(picture));
  for (const [unit, bit] of [...state.mask].entries()) {
    const name = `${unitName(unit)}: ${bit === '1' ? 'kept' : 'dropped'}`;
    await expect(figure.getByRole('button', { name, exact: true })).toHaveAttribute(
      'aria-pressed',
      String(bit === '1'),
    );
  }
}

test('the worker trains the pair; a unit toggled by keyboard redraws the maps and the summary, and the URL keeps the mask', async ({
  page,
}) => {
  await page.goto(`/lab/feature-maps/?maps.seed=${SEED}`);
  const figure = await open(page);
  const state: FeatureMapState = { ...featureMaps.start({}), seed: SEED };
  await expectShows(figure, state);
  await expect(figure.getByRole('img', { name: /^Decision map of the network trained with dropout/ })).toBeVisible();
  // The charts of single-unit removals, and their numbers in words, for this seed's pair.
  await expect(figure.getByText(describeRemovals(removalsOfPair(pair)))).toBeVisible();
  await expect(
    figure.getByRole('img', { name: /^Chart of the validation loss rise when one hidden unit is removed/ }),
  ).toBeVisible();
  await expect(
    figure.getByRole('img', { name: /^Chart of the share of the decision map that changes class/ }),
  ).toBeVisible();
  // A second-layer unit's map, as painted, before and after a first-layer unit is dropped.
  const downstream = 'Hidden layer 2 unit 1';
  expect(await tilePixels(figure, downstream)).toEqual(expectedPixels(state, 6));

  const unit = figure.getByRole('button', { name: 'Hidden layer 1 unit 3: kept' });
  await unit.focus();
  await page.keyboard.press('Enter');
  const dropped = figure.getByRole('button', { name: 'Hidden layer 1 unit 3: dropped' });
  await expect(dropped).toBeFocused();
  const oneDropped = { ...state, mask: '110111111111' };
  await expectShows(figure, oneDropped);
  const redrawn = expectedPixels(oneDropped, 6);
  expect(redrawn).not.toEqual(expectedPixels(state, 6));
  expect(await tilePixels(figure, downstream)).toEqual(redrawn);
  await expect(page).toHaveURL(/maps\.mask=110111111111/);

  await page.keyboard.press('Space');
  await expectShows(figure, state);

  await figure.getByRole('button', { name: 'Sample a mask' }).click();
  const sampled = { ...state, mask: maskString(drawMask(FM_HIDDEN, state.p, SEED, 0)) };
  expect(sampled.mask).not.toBe(FM_ALL_KEPT);
  await expectShows(figure, sampled);
  await expect(page).toHaveURL(new RegExp(`maps\\.mask=${sampled.mask}`));

  await page.reload();
  await expectShows(await open(page), sampled);

  await figure.getByRole('button', { name: 'Keep every unit' }).click();
  await expectShows(figure, state);
});

test('the network trained without dropout and the inverted scaling come from the URL', async ({ page }) => {
  await page.goto(
    `/lab/feature-maps/?maps.seed=${SEED}&maps.network=no-dropout&maps.scaling=inverted&maps.mask=011111111110`,
  );
  const figure = await open(page);
  await expect(figure.getByRole('radio', { name: 'trained without dropout' })).toBeChecked();
  await expectShows(figure, {
    ...featureMaps.start({}),
    seed: SEED,
    network: 'no-dropout',
    scaling: 'inverted',
    mask: '011111111110',
  });
});
