import { test, expect } from './fixtures.ts';
import {
  LESSON,
  ROUTES,
  expectNoAxeViolations,
  hydrateAll,
  isEmbedRoute,
  openSimulation,
  statistic,
} from './helpers.ts';

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

/**
 * A phone held upright, every page, and a 1080p projector, every page but the embeds (an iframe is
 * never that wide). Contrast in both themes is checked above at the usual size; here the reflow
 * and what only a narrow or wide layout shows, once in each theme.
 */
const layouts = [
  { viewport: { width: 320, height: 640 }, colorScheme: 'light', routes: ROUTES },
  { viewport: { width: 1920, height: 1080 }, colorScheme: 'dark', routes: ROUTES.filter((r) => !isEmbedRoute(r)) },
] as const;

for (const { viewport, colorScheme, routes } of layouts) {
  test.describe(`at ${viewport.width} px wide, ${colorScheme} theme`, () => {
    test.use({ viewport, colorScheme });

    for (const route of routes) {
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
