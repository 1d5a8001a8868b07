import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * While the course's faces are on their way (font-display: swap), text is set in Arial's or Times
 * New Roman's metric twin scaled to the faces' metrics (src/styles/fonts.css). The first screen of a
 * phone must then already sit where it will stay: the faces' arrival moves nothing by more than a
 * few pixels. With plain system faces instead, blocks in a lesson's first screen moved by up to 74 px.
 */

/** Each route with the fallbacks its first screen uses: a lesson's text face and the interface face, or the interface face alone. */
const ROUTES = [
  { route: '/lessons/why-dropout/', fallbacks: ['Inter fallback', 'Source Serif 4 fallback'] },
  { route: '/lab/training/', fallbacks: ['Inter fallback'] },
];
/** What a block in the first screen may move when the faces arrive, in CSS px: rounding, not reflow. */
const TOLERANCE = 4;

/** The top of every block of text or picture in the first screen, in document order. */
function tops(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main :is(h1, h2, h3, p, li, figure, label, button)')]
      .map((element) => element.getBoundingClientRect().top + window.scrollY)
      .filter((top) => top < window.innerHeight)
      .map(Math.round),
  );
}

/** Waits until every island in the first screen has hydrated, so that only the faces change the layout. */
async function hydrateFirstScreen(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('astro-island[ssr]')].filter(
            (island) => (island.querySelector('*')?.getBoundingClientRect().top ?? Infinity) < window.innerHeight,
          ).length,
      ),
    )
    .toBe(0);
}

test.describe('on a phone, before the faces arrive', () => {
  test.use({ viewport: { width: 412, height: 823 }, hasTouch: true, isMobile: true });

  for (const { route, fallbacks } of ROUTES) {
    test(`${route} is set in the fallback faces, and the faces’ arrival moves nothing in the first screen`, async ({
      page,
    }) => {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\.woff2$/, async (request) => {
        await held;
        await request.continue();
      });
      await page.goto(route, { waitUntil: 'domcontentloaded' });
      await hydrateFirstScreen(page);
      const faces = () =>
        page.evaluate(() =>
          [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/"/g, '')),
        );
      // The fallbacks are in use (their local twins found), and the faces are not there yet.
      await expect.poll(faces).toEqual(expect.arrayContaining(fallbacks));
      expect(await faces()).not.toContain('Inter Variable');
      const before = await tops(page);
      expect(before.length).toBeGreaterThan(3);

      release();
      await expect.poll(faces).toEqual(expect.arrayContaining(['Inter Variable']));
      await page.evaluate(() => document.fonts.ready);
      const after = await tops(page);
      expect(after.length, 'the same blocks in the first screen').toBe(before.length);
      const moved = before
        .map((top, i) => ({ top, moved: Math.abs((after[i] ?? top) - top) }))
        .filter(({ moved }) => moved > TOLERANCE);
      expect(moved, `blocks that moved more than ${TOLERANCE} px`).toEqual([]);
    });
  }
});
