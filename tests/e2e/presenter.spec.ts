import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { expectNoAxeViolations, hydrateAll, statistic } from './helpers.ts';
import { HOST_ORIGIN, hostPage } from './hosts.ts';

test.use({ viewport: { width: 1280, height: 900 } });

const LAB = 'Simulation: train with and without dropout';

/** Opens a lab or embed page and waits until its simulation has hydrated. */
async function open(page: Page, route: string, name: string): Promise<Locator> {
  await page.goto(route);
  const figure = page.getByRole('figure', { name });
  await expect(figure.locator('astro-island').first()).not.toHaveAttribute('ssr');
  // A shortcut acts on what the worker has sent: wait, as a reader would, until it is there.
  await expect(figure.locator('.sim-pending')).toHaveCount(0);
  return figure;
}

/** Whether the whole document is shown full screen. */
function fullScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => document.fullscreenElement === document.documentElement);
}

/** Computed style values of the first element a locator finds. */
function computed(locator: Locator, property: 'fontSize' | 'strokeWidth'): Promise<number> {
  return locator.first().evaluate((element, name) => parseFloat(getComputedStyle(element)[name]), property);
}

const toggle = (page: Page) => page.getByRole('button', { name: 'Presenter mode' });

/** Fails with one line per text that does not reach 7:1 against its background (WCAG 1.4.6, AAA). */
async function expectEnhancedContrast(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
  const found = violations.flatMap((violation) =>
    violation.nodes.map((node) => `${node.target.join(' ')}: ${node.any.map((check) => check.message).join('; ')}`),
  );
  expect(found, 'text below 7:1 in presenter mode').toEqual([]);
}

/** Presenter mode as the reader sees it: pressed toggle, no site chrome, full screen. */
async function expectPresenting(page: Page): Promise<void> {
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', '');
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Lab', exact: true })).toBeHidden();
  await expect(page.getByText('From the lesson')).toBeHidden();
  await expect.poll(() => fullScreen(page)).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Full screen' })).toHaveCount(0);
}

/** The page as it was: chrome back, toggle released, not full screen. */
async function expectRestored(page: Page): Promise<void> {
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).not.toHaveAttribute('data-presenter');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect.poll(() => fullScreen(page)).toBe(false);
}

