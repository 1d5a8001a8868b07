import { test, expect } from './fixtures.ts';
import { BASE_PATH } from '../../playwright.config.ts';
import { LESSON } from './helpers.ts';
import { cacheNames, cachedPaths, readOffline, waitForOffline } from './offline-steps.ts';

test.use({ serviceWorkers: 'allow' });

/** A site path under the base path: `/lessons/x/` → `/some/path/lessons/x/`. */
const under = (route: string) => BASE_PATH + route.replace(/^\//, '');

test('under a base path the worker’s scope is the base path and the course reads offline', async ({
  page,
  baseURL,
}) => {
  // Precaching the course, then six pages, a simulation and a search.
  test.slow();
  await page.goto(under(LESSON));
  await waitForOffline(page);
  const registration = await page.evaluate(async () => {
    const found = await navigator.serviceWorker.getRegistration();
    return { scope: found?.scope, script: found?.active?.scriptURL };
  });
  expect(registration).toEqual({
    scope: new URL(BASE_PATH, baseURL).href,
    script: new URL(`${BASE_PATH}sw.js`, baseURL).href,
  });
  expect(await cacheNames(page)).toEqual([expect.stringMatching(/^dropout-lab \/some\/path\/ [0-9a-f]{16}$/)]);
  const paths = await cachedPaths(page);
  expect(paths).toContain(BASE_PATH);
  expect(paths).toContain(`${BASE_PATH}pagefind/pagefind.js`);
  expect(paths.filter((path) => !path.startsWith(BASE_PATH))).toEqual([]);

  await readOffline(page, BASE_PATH);
});
