import { test, expect } from './fixtures.ts';
import { LESSON, ROUTES, expectNoAxeViolations, openSimulation } from './helpers.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    for (const route of ROUTES) {
      test(`axe finds no WCAG 2.1 AA violations on ${route}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(route);
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        // Contrast is checked on the live simulation, with its chart drawn.
        if (route === LESSON) await openSimulation(page);

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

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the lesson reflows without horizontal page scrolling', async ({ page }) => {
    await page.goto(LESSON);
    await openSimulation(page);

    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, 'the page must not scroll sideways').toBeLessThanOrEqual(320);
  });

  test('axe finds no violations on the lesson', async ({ page }) => {
    await page.goto(LESSON);
    await openSimulation(page);

    await expectNoAxeViolations(page);
  });
});
