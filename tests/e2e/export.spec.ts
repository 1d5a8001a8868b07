import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * Charts out of the page, as a teacher takes them for slides and worksheets: the Export dialog
 * lists the charts a simulation shows, and each comes as an SVG file that carries its own styles,
 * title and legend, and as a PNG at twice its size on the page's background, in either theme.
 */

const HISTOGRAM = 'Histogram of the number of dropped units';

/** Opens the drop-count simulation's Export dialog by keyboard, once the histogram is drawn. */
async function openExport(page: Page): Promise<Locator> {
  await page.goto('/lab/drop-counts/');
  const figure = page.getByRole('figure', { name: 'Simulation: how many units drop' });
  await expect(figure.locator('astro-island').first()).not.toHaveAttribute('ssr');
  await expect(figure.getByRole('img', { name: new RegExp(`^${HISTOGRAM}`) })).toBeVisible();
  await figure.getByRole('button', { name: 'Export the charts' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Export “Simulation: how many units drop”' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Presses a download button by keyboard and gives the file's name and bytes. */
async function downloaded(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  await button.focus();
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path()) ?? '') };
}

/** The page's background colour as the PNG writes it, `r,g,b`. */
async function pageBackground(page: Page): Promise<string> {
  const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  return (/\d+/g.exec(colour) ? (colour.match(/\d+/g) ?? []) : []).slice(0, 3).join(',');
}

test('an SVG file of a chart carries its styles, its title and its legend', async ({ page }) => {
  const dialog = await openExport(page);
  await expect(dialog.getByRole('listitem').filter({ hasText: HISTOGRAM })).toBeVisible();
  const { name, bytes } = await downloaded(
    page,
    dialog.getByRole('button', { name: `Download “${HISTOGRAM}” as SVG` }),
  );
  expect(name).toBe('drop-counts-histogram-of-the-number-of-dropped-units.svg');
  const svg = bytes.toString('utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg).toContain(`>${HISTOGRAM}</text>`);
  // The legend's entries, and bars styled in the file itself rather than by the site's stylesheet.
  const legend = await page
    .getByRole('figure', { name: 'Simulation: how many units drop' })
    .locator('.chart-legend')
    .first()
    .innerText();
  for (const entry of legend.split(/\s{2,}|\u00a0/).filter((item) => item.trim() !== '')) {
    expect(svg).toContain(entry.trim());
  }
  expect(svg).toMatch(/<rect[^>]*style="fill: rgb\(/);
  await expect(dialog.getByRole('status').first()).toHaveText(`Downloaded “${HISTOGRAM}” as SVG.`);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('a PNG of a chart is twice its size, on the page’s background, with its text in the page’s colour', async ({
      page,
    }) => {
      const dialog = await openExport(page);
      const svg = (await downloaded(page, dialog.getByRole('button', { name: `Download “${HISTOGRAM}” as SVG` })))
        .bytes;
      const width = Number(/width="(\d+)"/.exec(svg.toString('utf8'))?.[1]);
      const height = Number(/height="(\d+)"/.exec(svg.toString('utf8'))?.[1]);
      const { name, bytes } = await downloaded(
        page,
        dialog.getByRole('button', { name: `Download “${HISTOGRAM}” as PNG` }),
      );
      expect(name).toBe('drop-counts-histogram-of-the-number-of-dropped-units.png');
      const png = PNG.sync.read(bytes);
      expect([png.width, png.height]).toEqual([2 * width, 2 * height]);
      expect([png.data[0], png.data[1], png.data[2]].join(',')).toBe(await pageBackground(page));
      // The title band holds text in the page's text colour: enough pixels of it to read.
      const text = (await page.evaluate(() => getComputedStyle(document.body).color)).match(/\d+/g)?.map(Number) ?? [];
      let inText = 0;
      for (let i = 0; i < png.width * 60 * 4; i += 4) {
        const near = [0, 1, 2].every((c) => Math.abs((png.data[i + c] ?? 0) - (text[c] ?? 0)) < 40);
        if (near) inText += 1;
      }
      expect(inText).toBeGreaterThan(200);
    });
  });
}

test('a decision map painted under its points is exported with its cells', async ({ page }) => {
  await page.goto('/lab/feature-maps/');
  const figure = page.getByRole('figure', { name: /^Simulation: toggle the units/ });
  await expect(figure.locator('astro-island').first()).not.toHaveAttribute('ssr');
  await expect(figure.getByRole('button', { name: /^Hidden layer 1 unit 1: kept/ })).toBeVisible();
  await figure.getByRole('button', { name: 'Export the charts' }).click();
  const dialog = page.getByRole('dialog', { name: /^Export “Simulation:/ });
  const button = dialog.getByRole('button', {
    name: /^Download “Decision map of the network trained with dropout.*” as SVG$/,
  });
  const svg = (await downloaded(page, button)).bytes.toString('utf8');
  expect(svg).toContain('<image href="data:image/png;base64,');
  expect(svg).toContain('class="heatmap-point');
});
