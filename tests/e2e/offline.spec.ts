import { readdirSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect } from './fixtures.ts';
import { LESSON, expectNoAxeViolations, settle } from './helpers.ts';
import {
  cacheNames,
  cachedPaths,
  deployNextVersion,
  expectFromWorker,
  onDeployedCourse,
  readOffline,
  waitForOffline,
} from './offline-steps.ts';

const DIST = process.env['E2E_DIST'] ?? './dist';

test.describe('with service workers allowed', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit the whole course reads offline', async ({ page }) => {
    // Precaching the course, then six pages, a simulation and a search.
    test.slow();
    await page.goto(LESSON);
    await waitForOffline(page);
    await readOffline(page, '/');
  });

  test('the worker keeps every file of one build under one version, but not the SCORM packages or old font formats', async ({
    page,
  }) => {
    await page.goto('/');
    await waitForOffline(page);
    const names = await cacheNames(page);
    expect(names).toEqual([expect.stringMatching(/^dropout-lab \/ [0-9a-f]{16}$/)]);

    const paths = await cachedPaths(page);
    for (const path of [
      '/',
      '/lessons/why-dropout/',
      '/search/',
      '/404.html',
      '/pagefind/pagefind.js',
      '/favicon.svg',
    ]) {
      expect(paths).toContain(path);
    }
    expect(paths.some((path) => /\/pagefind\/fragment\/.+\.pf_fragment$/.test(path))).toBe(true);
    expect(paths.some((path) => /\/pagefind\/wasm\.en\.pagefind$/.test(path))).toBe(true);
    expect(paths.some((path) => /sampler\.worker-.+\.js$/.test(path))).toBe(true);
    expect(paths.some((path) => /KaTeX_Main-Regular\..+\.woff2$/.test(path))).toBe(true);
    expect(
      paths.filter((path) => /\.(woff|ttf)$/.test(path) || path.startsWith('/scorm/') || path === '/sw.js'),
    ).toEqual([]);
    expect(paths.filter((path) => path.endsWith('/index.html'))).toEqual([]);

    // The page's address, with a query string, is answered from the cache.
    expectFromWorker(await page.goto('/lessons/why-dropout/index.html?draws.p=0.3'));
  });

  test('embed pages never register the worker', async ({ page }) => {
    const registrations: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/sw.js')) registrations.push(request.url());
    });
    await page.goto('/embed/quiz/why-dropout/');
    await settle(page);
    await page.goto('/embed/sim/bernoulli-draws/');
    await settle(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(registrations).toEqual([]);
  });

  test('a new version installs beside the old one and takes over only when the reader presses Reload', async ({
    browser,
  }) => {
    // The course is precached twice, once per version, and read by axe in two themes.
    test.slow();
    await onDeployedCourse(browser, DIST, async (page, server) => {
      const [first = ''] = await cacheNames(page);
      const version = first.split(' ').at(-1) ?? '';
      expect(version).toMatch(/^[0-9a-f]{16}$/);

      // The next build is deployed: the same files under another version.
      const next = await deployNextVersion(page, server, version);

      const notice = page.getByRole('status').filter({ hasText: 'A new version of the course is available.' });
      await expect(notice).toBeVisible();
      const both = [`dropout-lab / ${next}`, first].sort();
      const state = () =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return { waiting: registration?.waiting?.state ?? null, caches: (await caches.keys()).sort() };
        });
      await expect.poll(state).toEqual({ waiting: 'installed', caches: both });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await expectNoAxeViolations(page);
      }

      // Dismissed, then a reload: still the old version, which offers the new one again.
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expect(notice).toBeHidden();
      await expect(page.getByRole('main')).toBeFocused();
      expectFromWorker(await page.reload());
      await expect(notice).toBeVisible();
      expect(await state()).toEqual({ waiting: 'installed', caches: both });

      // Reload: the new version takes over, the page reloads from it, the old cache is gone.
      await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));
      const reloaded = page.waitForEvent('load');
      await notice.getByRole('button', { name: 'Reload' }).click();
      await reloaded;
      expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(false);
      await expect.poll(state).toEqual({ waiting: null, caches: [`dropout-lab / ${next}`] });
      await expect(notice).toBeHidden();
      expectFromWorker(await page.reload());
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Why dropout');
    });
  });
});

test.describe('with service workers blocked, as in the rest of the suite', () => {
  test('the page registers nothing and logs no error', async ({ page }) => {
    const messages: string[] = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    await page.goto(LESSON);
    await settle(page);
    await expect
      .poll(() => messages.some((message) => message.includes('Service Worker registration blocked')))
      .toBe(true);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    expect(messages.filter((message) => message.startsWith('error'))).toEqual([]);
  });
});

test('the SCORM packages hold no service worker and no registration', () => {
  const packages = readdirSync(`${DIST}/scorm`).filter((file) => file.endsWith('.zip'));
  expect(packages.length).toBeGreaterThan(0);
  for (const file of packages) {
    const entries = unzipSync(readFileSync(`${DIST}/scorm/${file}`));
    for (const [name, content] of Object.entries(entries)) {
      expect(name).not.toMatch(/(^|\/)sw\.js$/);
      if (/\.(js|html)$/.test(name)) expect(strFromU8(content), `${file}: ${name}`).not.toMatch(/serviceWorker|sw\.js/);
    }
  }
});
