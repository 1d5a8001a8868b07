import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { hydrateAll } from './helpers.ts';

/**
 * The pages a newcomer sees first, photographed at a phone's, a laptop's and a projector's width in
 * both themes, so a person can judge them side by side: each picture is written to the test's
 * folder under the output directory (`<page>-<width>-<theme>.png`) and attached to its result. Before each picture the
 * test checks what a picture alone would not show reliably: the page's own faces are in use, every
 * picture on it has loaded, and nothing is wider than the window.
 */

const PAGES = [
  { name: 'home', route: '/' },
  { name: 'lesson', route: '/lessons/why-dropout/' },
  { name: 'lab-index', route: '/lab/' },
  { name: 'training-lab', route: '/lab/training/' },
] as const;
const WIDTHS = [320, 1280, 1920] as const;
/** A viewport's height per width: a phone upright, a laptop, a 1080p projector. */
const HEIGHTS: Record<(typeof WIDTHS)[number], number> = { 320: 640, 1280: 800, 1920: 1080 };
/** How many screens of a page each picture shows from its top: enough to see its design, not a lesson's whole length. */
const SCREENS = 3;

/** Brings each picture within the photographed screens into view, so a lazy one is asked for, and waits until it has decoded. */
async function loadPictures(page: Page, bottom: number): Promise<void> {
  const shown = page.locator('img:visible');
  for (let i = 0; i < (await shown.count()); i++) {
    const image = shown.nth(i);
    const top = await image.evaluate((img) => img.getBoundingClientRect().top + window.scrollY);
    if (top > bottom) continue;
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
        message: `picture ${await image.getAttribute('src')} loads`,
      })
      .toBe(true);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The first family `selector`'s text is set in, and whether the page loaded that face. */
async function faceOf(page: Page, selector: string): Promise<{ family: string; loaded: boolean }> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const family = (getComputedStyle(element).fontFamily.split(',')[0] ?? '').trim().replaceAll(/["']/g, '');
      const loaded = [...document.fonts].some(
        (face) => face.family.replaceAll(/["']/g, '') === family && face.status === 'loaded',
      );
      return { family, loaded };
    });
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of WIDTHS) {
    for (const { name, route } of PAGES) {
      test(`${name} at ${width} px, ${colorScheme} theme`, async ({ page }, testInfo) => {
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await page.setViewportSize({ width, height: HEIGHTS[width] });
        await page.goto(route);
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        await hydrateAll(page);
        await loadPictures(page, SCREENS * HEIGHTS[width]);

        // The course's own faces, not a fallback: the heading's and the first paragraph's.
        await page.evaluate(() => document.fonts.ready);
        for (const selector of ['h1', 'main p']) {
          const { family, loaded } = await faceOf(page, selector);
          expect(loaded, `${selector} is set in ${family}, loaded by the page`).toBe(true);
        }
        // Nothing pushes the page sideways.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, 'pixels wider than the window').toBe(0);

        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const path = testInfo.outputPath(`${name}-${width}-${colorScheme}.png`);
        await page.screenshot({
          path,
          fullPage: true,
          animations: 'disabled',
          clip: { x: 0, y: 0, width, height: Math.min(height, SCREENS * HEIGHTS[width]) },
        });
        await testInfo.attach(`${name} at ${width} px, ${colorScheme}`, { path, contentType: 'image/png' });
      });
    }
  }
}
