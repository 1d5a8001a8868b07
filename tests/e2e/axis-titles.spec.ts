import type { Page } from '@playwright/test';
import { SIM_IDS } from '../../src/islands/simulations.ts';
import { expect, test } from './fixtures.ts';
import { hydrateAll, LESSON } from './helpers.ts';

/**
 * An axis title stays inside its chart at a phone's and a laptop's width: on a narrow chart a
 * loss with its unit is longer than the plot is high, and a title that runs out of the picture is
 * cut off on screen, in the printed handout and in the exported image alike.
 */

/** Every lab page as it opens and the first lesson, and the states whose charts carry the longest titles or the fewest rows. */
const MEASURED = [
  LESSON,
  ...SIM_IDS.map((id) => `/lab/${id}/`),
  '/lab/digits/?digits.experiment=averaging',
  '/lab/digits/?digits.experiment=features',
  '/lab/recurrent-masks/?rnn.steps=2',
  '/lab/drop-counts/?counts.scale=log',
];

/** The axis titles of the page that reach past their chart's edges, by more than a pixel. */
function titlesOutside(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>('.chart-axis-title')].flatMap((title) => {
      const chart = title.ownerSVGElement?.getBoundingClientRect();
      const box = title.getBoundingClientRect();
      if (!chart || box.width === 0) return [];
      const edges = [box.top - chart.top, chart.right - box.right, chart.bottom - box.bottom, box.left - chart.left];
      return edges.some((edge) => edge < -1)
        ? [`${title.textContent ?? ''}: ${edges.map(Math.round).join(', ')} px from the top, right, bottom, left`]
        : [];
    }),
  );
}

for (const width of [320, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    for (const route of MEASURED) {
      test(`${route} keeps every axis title inside its chart`, async ({ page }) => {
        await page.goto(route);
        await hydrateAll(page);
        await page.evaluate(() => document.fonts.ready);
        expect(await titlesOutside(page)).toEqual([]);
      });
    }

    test('the lesson’s loss chart keeps its title inside on a log scale', async ({ page }) => {
      await page.goto(LESSON);
      await hydrateAll(page);
      const figure = page.getByRole('figure', { name: 'Simulation: train with and without dropout' });
      await figure.getByRole('checkbox', { name: 'Log scale' }).check();
      await page.evaluate(() => document.fonts.ready);
      await expect(figure.locator('.chart-axis-title', { hasText: 'log scale' })).toHaveCount(1);
      expect(await titlesOutside(page)).toEqual([]);
    });
  });
}
