/**
 * `npm run bench -- main-thread`: what the reader's main thread does while the simulations work, in
 * Chromium against `astro preview` of the built site (`npm run build` first). Each scenario records
 * the page's long tasks (over 50 ms, the browser's own threshold) and prints how many there were and
 * the longest against the 50 ms budget of a responsive page; the feature-map scenario also reads each
 * toggle's time from click to the next paint (Event Timing), against one frame at 60 Hz. These are
 * measurements, not tests: on a shared machine another process can stretch a task, so the figures
 * are read, never asserted.
 */
import { existsSync } from 'node:fs';
import { chromium, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, ORIGIN, preview } from './preview.ts';
/** The longest task a page may run and still answer a click at once (RAIL; the Long Tasks API's threshold). */
const BUDGET_MS = 50;

/**
 * One way of keeping the simulations busy: opens its page, starts the work, and returns when it has
 * run, with a line of its own to print (a string) where it measures more than long tasks.
 */
interface Scenario {
  name: string;
  run(page: Page): Promise<unknown>;
}

/** Toggles of the feature-map simulation's units, each a real click, whose time to the next paint is read. */
const TOGGLES = 60;
/** The least duration the Event Timing API reports, in ms: one frame at 60 Hz, rounded as the API rounds. */
const EVENT_THRESHOLD_MS = 16;

async function figureOf(page: Page, path: string, caption: string): Promise<Locator> {
  await page.goto(`${ORIGIN}${path}`);
  const figure = page.getByRole('figure', { name: `Simulation: ${caption}` });
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
  return figure;
}

/** The value (`dd`) of a statistic by its term (`dt`). */
const statistic = (figure: Locator, term: string) =>
  figure.getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd[1]');

const SCENARIOS: Scenario[] = [
  {
    name: 'drop counts: 100,000 masks of 100,000 units',
    async run(page) {
      const figure = await figureOf(page, '/lab/drop-counts/', 'how many units drop');
      await statistic(figure, 'Sampled: exactly 512').filter({ hasText: /%$/ }).waitFor();
      await record(page);
      await figure.getByLabel('Sampled masks', { exact: true }).selectOption('100000');
      await figure.getByRole('button', { name: '100,000' }).click();
      await statistic(figure, 'Sampled: exactly 50000').filter({ hasText: /%$/ }).waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'training lab: both runs training, charts updating, 10 s',
    async run(page) {
      const figure = await figureOf(page, '/lab/training/?lab.epochs=5000', 'train with and without dropout');
      await figure.getByLabel('Speed').selectOption('medium');
      await record(page);
      await figure.getByRole('button', { name: 'Train' }).click();
      await page.waitForTimeout(10_000);
    },
  },
  {
    name: 'digits lab: a point of the size experiment, both networks',
    async run(page) {
      const path = '/lab/digits/?digits.experiment=size&digits.size=100';
      const figure = await figureOf(page, path, 'dropout on real digits');
      await record(page);
      await figure.getByRole('button', { name: 'Run again' }).click();
      await figure
        .locator('.sim-summary')
        .filter({ hasText: 'Your run (seed 1, 256 hidden units) finished' })
        .waitFor({ timeout: 300_000 });
    },
  },
  {
    name: `feature maps: ${TOGGLES} units toggled by pointer`,
    async run(page) {
      const figure = await figureOf(
        page,
        '/lab/feature-maps/',
        'toggle the units of a trained network and watch its feature maps',
      );
      // The worker has trained the pair once a unit's button says whether it is kept.
      const units = figure.getByRole('button', { name: /^Hidden layer \d unit \d+: (kept|dropped)/ });
      await units.first().waitFor();
      await units.first().scrollIntoViewIfNeeded();
      // Clicks go straight to the page's input at each tile's centre, as a person's do: Playwright's
      // own click runs checks in the page first, which would be timed with the toggle.
      const centres = await Promise.all(
        (await units.all()).map(async (unit) => {
          const box = await unit.boundingBox();
          if (!box) throw new Error('a unit tile has no box');
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        }),
      );
      const noteBox = await figure.getByText(/^Select a hidden unit’s map/).boundingBox();
      if (!noteBox) throw new Error('the simulation has no note to click');
      await record(page);
      const toggles = await clickTimes(page, TOGGLES, (i) => centres[i % centres.length]!);
      // The same number of clicks on the note beside the tiles, which change nothing: the time a
      // click takes to reach the screen on this machine when the page has nothing to redraw.
      const idle = await clickTimes(page, TOGGLES, () => ({ x: noteBox.x + 4, y: noteBox.y + 4 }));
      return [
        `    click to next paint (Event Timing, 8 ms steps), toggles: ${describeTimes(toggles)}`,
        `    clicks that change nothing, on the same page:              ${describeTimes(idle)}`,
      ].join('\n');
    },
  },
];

/** Clicks `count` times at `at(i)`, a frame apart, and gives each click's time from input to the next paint (0 under the threshold). */
async function clickTimes(page: Page, count: number, at: (i: number) => { x: number; y: number }): Promise<number[]> {
  await page.evaluate((threshold) => {
    const times: number[] = [];
    (window as unknown as { clickTimes: number[] }).clickTimes = times;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'click') times.push(entry.duration);
    }).observe({ type: 'event', durationThreshold: threshold, buffered: false } as PerformanceObserverInit);
  }, EVENT_THRESHOLD_MS);
  for (let i = 0; i < count; i++) {
    const { x, y } = at(i);
    await page.mouse.click(x, y);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
  }
  const slow = await page.evaluate(() => (window as unknown as { clickTimes: number[] }).clickTimes);
  // Event Timing reports only the clicks of at least the threshold: the rest painted within a frame.
  return [...Array<number>(count - slow.length).fill(0), ...slow].sort((a, b) => a - b);
}

