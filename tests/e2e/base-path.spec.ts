import { test, expect } from './fixtures.ts';
import { BASE_PATH } from '../../playwright.config.ts';
import { LESSON, LINKED_ROUTES, TOTAL_DRAWS, chart, crawl, openSimulation, path, statistic } from './helpers.ts';

/** A site path under the base path: `/notation/` → `/some/path/notation/`. */
const under = (route: string) => BASE_PATH + route.replace(/^\//, '');

test('every link and asset stays under the base path and loads', async ({ page, baseURL }) => {
  // A crawl of every page takes most of a minute on a loaded machine.
  test.slow();
  const { pages, broken } = await crawl(page, new URL(BASE_PATH, baseURL).href);
  expect(broken, `broken links:\n${broken.join('\n')}`).toEqual([]);
  expect([...pages.keys()].map(path).sort()).toEqual(LINKED_ROUTES.map(under).sort());

  const origin = new URL(baseURL ?? '').origin;
  const outside: string[] = [];
  const assets = new Set<string>();
  for (const crawled of pages.values()) {
    for (const link of crawled.links) {
      const url = new URL(link.url);
      if (url.origin === origin && !url.pathname.startsWith(BASE_PATH)) {
        outside.push(`link ${link.href} on ${path(crawled.url)}`);
      }
    }
    for (const asset of crawled.assets) {
      if (!path(asset).startsWith(BASE_PATH)) outside.push(`asset ${asset} on ${path(crawled.url)}`);
      else assets.add(asset);
    }
  }
  expect(outside, `URLs outside ${BASE_PATH}:\n${outside.join('\n')}`).toEqual([]);

  const paths = [...assets].map(path);
  expect(paths, 'the favicon').toContain(`${BASE_PATH}favicon.svg`);
  expect(
    paths.some((asset) => asset.endsWith('.css')),
    'a stylesheet',
  ).toBe(true);
  const failed: string[] = [];
  for (const asset of assets) {
    const response = await page.request.get(asset);
    if (response.status() !== 200) failed.push(`${path(asset)}: HTTP ${response.status()}`);
  }
  expect(failed, `assets that did not load:\n${failed.join('\n')}`).toEqual([]);
});

test('the lesson simulation runs under the base path, its worker included', async ({ page, baseURL }) => {
  const workers: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('sampler.worker')) workers.push(request.url());
  });
  await page.goto(under(LESSON));
  await expect(page.getByRole('heading', { level: 1, name: 'Why dropout' })).toBeVisible();

  const figure = await openSimulation(page);
  await expect(chart(figure)).toBeVisible();
  await figure.getByRole('button', { name: 'Draw once' }).click();
  await expect(statistic(figure, 'Draws')).toHaveText(`1 of ${TOTAL_DRAWS}`);

  expect(workers).toHaveLength(1);
  expect(workers[0]).toMatch(new RegExp(`^${new URL(BASE_PATH, baseURL).href}`));
});
