import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { cacheNames, deployNextVersion, onDeployedCourse, waitForOffline } from './offline-steps.ts';

const DIST = process.env['E2E_DIST'] ?? './dist';
const DATA_CACHE = 'dropout-lab / data';

/** The build's digit file: its name, its address on a site at `/`, its size and SHA-256. */
function builtFile() {
  const [name = ''] = readdirSync(`${DIST}/data`);
  const content = readFileSync(`${DIST}/data/${name}`);
  return {
    name,
    path: `/data/${name}`,
    bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

/** What the page's fetch of `path` returns: status, size and SHA-256. */
function download(page: Page, path: string) {
  return page.evaluate(async (address) => {
    const response = await fetch(address);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return {
      status: response.status,
      bytes: bytes.length,
      sha256: Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(''),
    };
  }, path);
}

/** The paths the data cache holds, sorted, or null when there is none. */
function dataCached(page: Page): Promise<string[] | null> {
  return page.evaluate(async (name) => {
    if (!(await caches.has(name))) return null;
    const requests = await (await caches.open(name)).keys();
    return requests.map((request) => new URL(request.url).pathname).sort();
  }, DATA_CACHE);
}

test.describe('the digit file, with service workers allowed', () => {
  test.use({ serviceWorkers: 'allow' });
  let FILE: ReturnType<typeof builtFile>;
  test.beforeAll(() => {
    FILE = builtFile();
  });

  test('is not precached, is kept when first fetched, and then reads offline', async ({ page }) => {
    expect(FILE.name).toMatch(/^mnist-[0-9a-f]{8}\.bin$/);
    expect(FILE.sha256.startsWith(FILE.name.slice('mnist-'.length, -'.bin'.length))).toBe(true);
    await page.goto('/');
    await waitForOffline(page);
    expect(await dataCached(page)).toBeNull();
    const [version = ''] = await cacheNames(page);
    const inVersion = () =>
      page.evaluate(
        async ([name, path]) => Boolean(await (await caches.open(name!)).match(path!)),
        [version, FILE.path],
      );
    expect(await inVersion()).toBe(false);

    expect(await download(page, FILE.path)).toEqual({ status: 200, bytes: FILE.bytes, sha256: FILE.sha256 });
    await expect.poll(() => dataCached(page)).toEqual([FILE.path]);
    expect((await cacheNames(page)).sort()).toEqual([DATA_CACHE, version].sort());
    expect(await inVersion()).toBe(false);

    await page.context().setOffline(true);
    expect(await download(page, FILE.path)).toEqual({ status: 200, bytes: FILE.bytes, sha256: FILE.sha256 });
  });

  test('keeps no download that is not the build’s file', async ({ page, context }) => {
    await page.goto('/');
    await waitForOffline(page);
    // The worker's own request for the file, answered with one byte changed.
    const damaged = readFileSync(`${DIST}${FILE.path}`);
    damaged[100]! ^= 1;
    await context.route(`**${FILE.path}`, (route) => route.fulfill({ status: 200, body: damaged }));
    const first = await download(page, FILE.path);
    expect(first.bytes).toBe(FILE.bytes);
    expect(first.sha256).not.toBe(FILE.sha256);
    await context.unroute(`**${FILE.path}`);
    // The next request goes to the network again, and that download is kept.
    expect(await download(page, FILE.path)).toEqual({ status: 200, bytes: FILE.bytes, sha256: FILE.sha256 });
    await expect.poll(() => dataCached(page)).toEqual([FILE.path]);
  });

  test('a new version keeps the current data file and deletes the others', async ({ browser }) => {
    await onDeployedCourse(browser, DIST, async (page, server) => {
      await download(page, FILE.path);
      await expect.poll(() => dataCached(page)).toEqual([FILE.path]);
      // The file of an earlier build, still in the cache.
      const old = '/data/mnist-00000000.bin';
      await page.evaluate(
        async ([name, path]) => (await caches.open(name!)).put(path!, new Response('earlier digits')),
        [DATA_CACHE, old],
      );
      expect(await dataCached(page)).toEqual([old, FILE.path]);

      // The next build, with the same files, activates when the page hands over to it.
      const [version = ''] = (await cacheNames(page)).filter((name) => name !== DATA_CACHE);
      await deployNextVersion(page, server, version.split(' ').at(-1) ?? '');
      const reloaded = page.waitForEvent('load');
      await page.getByRole('button', { name: 'Reload' }).click();
      await reloaded;
      await expect.poll(() => dataCached(page)).toEqual([FILE.path]);
      await page.context().setOffline(true);
      expect(await download(page, FILE.path)).toEqual({ status: 200, bytes: FILE.bytes, sha256: FILE.sha256 });
    });
  });
});