test('Tab and Enter enter presenter mode: full screen, no chrome, larger type and thicker lines; Enter leaves', async ({
  page,
}) => {
  const figure = await open(page, '/lab/training/', LAB);
  await expect(page.getByText('Press ? for keyboard shortcuts')).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  const step = figure.getByRole('button', { name: 'Step one epoch' });
  // The smoothed line, and the faint raw values under it.
  const line = figure.locator('.sim-live .chart-line:not(.chart-raw .chart-line)');
  const raw = figure.locator('.sim-live .chart-raw .chart-line');
  const axis = figure.locator('.sim-live .chart-axis text');
  const before = {
    type: await computed(step, 'fontSize'),
    axis: await computed(axis, 'fontSize'),
    line: await computed(line, 'strokeWidth'),
    raw: await computed(raw, 'strokeWidth'),
  };
  await expect(step).toHaveAttribute('aria-keyshortcuts', 'S');

  for (let presses = 0; presses < 40; presses++) {
    if (await toggle(page).evaluate((button) => button === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(toggle(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expectPresenting(page);
  await expect(toggle(page)).toBeFocused();
  expect(await computed(step, 'fontSize')).toBeGreaterThan(before.type * 1.2);
  expect(await computed(axis, 'fontSize')).toBeGreaterThan(before.axis * 1.2);
  expect(await computed(line, 'strokeWidth')).toBeGreaterThan(before.line * 1.5);
  expect(await computed(raw, 'strokeWidth')).toBeGreaterThan(before.raw * 1.5);
  await expect(figure.locator('.sim-live .chart-axis line').first()).toHaveCSS('stroke-width', '2px');

  await page.keyboard.press('Enter');
  await expectRestored(page);
  await expect(toggle(page)).toBeFocused();
  expect(await computed(step, 'fontSize')).toBe(before.type);
});

test('F enters presenter mode, Esc leaves it, and so does the browser leaving full screen', async ({ page }) => {
  await open(page, '/lab/bernoulli-draws/', 'Simulation: one unit under dropout');
  // From a link that presenter mode hides, the focus moves to the toggle.
  const navLink = page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Lab' });
  await navLink.focus();
  await page.keyboard.press('f');
  await expectPresenting(page);
  await expect(toggle(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expectRestored(page);

  await page.keyboard.press('F');
  await expectPresenting(page);
  await page.evaluate(() => document.exitFullscreen());
  await expectRestored(page);
});

test('? lists exactly the shortcuts of the lab; Esc closes the list, keeps presenter mode and returns the focus', async ({
  page,
}) => {
  const figure = await open(page, '/lab/training/', LAB);
  await page.keyboard.press('f');
  await expectPresenting(page);
  const reset = figure.getByRole('button', { name: 'Reset', exact: true });
  await reset.focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('term')).toHaveText(['Space or K', 'S', 'R', '[ or -', '] or + or =', 'N', 'F', '?']);
  await expect(help.getByRole('definition')).toHaveText([
    'Train, pause or resume',
    'Step one epoch',
    'Reset the run',
    'Lower the drop probability p of hidden layer 1 by one step',
    'Raise the drop probability p of hidden layer 1 by one step',
    'Next preset',
    'Enter or leave presenter mode',
    'Show this list of shortcuts',
  ]);
  // Keys pressed while the list is open do not reach the simulation.
  await page.keyboard.press('s');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(reset).toBeFocused();
  await expectPresenting(page);
  await expect(statistic(figure, 'Epoch')).toHaveText('0 of 400');

  await page.keyboard.press('Escape');
  await expectRestored(page);
  // The button opens the same list.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeFocused();
});

test('without the Fullscreen API, presenter mode fills the window and says why', async ({ page }) => {
  await page.addInitScript(() => {
    Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
  });
  await open(page, '/lab/drop-counts/', 'Simulation: how many units drop');
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Full screen is not available here' })).toBeVisible();
  expect(await fullScreen(page)).toBe(false);
  await page.keyboard.press('Escape');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByText('Full screen is not available here')).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const route of ['/lab/training/', '/lab/drop-counts/', '/embed/sim/bernoulli-draws/', '/lab/dropout-l2/']) {
    test(`axe finds no violations, and text reaches 7:1, in presenter mode on ${route}, ${colorScheme} theme`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(route);
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await hydrateAll(page);
      await page.keyboard.press('f');
      await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
      await expectNoAxeViolations(page);
      await expectEnhancedContrast(page);
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
}

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('presenter mode reflows without horizontal scrolling and axe finds no violations', async ({ page }) => {
    await page.goto('/lab/training/');
    await hydrateAll(page);
    await toggle(page).click();
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('banner')).toBeHidden();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, 'the page must not scroll sideways').toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page);
  });
});

test.describe('an embed page', () => {
  test('has presenter mode without the "Open in a new tab" link, and its own list of shortcuts', async ({ page }) => {
    const figure = await open(page, '/embed/sim/bernoulli-draws/', 'Simulation: one unit under dropout');
    const openLink = page.getByRole('link', { name: 'Open in a new tab' });
    await expect(openLink).toBeVisible();
    await page.keyboard.press('f');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => fullScreen(page)).toBe(true);
    await expect(openLink).toBeHidden();
    await expect(figure.getByRole('heading', { level: 1 })).toBeVisible();

    await page.keyboard.press('s');
    await expect(statistic(figure, 'Draws')).toHaveText('1 of 400');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog').getByRole('definition')).toHaveText([
      'Run or pause the draws',
      'Draw once',
      'Reset the draws',
      'Lower the drop probability p by one step',
      'Raise the drop probability p by one step',
      'Enter or leave presenter mode',
      'Show this list of shortcuts',
    ]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(openLink).toBeVisible();
  });

  test.describe('in an LMS frame that does not allow full screen', () => {
    test.use({ allowedOrigins: [HOST_ORIGIN] });

    test('falls back to filling the frame, and shortcuts still act', async ({ page }) => {
      await page.goto(hostPage('canvas.html'));
      const frame = page.frameLocator('iframe');
      const figure = frame.getByRole('figure', { name: LAB });
      await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
      await frame.getByRole('button', { name: 'Presenter mode' }).click();
      await expect(frame.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
      await expect(frame.getByRole('status').filter({ hasText: 'Full screen is not available here' })).toBeVisible();
      await expect(frame.getByRole('link', { name: 'Open in a new tab' })).toBeHidden();
      await page.keyboard.press('s');
      await expect(statistic(figure, 'Epoch')).toHaveText('1 of 400');
    });
  });
});
