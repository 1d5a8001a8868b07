import type { Browser, Page, Response } from '@playwright/test';
import { DeployServer } from './deploy-server.ts';
import { expect, watch, type PageProblems } from './fixtures.ts';
import { LESSON, openSimulation, settle, statistic } from './helpers.ts';
import { LESSON_TERM, openSearch, result, searchBox } from './search-steps.ts';

/** The service worker's caches, by name (`dropout-lab <base> <version>`). */
export function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys());
}

/**
 * Waits until the course's service worker has installed (every file precached), is active, and
 * controls the page, as it does from the first visit on.
 */
export async function waitForOffline(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/**
 * Runs `steps` on a lesson of the build in `dist`, served by a {@link DeployServer} (whose `sw.js`
 * a test can replace) in a context of its own that allows service workers, once the worker has
 * taken the page; then the page must have reported no problems.
 */
export async function onDeployedCourse(
  browser: Browser,
  dist: string,
  steps: (page: Page, server: DeployServer) => Promise<void>,
): Promise<void> {
  const server = new DeployServer(dist);
  const origin = await server.start();
  const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'allow' });
  const page = await context.newPage();
  const problems: PageProblems = { errors: [] };
  watch(page, origin, problems);
  try {
    await page.goto(LESSON);
    await waitForOffline(page);
    await steps(page, server);
  } finally {
    await context.close();
    await server.stop();
  }
  expect(problems.errors, 'the page reported problems').toEqual([]);
}

/**
 * Deploys the next build, the same files under another version (`version` reversed), and has the
 * page's registration look for it; returns the new version.
 */
export async function deployNextVersion(page: Page, server: DeployServer, version: string): Promise<string> {
  const script = await (await page.request.get('/sw.js')).text();
  const next = [...version].reverse().join('');
  server.nextWorker = script.replaceAll(version, next);
  expect(server.nextWorker).not.toBe(script);
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });
  return next;
}

/** The cached paths of the one cache the page's worker uses. */
export async function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names = await caches.keys();
    if (names.length !== 1 || names[0] === undefined) throw new Error(`expected one cache, found ${names.join(', ')}`);
    const cache = await caches.open(names[0]);
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  });
}

/** Asserts that a document came from the service worker, with the given status. */
export function expectFromWorker(response: Response | null, status = 200): void {
  expect(response, 'a response').not.toBeNull();
  expect(response?.fromServiceWorker(), `${response?.url()} from the service worker`).toBe(true);
  expect(response?.status()).toBe(status);
}

/**
 * Everything a reader does offline after one visit to a lesson, on a site built for `base`:
 * reload, move to other pages, run a simulation (its worker script from the cache), search,
 * read typeset math in KaTeX's font, and meet the 404 page at an address the course does not have.
 */
export async function readOffline(page: Page, base: string): Promise<void> {
  const fromNetwork: string[] = [];
  page.on('response', (response) => {
    const { protocol } = new URL(response.url());
    if (protocol.startsWith('http') && !response.fromServiceWorker()) fromNetwork.push(response.url());
  });
  await page.context().setOffline(true);

  // The lesson, reloaded: styles applied, math in KaTeX's own font.
  expectFromWorker(await page.reload());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Why dropout');
  const headerBackground = await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(headerBackground, 'the site stylesheet applies').not.toBe('rgba(0, 0, 0, 0)');
  await page.locator('.katex').first().scrollIntoViewIfNeeded();
  await settle(page);
  const katexFont = await page.evaluate(() => ({
    check: document.fonts.check('16px KaTeX_Main'),
    loaded: [...document.fonts].some(
      (face) => face.family.replace(/"/g, '') === 'KaTeX_Main' && face.status === 'loaded',
    ),
  }));
  expect(katexFont).toEqual({ check: true, loaded: true });

  // Another lesson, by its link.
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Lessons' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dropout Lab');
  await settle(page);
  const [lesson] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith(`${base}lessons/how-many-units-drop/`)),
    page.getByRole('link', { name: 'How many units drop' }).first().click(),
  ]);
  expectFromWorker(lesson);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How many units drop');
  await settle(page);

  // A lab page with simulation state in the query string: the worker's script comes from the cache.
  const workerScripts: Response[] = [];
  page.on('response', (response) => {
    if (response.url().includes('sampler.worker')) workerScripts.push(response);
  });
  expectFromWorker(await page.goto(`${base}lab/bernoulli-draws/?draws.p=0.3`));
  const figure = await openSimulation(page);
  await expect(figure.getByLabel('Drop probability p')).toHaveValue('0.3');
  await figure.getByRole('button', { name: 'Draw once' }).click();
  await expect(statistic(figure, 'Draws')).toHaveText('1 of 400');
  expect(workerScripts.length, 'the sampling worker was loaded').toBeGreaterThan(0);
  for (const script of workerScripts) expectFromWorker(script);
  await settle(page);

  // Search: Pagefind's script, WebAssembly and index from the cache.
  await openSearch(page, `${base}search/`);
  await searchBox(page).fill(LESSON_TERM.term);
  await expect(result(page, LESSON_TERM.lesson)).toBeVisible();
  await settle(page);

  // An address the course does not have: the course's 404 page, not the browser's error page.
  const missing = await page.goto(`${base}does-not-exist/`);
  expectFromWorker(missing, 404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Go to the course home' })).toHaveAttribute('href', base);

  expect(fromNetwork, 'responses that did not come from the service worker').toEqual([]);
}
