import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { DRAWS_TOTAL } from '../../src/islands/bernoulli-draws/definition.ts';
import { SIM_IDS } from '../../src/islands/simulations.ts';
import { expect } from './fixtures.ts';

/** The content files of a folder, by name without extension: the lessons, the quizzes. */
const named = (folder: string, extension: string) =>
  readdirSync(folder)
    .filter((file) => file.endsWith(extension))
    .map((file) => file.slice(0, -extension.length));

/** Every page of the site, by path; a simulation's three pages come from its definition. `crawl.spec.ts` checks that a crawl finds exactly these. */
export const ROUTES = [
  '/',
  ...named('content/lessons', '.mdx').map((lesson) => `/lessons/${lesson}/`),
  '/lab/',
  ...SIM_IDS.map((sim) => `/lab/${sim}/`),
  ...SIM_IDS.map((sim) => `/lab/${sim}/teach/`),
  '/glossary/',
  '/notation/',
  '/about/',
  '/search/',
  ...SIM_IDS.map((sim) => `/embed/sim/${sim}/`),
  ...named('content/quizzes', '.yaml').map((quiz) => `/embed/quiz/${quiz}/`),
];

/** Whether a route is an embed page: no site chrome, made for an iframe. */
export function isEmbedRoute(route: string): boolean {
  return route.startsWith('/embed/');
}

/**
 * The routes a crawl from the home page must find: all of them, the embed pages through the
 * links in the lessons' embed dialogs.
 */
export const LINKED_ROUTES = ROUTES;

/** The lesson that holds the Bernoulli-draws simulation. */
export const LESSON = '/lessons/why-dropout/';

/** The WCAG levels the site promises (DESIGN.md: WCAG 2.1 AA). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Draws the Bernoulli-draws simulation samples per setting. */
export const TOTAL_DRAWS = DRAWS_TOTAL;

/** One page a crawl visited. */
export interface CrawledPage {
  /** absolute URL without fragment */
  url: string;
  /** HTTP status of the document */
  status: number;
  /** ids of all elements on the page, for fragment checks */
  ids: string[];
  /** every `a[href]`: the attribute as written and the URL it resolves to */
  links: { href: string; url: string }[];
  /**
   * resolved URLs of stylesheets and icons (`link[href]`), scripts (`script[src]`) and images (`img[src]`)
   * that the browser requests: an image drawn inline as a `data:` URL (a simulation's map tile) is part
   * of its page, not a request
   */
  assets: string[];
}

/** What a crawl found: the pages it visited and every broken link, described for a failure message. */
export interface CrawlResult {
  pages: Map<string, CrawledPage>;
  broken: string[];
}

/**
 * Visits `start` and every same-origin page linked from it with `a[href]`, each once.
 * A link is broken when its page answers with anything but 200, or when its `#fragment`
 * names no element on the target page.
 */
export async function crawl(page: Page, start: string): Promise<CrawlResult> {
  const origin = new URL(start).origin;
  const pages = new Map<string, CrawledPage>();
  const linkedFrom = new Map<string, string>([[withoutHash(start), '(start)']]);
  const queue = [withoutHash(start)];
  const broken: string[] = [];

  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    // Downloads (the SCORM packages) are fetched, not opened as pages.
    if (url.endsWith('.zip')) {
      const download = await page.request.get(url);
      const kind = download.headers()['content-type'] ?? '';
      if (download.status() !== 200 || (await download.body()).subarray(0, 2).toString() !== 'PK') {
        broken.push(`${path(url)} (linked from ${linkedFrom.get(url)}): HTTP ${download.status()} ${kind}, not a zip`);
      }
      continue;
    }
    const response = await page.goto(url);
    await settle(page);
    const status = response?.status() ?? 0;
    const found = await page.evaluate(() => ({
      ids: [...document.querySelectorAll('[id]')].map((element) => element.id),
      links: [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => ({
        href: a.getAttribute('href') ?? '',
        url: a.href,
      })),
      assets: [
        ...[...document.querySelectorAll<HTMLLinkElement>('link[href]')].map((link) => link.href),
        ...[...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((script) => script.src),
        ...[...document.querySelectorAll<HTMLImageElement>('img[src]')].map((image) => image.src),
      ].filter((asset) => !asset.startsWith('data:')),
    }));
    pages.set(url, { url, status, ...found });
    if (status !== 200) broken.push(`${path(url)} (linked from ${linkedFrom.get(url)}): HTTP ${status}`);
    for (const link of found.links) {
      // A query string opens a simulation in a prepared state (a teacher's page links to its steps'):
      // the same page, which the crawl visits once.
      const target = pageOf(link.url);
      if (new URL(target).origin !== origin || linkedFrom.has(target)) continue;
      linkedFrom.set(target, path(url));
      queue.push(target);
    }
  }

  for (const source of pages.values()) {
    for (const link of source.links) {
      const { hash } = new URL(link.url);
      const target = pages.get(pageOf(link.url));
      if (!target || hash === '') continue;
      const id = decodeURIComponent(hash.slice(1));
      if (!target.ids.includes(id)) {
        broken.push(`${link.href} on ${path(source.url)}: no element with id "${id}" on ${path(target.url)}`);
      }
    }
  }
  return { pages, broken };
}

