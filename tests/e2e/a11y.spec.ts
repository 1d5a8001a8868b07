import { test, expect } from './fixtures.ts';
import {
  LESSON,
  ROUTES,
  expectHeadingsInOrder,
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
        if (colorScheme === 'light') await expectHeadingsInOrder(page);
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

/** Phones held upright: the narrowest the site supports, two common widths, and a large phone. */
const PHONE_WIDTHS = [320, 375, 414, 480] as const;
/** The least chart text that stays legible, in CSS px. */
const LEGIBLE = 12;

/** What the page measures at its current width: its layout and scroll widths, and each drawn chart text's size. */
function measureLayout() {
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    // Each SVG text's size as drawn: its font size times the scale of a viewBox, if any.
    text: [...document.querySelectorAll('svg text')].flatMap((text) => {
      const svg = text.closest('svg');
      const box = svg?.viewBox.baseVal;
      const drawn = svg?.getBoundingClientRect().width ?? 0;
      if (!svg || drawn === 0 || text.getBoundingClientRect().width === 0) return [];
      const scale = box && box.width > 0 ? drawn / box.width : 1;
      return [{ text: text.textContent ?? '', px: parseFloat(getComputedStyle(text).fontSize) * scale }];
    }),
  };
}

/**
 * A phone held upright (touch, a mobile viewport that honours the page's viewport meta), every
 * page, in the light theme: axe at the narrowest width, then the phone turns from the narrowest
 * width to the widest, and at each the page reflows without scrolling sideways (WCAG 1.4.10) and
 * its chart text stays legible. One load a page serves both.
 */
test.describe(`on a phone ${PHONE_WIDTHS[0]} px wide, light theme`, () => {
  test.use({
    viewport: { width: PHONE_WIDTHS[0], height: 740 },
    hasTouch: true,
    isMobile: true,
    colorScheme: 'light',
  });

  for (const route of ROUTES) {
    test(`${route}: axe finds no violations, and at ${PHONE_WIDTHS.join(', ')} px the page does not scroll sideways and its chart text stays legible`, async ({
      page,
    }) => {
      await page.goto(route);
      // Islands render their charts once hydrated and once their workers answer: measure after that.
      await hydrateAll(page);
      await expectNoAxeViolations(page);
      for (const width of PHONE_WIDTHS) {
        await page.setViewportSize({ width, height: 740 });
        // Charts follow their container's width: let them draw at the new size first.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const measured = await page.evaluate(measureLayout);
        expect(measured.clientWidth, `at ${width} px the layout viewport is the phone’s width`).toBe(width);
        expect(measured.scrollWidth, `at ${width} px the page must not scroll sideways`).toBeLessThanOrEqual(
          measured.clientWidth,
        );
        const small = measured.text.filter((t) => t.px < LEGIBLE - 0.01);
        expect(small, `chart text smaller than ${LEGIBLE} px at ${width} px`).toEqual([]);
      }
    });
  }

  test('the simulation answers its controls', async ({ page }) => {
    await page.goto(LESSON);
    const figure = await openSimulation(page);
    await figure.getByRole('button', { name: 'Draw 10' }).tap();
    await expect(statistic(figure, 'Draws')).toHaveText('10 of 400');
  });
});

/** A 1080p projector, in the dark theme, every page but the embeds (an iframe is never that wide). */
test.describe('at 1920 px wide, dark theme', () => {
  const viewport = { width: 1920, height: 1080 };
  test.use({ viewport, colorScheme: 'dark' });

  for (const route of ROUTES.filter((r) => !isEmbedRoute(r))) {
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
