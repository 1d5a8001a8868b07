import { test, expect } from './fixtures.ts';
import {
  LESSON,
  TOTAL_DRAWS,
  chart,
  openSimulation,
  readNumber,
  runAllDraws,
  settle,
  simulation,
  statistic,
} from './helpers.ts';

test.use({ viewport: { width: 1280, height: 800 } });

test('the simulation hydrates only when scrolled into view', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(LESSON, { waitUntil: 'networkidle' });

  const figure = simulation(page);
  await expect(figure).not.toBeInViewport();
  const island = figure.locator('astro-island');
  await expect(island).toHaveAttribute('ssr', '');
  const component = new URL((await island.getAttribute('component-url')) ?? '', page.url()).href;
  expect(requests, 'the component must not load before it is visible').not.toContain(component);
  expect(requests.filter((url) => url.includes('sampler.worker'))).toEqual([]);
  await expect(chart(figure)).toHaveCount(0);

  await figure.scrollIntoViewIfNeeded();
  await expect(chart(figure)).toBeVisible();
  await expect(island).not.toHaveAttribute('ssr');
  expect(requests).toContain(component);
  expect(requests.filter((url) => url.includes('sampler.worker'))).toHaveLength(1);
});

test('stepping draws updates the statistics and announces them politely', async ({ page }) => {
  await page.goto(LESSON);
  const figure = await openSimulation(page);
  await expect(statistic(figure, 'Draws')).toHaveText(`0 of ${TOTAL_DRAWS}`);
  await expect(statistic(figure, 'Running mean')).toHaveText('–');

  await figure.getByRole('button', { name: 'Draw once' }).click();
  await expect(statistic(figure, 'Draws')).toHaveText(`1 of ${TOTAL_DRAWS}`);
  const announcement = figure.getByText(`After 1 draw of ${TOTAL_DRAWS}`);
  await expect(announcement).toBeVisible();
  await expect(announcement).toHaveAttribute('aria-live', 'polite');
  const kept = await readNumber(statistic(figure, 'Kept'));
  const dropped = await readNumber(statistic(figure, 'Dropped'));
  expect(kept + dropped).toBe(1);
  await expect(statistic(figure, 'Running mean')).toHaveText(kept === 1 ? '1.50' : '0.00');

  await figure.getByRole('button', { name: 'Draw 10' }).click();
  await expect(statistic(figure, 'Draws')).toHaveText(`11 of ${TOTAL_DRAWS}`);
  await expect(figure.getByText(`After 11 draws of ${TOTAL_DRAWS}`)).toBeVisible();
  await expect(chart(figure)).toHaveAccessibleName(new RegExp(`After 11 draws of ${TOTAL_DRAWS}`));

  await figure.getByRole('button', { name: 'Reset draws' }).click();
  await expect(statistic(figure, 'Draws')).toHaveText(`0 of ${TOTAL_DRAWS}`);
});

test('with reduced motion, Run reveals every draw at once', async ({ page }) => {
  await page.goto(LESSON);
  const figure = await openSimulation(page);

  await runAllDraws(page, figure);
  await expect(figure.getByRole('button', { name: 'Run again' })).toBeVisible();
  await expect(figure.getByRole('button', { name: 'Draw once' })).toBeDisabled();
  await expect(figure.getByText(`After ${TOTAL_DRAWS} draws of ${TOTAL_DRAWS}`)).toBeVisible();
});

test('Run animates the draws, and Pause stops them', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto(LESSON);
  const figure = await openSimulation(page);
  const draws = statistic(figure, 'Draws');
  const count = async () => Number((await draws.textContent())?.split(' of ')[0]);

  await figure.getByRole('button', { name: 'Run', exact: true }).click();
  const pause = figure.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeVisible();
  await expect.poll(count).toBeGreaterThan(0);
  await pause.click();

  const run = figure.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeVisible();
  const paused = await count();
  expect(paused).toBeGreaterThanOrEqual(1);
  expect(paused).toBeLessThan(TOTAL_DRAWS);
  // While running, the count grows with every few frames; paused, it must not.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let frames = 30;
        const next = () => (--frames === 0 ? resolve() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
  );
  expect(await count()).toBe(paused);
  await expect(figure.getByText(`After ${paused} draws of ${TOTAL_DRAWS}`)).toBeVisible();

  await run.click();
  await expect(draws).toHaveText(`${TOTAL_DRAWS} of ${TOTAL_DRAWS}`, { timeout: 30_000 });
  await expect(figure.getByRole('button', { name: 'Run again' })).toBeVisible();
});

