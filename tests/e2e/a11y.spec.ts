import { test, expect } from './fixtures.ts';
import { LESSON, ROUTES, expectNoAxeViolations, hydrateAll, openSimulation, statistic } from './helpers.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    for (const route of ROUTES) {
      test(`axe finds no WCAG 2.1 AA violations on ${route}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(route);
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        // Contrast is checked on the live simulations, with their charts drawn.
        await hydrateAll(page);

        await expectNoAxeViolations(page);
      });
    }

    test('axe finds no violations on the 404 page', async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/does-not-exist/');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);

      await expectNoAxeViolations(page);
    });
  });
}

/** A phone held upright, and a 1080p projector. */
const viewports = [
  { width: 320, height: 640 },
  { width: 1920, height: 1080 },
];

for (const viewport of viewports) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`at ${viewport.width} px wide, ${colorScheme} theme`, () => {
      test.use({ viewport, colorScheme });

      for (const route of ROUTES) {
        test(`${route} reflows without horizontal scrolling and axe finds no violations`, async ({ page }) => {
          await page.goto(route);
          await hydrateAll(page);

          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(scrollWidth, 'the page must not scroll sideways').toBeLessThanOrEqual(viewport.width);
          await expectNoAxeViolations(page);
        });
      }

      test('the simulation answers its controls', async ({ page }) => {
        await page.goto(LESSON);
        const figure = await openSimulation(page);
        await figure.getByRole('button', { name: 'Draw 10' }).click();
        await expect(statistic(figure, 'Draws')).toHaveText('10 of 400');
      });
    });
  }
}