/** How many of the times reach a frame, their median and their 95th percentile. */
function describeTimes(sorted: readonly number[]): string {
  const at = (q: number) => sorted[Math.ceil(q * sorted.length) - 1] ?? 0;
  const shown = (ms: number) => (ms < EVENT_THRESHOLD_MS ? `under ${EVENT_THRESHOLD_MS} ms` : `${ms} ms`);
  const slow = sorted.filter((ms) => ms >= EVENT_THRESHOLD_MS).length;
  return `${slow} of ${sorted.length} took ${EVENT_THRESHOLD_MS} ms or more; median ${shown(at(0.5))}, 95th percentile ${shown(at(0.95))}`;
}

/** Starts recording the page's long tasks. */
async function record(page: Page): Promise<void> {
  await page.evaluate(() => {
    const store: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = store;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) store.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
}

/** Runs every scenario in a fresh page and prints its long tasks. */
export async function mainThreadBenchmark(): Promise<void> {
  console.log(`\nmain thread while the simulations work (Chromium, long tasks over ${BUDGET_MS} ms)\n`);
  const server = await preview('main-thread');
  const browser = await chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    console.log(
      '                                                          tasks   longest   longest ÷ budget   ran for',
    );
    // BENCH_SCENARIO=feature runs the scenarios whose name contains "feature" alone.
    const only = process.env['BENCH_SCENARIO'] ?? '';
    for (const scenario of SCENARIOS.filter(({ name }) => name.includes(only))) {
      // As in the browser tests: no service worker precaching the course beside the page.
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      const start = performance.now();
      const extra = await scenario.run(page);
      const seconds = (performance.now() - start) / 1000;
      const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
      const longest = Math.max(0, ...tasks);
      console.log(
        `  ${scenario.name.padEnd(56)} ${String(tasks.length).padStart(5)} ${longest.toFixed(0).padStart(6)} ms ${(longest / BUDGET_MS).toFixed(2).padStart(10)}× ${seconds.toFixed(1).padStart(8)} s`,
      );
      if (typeof extra === 'string') console.log(extra);
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
}