test('the running mean settles near the expected value, with and without inverted scaling', async ({ page }) => {
  await page.goto(LESSON);
  const figure = await openSimulation(page);
  await expect(figure.getByRole('radio', { name: /^None/ })).toBeChecked();
  await expect(statistic(figure, /^Expected/)).toHaveText('0.75');

  await runAllDraws(page, figure);
  // One draw has sd 0.75 (h = 1.5, p = 0.5): 4 sigma of a 400-draw mean is 4 · 0.75 / 20 = 0.15.
  expect(Math.abs((await readNumber(statistic(figure, 'Running mean'))) - 0.75)).toBeLessThanOrEqual(0.15);

  await figure.getByRole('radio', { name: /^Inverted/ }).check();
  await expect(statistic(figure, 'Expected h')).toHaveText('1.50');
  await expect(figure.getByText('expected h = 1.50')).toBeVisible();
  await expect
    .poll(async () => Math.abs((await readNumber(statistic(figure, 'Running mean'))) - 1.5))
    .toBeLessThanOrEqual(0.3);
});

test('the same seed gives the same draws, a new seed different ones', async ({ page }) => {
  await page.goto(LESSON);
  let figure = await openSimulation(page);
  const seed = figure.getByRole('spinbutton', { name: 'Seed' });
  await expect(seed).toHaveValue('1');
  await runAllDraws(page, figure);
  const summary = await chart(figure).getAttribute('aria-label');
  const mean = await statistic(figure, 'Running mean').textContent();

  await settle(page);
  await page.reload();
  figure = await openSimulation(page);
  await runAllDraws(page, figure);
  await expect(chart(figure)).toHaveAttribute('aria-label', summary ?? '');
  await expect(statistic(figure, 'Running mean')).toHaveText(mean ?? '');

  await seed.fill('20240611');
  await seed.press('Tab');
  await expect(chart(figure)).not.toHaveAttribute('aria-label', summary ?? '');
  await expect(statistic(figure, 'Draws')).toHaveText(`${TOTAL_DRAWS} of ${TOTAL_DRAWS}`);
  await expect(statistic(figure, 'Running mean')).not.toHaveText(mean ?? '');
});

test('the drop probability slider works with the keyboard', async ({ page }) => {
  await page.goto(LESSON);
  const figure = await openSimulation(page);
  const slider = figure.getByRole('slider', { name: /Drop probability/ });
  await expect(figure.getByText('p = 0.50, keep probability q = 0.50')).toBeVisible();

  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('0.6');
  await expect(figure.getByText('p = 0.60, keep probability q = 0.40')).toBeVisible();
  await expect(statistic(figure, 'Expected q·h')).toHaveText('0.60');
});

test('the chart is styled by the site stylesheet', async ({ page }) => {
  await page.goto(LESSON);
  const figure = await openSimulation(page);
  const band = chart(figure).locator('.chart-band');
  await expect(band).toHaveCount(1);
  await expect(band).toHaveCSS('fill-opacity', '0.16');
  await expect(band).toHaveCSS('stroke', 'none');
});

test('an invalid seed is clamped and the notice says so', async ({ page }) => {
  await page.goto(LESSON);
  const figure = await openSimulation(page);
  const seed = figure.getByRole('spinbutton', { name: 'Seed' });
  await seed.fill('-5');
  await seed.press('Tab');
  await expect(seed).toHaveValue('0');
  await expect(figure.getByText('The seed must be a whole number from 0 to 4294967295; using 0.')).toBeVisible();
  await seed.fill('12');
  await seed.press('Tab');
  await expect(figure.getByText(/The seed must be/)).toHaveCount(0);
});