/**
 * Waits until a page has fetched what it renders, so leaving it cuts off no request: the fonts
 * its first frame asked for (KaTeX loads them lazily), then whatever else is in flight (the favicon).
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await document.fonts.ready;
  });
  await page.waitForLoadState('networkidle');
}

function withoutHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** The page a link leads to: its URL without fragment and without the query string that sets a simulation's state. */
function pageOf(url: string): string {
  const parsed = new URL(withoutHash(url));
  parsed.search = '';
  return parsed.href;
}

/** Path and query of a URL, for messages. */
export function path(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + search;
}

/**
 * Runs axe with the WCAG 2.1 A/AA rules and fails with one readable line per violation and node.
 * Legacy mode runs axe in the page itself instead of gathering its results in a second, blank page,
 * which costs about two seconds a call; the course's pages hold no cross-origin frame, which only that
 * second page could reach. Only violations are asked for: the passes of a lesson's thousands of nodes
 * would cross the wire to be thrown away.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] })
    .analyze();
  const described = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help}\n` +
      violation.nodes.map((node) => `    at ${node.target.join(' ')}`).join('\n'),
  );
  expect(described, `axe violations on ${path(page.url())}:\n${described.join('\n')}`).toEqual([]);
}

/**
 * Headings that step down one level at a time (axe's `heading-order`, which Lighthouse's
 * accessibility score counts): a screen reader's list of headings is the page's outline.
 */
export async function expectHeadingsInOrder(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).withRules(['heading-order']).analyze();
  const skipped = violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' ')));
  expect(skipped, `headings that skip a level on ${path(page.url())}`).toEqual([]);
}

/**
 * Scrolls every simulation on the page into view, which hydrates it, and waits until each
 * island has hydrated and its worker has answered (no "…" pending message left).
 */
export async function hydrateAll(page: Page): Promise<void> {
  // A quiz's live task holds a simulation inside the quiz's island: hydrating the quiz hydrates it.
  const quizzes = page.locator('section.quiz');
  for (let i = 0; i < (await quizzes.count()); i++) {
    await quizzes.nth(i).scrollIntoViewIfNeeded();
    await expect(quizzes.nth(i).locator('astro-island')).not.toHaveAttribute('ssr');
  }
  const figures = page.locator('figure.sim:not(.sim-task)');
  for (let i = 0; i < (await figures.count()); i++) {
    const figure = figures.nth(i);
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
    await expect(figure.locator('.sim-pending')).toHaveCount(0);
    await expect(figure.locator('.sim-error')).toHaveCount(0);
  }
}

/** The lesson's simulation, found by its caption. */
export function simulation(page: Page): Locator {
  return page.getByRole('figure', { name: 'Simulation: one unit under dropout' });
}

/** The simulation's chart, which appears once the worker has answered. */
export function chart(scope: Page | Locator): Locator {
  return scope.getByRole('img', { name: /^Chart of dropout draws/ });
}

/** Scrolls the simulation into view, which hydrates it, and waits until its chart shows data. */
export async function openSimulation(page: Page): Promise<Locator> {
  const figure = simulation(page);
  await figure.scrollIntoViewIfNeeded();
  await expect(chart(figure)).toBeVisible();
  return figure;
}

/** The value (`dd`) of one of the simulation's statistics, by its term (`dt`), e.g. "Draws". */
export function statistic(scope: Locator, term: string | RegExp): Locator {
  const name = typeof term === 'string' ? new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : term;
  return scope.getByRole('term').filter({ hasText: name }).locator('xpath=following-sibling::dd[1]');
}

/**
 * Reads a number as the site prints it (true minus sign, fixed decimals), once it is there: a
 * statistic shows "–" while the worker computes it.
 */
export async function readNumber(locator: Locator): Promise<number> {
  await expect(locator).toHaveText(/^\s*[−-]?\d/);
  const text = (await locator.textContent()) ?? '';
  const value = Number(text.trim().replace('−', '-'));
  expect(Number.isFinite(value), `"${text}" should be a number`).toBe(true);
  return value;
}

/** Runs all draws at once: with reduced motion, "Run" reveals everything immediately. */
export async function runAllDraws(page: Page, figure: Locator): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await figure.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(statistic(figure, 'Draws')).toHaveText(`${TOTAL_DRAWS} of ${TOTAL_DRAWS}`);
}

/** How many lessons the course has: one MDX file each in content/lessons/. */
export const LESSON_COUNT = readdirSync('content/lessons').filter((name) => name.endsWith('.mdx')).length;
