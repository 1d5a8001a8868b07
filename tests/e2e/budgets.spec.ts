import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { COMPILE_HINT } from '../../src/lib/compile-hints.ts';
import { expect, test } from './fixtures.ts';
import { hydrateAll } from './helpers.ts';

/**
 * Byte budgets: what a reader's browser downloads to show a page with all its simulations running,
 * counted by the browser itself (every response body, at a laptop's viewport), and what the
 * build ships in a SCORM package. Bytes, unlike times, are the same on every run of the same build,
 * so they can be tests. Each budget is about 15 % above what the page weighed when it was set: a
 * change that crosses one is a decision to make, by trimming or by raising it here with the reason.
 */

const DIST = process.env['E2E_DIST'] ?? './dist';
const KB = 1024;

/** Each route measured, and its budgets in bytes: in all, and for the page's HTML alone. */
const PAGES = [
  // The home page: text, the live mask figure (its island and Svelte's runtime), each lesson's
  // card with its key figure's thumbnail (the page's theme's, fetched as it nears the window), the
  // progress box, the site's styles and two faces.
  { route: '/', total: 470 * KB, html: 45 * KB },
  // The first lesson: its HTML carries MathML for every formula and each simulation's printed picture;
  // its fonts are KaTeX's as well as the two faces.
  { route: '/lessons/why-dropout/', total: 1_440 * KB, html: 690 * KB },
  // The training lab: the page, its island and the trainer's worker.
  { route: '/lab/training/', total: 550 * KB, html: 196 * KB },
  // An embed, as an LMS frames it.
  { route: '/embed/sim/drop-counts/', total: 415 * KB, html: 27 * KB },
] as const;

/**
 * The bytes of every response the page received, by content type, once every simulation on it
 * has started (scrolled into view, its worker answered) and the network has gone idle.
 */
async function weigh(page: Page, route: string): Promise<Map<string, number>> {
  const bodies: Promise<void>[] = [];
  const bytes = new Map<string, number>();
  page.on('response', (response) => {
    const type = (response.headers()['content-type'] ?? 'unknown').split(';')[0] ?? 'unknown';
    bodies.push(
      response.body().then(
        (body) => void bytes.set(type, (bytes.get(type) ?? 0) + body.length),
        // A redirect has no body.
        () => undefined,
      ),
    );
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(route, { waitUntil: 'networkidle' });
  await hydrateAll(page);
  await page.waitForLoadState('networkidle');
  await Promise.all(bodies);
  return bytes;
}

for (const { route, total, html } of PAGES) {
  test(`${route} downloads at most ${Math.round(total / KB)} KB, its HTML at most ${Math.round(html / KB)} KB`, async ({
    page,
  }) => {
    const bytes = await weigh(page, route);
    const sum = [...bytes.values()].reduce((a, b) => a + b, 0);
    const detail = [...bytes].map(([type, size]) => `${type} ${Math.round(size / KB)} KB`).join(', ');
    expect(sum, detail).toBeLessThanOrEqual(total);
    expect(bytes.get('text/html') ?? 0, detail).toBeLessThanOrEqual(html);
    // Only the formats browsers read today: no WOFF or TrueType font is ever asked for.
    expect([...bytes.keys()].filter((type) => /font\/(woff|ttf)$|truetype/.test(type))).toEqual([]);
  });
}

/** Every file of the build, by path. */
function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// KaTeX's twenty faces weighed 254 KB as KaTeX ships them; cut down to the characters the course
// typesets (src/styles/katex-subset.ts), 135 KB, and the largest SCORM package, which carries them all, 437 KB.
test('the build ships fonts as WOFF2 only, KaTeX’s cut down to at most 160 KB, and each SCORM package weighs at most 500 KB', () => {
  const all = files(DIST);
  expect(all.filter((path) => /\.(woff|ttf|otf|eot)$/.test(path))).toEqual([]);
  const katex = all.filter((path) => /KaTeX_[\w-]+\.[\w-]+\.woff2$/.test(path));
  expect(katex.length).toBe(20);
  expect(katex.reduce((sum, path) => sum + statSync(path).size, 0)).toBeLessThanOrEqual(160 * KB);
  const packages = all.filter((path) => path.endsWith('.zip'));
  expect(packages.length).toBeGreaterThan(0);
  const heavy = packages
    .map((path) => ({ path, size: statSync(path).size }))
    .filter(({ size }) => size > 500 * KB)
    .map(({ path, size }) => `${path}: ${Math.round(size / KB)} KB`);
  expect(heavy).toEqual([]);
});

/**
 * What each measured page asks for before it can show anything or run its islands: one stylesheet
 * (each extra one was a request of its own, and on a phone's few connections it delayed the key
 * figure), and scripts that each open with V8's compile hint (src/lib/compile-hints.ts), so Chrome
 * compiles them off the main thread as they arrive. Read from the build, so the same on every run.
 */
for (const { route } of PAGES) {
  test(`${route} links one stylesheet, and every script it loads carries the compile hint`, () => {
    const html = readFileSync(join(DIST, route, 'index.html'), 'utf8');
    expect(html.match(/<link rel="stylesheet"/g) ?? []).toHaveLength(1);
    const scripts = [...html.matchAll(/(?:<script[^>]* src|component-url|renderer-url)="\/(_astro\/[^"]+\.js)"/g)].map(
      (match) => match[1] ?? '',
    );
    expect(scripts.length).toBeGreaterThan(0);
    const unhinted = scripts.filter((file) => !readFileSync(join(DIST, file), 'utf8').startsWith(COMPILE_HINT));
    expect(unhinted).toEqual([]);
  });
}
