import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { ROUTES } from './helpers.ts';

/** The width and height a PNG's IHDR chunk gives, or undefined for anything but a PNG. */
function pngSize(body: Buffer): { width: number; height: number } | undefined {
  if (body.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a' || body.subarray(12, 16).toString() !== 'IHDR')
    return undefined;
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

/** A `<meta>` tag's content in `html`, by its `property` or `name`. */
function meta(html: string, key: string): string | undefined {
  return new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
}

test('every page names a 1200 × 630 PNG as its social preview image, with its size and alt text', async ({
  request,
  baseURL,
}) => {
  const checked = new Map<string, { width: number; height: number } | undefined>();
  for (const route of ROUTES) {
    const html = await (await request.get(route)).text();
    const image = meta(html, 'og:image');
    expect(image, `${route}: og:image`).toBeTruthy();
    expect(meta(html, 'twitter:image'), route).toBe(image);
    expect(meta(html, 'twitter:card'), route).toBe('summary_large_image');
    expect(meta(html, 'og:title'), route).toBeTruthy();
    expect(meta(html, 'og:description'), route).toBeTruthy();
    expect(meta(html, 'og:type'), route).toBe(route.startsWith('/lessons/') ? 'article' : 'website');
    expect([meta(html, 'og:image:width'), meta(html, 'og:image:height')], route).toEqual(['1200', '630']);
    expect(meta(html, 'og:image:alt'), route).toMatch(/\S/);
    const url = new URL(image ?? '', new URL(route, baseURL)).href;
    if (!checked.has(url)) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()['content-type'], url).toBe('image/png');
      checked.set(url, pngSize(await response.body()));
    }
    expect(checked.get(url), `${route}: ${url}`).toEqual({ width: 1200, height: 630 });
  }
});

/** The lab index's thumbnails that show: their file names, and whether each has loaded. */
async function shownThumbnails(page: Page): Promise<{ src: string; alt: string; loaded: boolean }[]> {
  return page.locator('.lab-card img').evaluateAll((images: HTMLImageElement[]) =>
    images
      .filter((image) => getComputedStyle(image).display !== 'none')
      .map((image) => ({
        src: image.currentSrc.split('/').at(-1) ?? '',
        alt: image.alt,
        loaded: image.complete && image.naturalWidth > 0,
      })),
  );
}

/** Scrolls to the foot of the page a screen at a time, so lazy pictures load. */
async function scrollThrough(page: Page): Promise<void> {
  for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
}

/** The file names of the pictures `page` fetches from now on, in order, as they are asked for. */
function pictureRequests(page: Page): string[] {
  const pictures: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.includes('/pictures/')) pictures.push(request.url().split('/').at(-1) ?? '');
  });
  return pictures;
}

/** The address of the file an image shows, once it has loaded; false before. */
function loadedSource(image: Locator): Promise<string | false> {
  return image.evaluate(
    (element: HTMLImageElement) => element.complete && element.naturalWidth > 0 && element.currentSrc,
  );
}

/** The file names of the images the page's head preloads for the system's theme now in use. */
function preloadedPictures(page: Page): Promise<(string | undefined)[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="image"]')]
      .filter((link) => matchMedia(link.media).matches)
      .map((link) => new URL(link.href).pathname.split('/').at(-1)),
  );
}

test.describe('the lab index with a light system theme', () => {
  test.use({ colorScheme: 'light' });

  test('shows each simulation with a thumbnail of the theme in use, described and loaded', async ({ page }) => {
    await page.goto('/lab/');
    const cards = page.locator('.lab-card');
    await expect(cards).toHaveCount(15);
    for (const card of await cards.all()) {
      await expect(card.getByRole('heading', { level: 2 }).getByRole('link')).toHaveAttribute(
        'href',
        /\/lab\/[\w-]+\/$/,
      );
    }
    await scrollThrough(page);
    await expect.poll(async () => (await shownThumbnails(page)).filter((image) => image.loaded).length).toBe(15);
    for (const image of await shownThumbnails(page)) {
      expect(image.src).toMatch(/-light\.webp$/);
      expect(image.alt.length, image.src).toBeGreaterThan(20);
    }

    await page.getByRole('banner').getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await scrollThrough(page);
    await expect.poll(async () => (await shownThumbnails(page)).filter((image) => image.loaded).length).toBe(15);
    for (const image of await shownThumbnails(page)) expect(image.src).toMatch(/-dark\.webp$/);
  });

  test('keeps its layout while the thumbnails load', async ({ page }) => {
    await page.goto('/lab/');
    // Before any picture has loaded, each already takes its place: its box has the picture's proportions.
    const ratios = await page
      .locator('.lab-card img:visible')
      .evaluateAll((images: HTMLImageElement[]) => images.map((image) => image.height / image.width));
    expect(ratios).toHaveLength(15);
    for (const ratio of ratios) expect(ratio).toBeCloseTo(360 / 640, 2);
    // Shifts from then on, once the faces have swapped in (which moves the header, not the cards).
    await page.evaluate(async () => {
      await document.fonts.ready;
      const record = window as unknown as { shifts: number };
      record.shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) record.shifts += entry.value;
        }
      }).observe({ type: 'layout-shift' });
    });
    await scrollThrough(page);
    await expect.poll(async () => (await shownThumbnails(page)).every((image) => image.loaded)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
  });
});

test.describe('a lesson with a light system theme', () => {
  test.use({ colorScheme: 'light' });

  test('asks for its key figure in the light theme from the head, and fetches it once', async ({ page }) => {
    const pictures = pictureRequests(page);
    await page.goto('/lessons/why-dropout/');
    const shown = page.locator('header figure.key-figure img');
    await expect.poll(() => loadedSource(shown)).toMatch(/\/pictures\/training-light\.webp$/);
    const preloaded = await preloadedPictures(page);
    expect(preloaded).toEqual(['training-light.webp']);
    expect(pictures).toEqual(['training-light.webp']);
  });
});

test.describe('a lesson with a dark system theme', () => {
  test.use({ colorScheme: 'dark' });

  test('heads its text with its key figure, which links to its simulation', async ({ page }) => {
    const pictures = pictureRequests(page);
    await page.goto('/lessons/how-many-units-drop/');
    const figure = page.locator('header figure.key-figure');
    const shown = figure.locator('img:visible');
    await expect(shown).toHaveCount(1);
    await expect.poll(() => loadedSource(shown)).toMatch(/\/pictures\/drop-counts-dark\.webp$/);
    await expect(shown).toHaveAttribute('alt', /\S/);
    await expect(shown).not.toHaveAttribute('loading', 'lazy');
    // The head asks for that file before the parser reaches the figure, and for no other picture.
    const preloaded = await preloadedPictures(page);
    expect(preloaded).toEqual(['drop-counts-dark.webp']);
    // Only the shown theme's file is fetched, once: the other theme's bytes would come before the paint.
    expect(pictures).toEqual(['drop-counts-dark.webp']);
    await figure.getByRole('link').click();
    await expect(page).toHaveURL(/\/lab\/drop-counts\/$/);
  });

  test("shows the theme the reader chose on the site over the system's", async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('dropout-lab:theme', 'light'));
    await page.goto('/lessons/how-many-units-drop/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    const shown = page.locator('header figure.key-figure img');
    await expect.poll(() => loadedSource(shown)).toMatch(/\/pictures\/drop-counts-light\.webp$/);
  });
});
