import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { settle } from './helpers.ts';

const THEME_KEY = 'dropout-lab:theme';

function toggle(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: 'Dark theme' });
}

function bodyBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

function storedTheme(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), THEME_KEY);
}

test.describe('with a light system theme', () => {
  test.use({ colorScheme: 'light' });

  test('the toggle switches to dark and back, and says which theme is on', async ({ page }) => {
    await page.goto('/');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'light');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    const light = await bodyBackground(page);

    await toggle(page).click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => bodyBackground(page)).not.toBe(light);
    const dark = await bodyBackground(page);

    await toggle(page).click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => bodyBackground(page)).toBe(light);
    expect(dark).not.toBe(light);
  });

  test('the choice persists across reloads and navigation', async ({ page }) => {
    await page.goto('/');
    await toggle(page).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    await settle(page);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');

    await settle(page);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Notation' }).click();
    await expect(page).toHaveURL('/notation/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  });

  test('the chosen theme is in place before the first paint', async ({ page }) => {
    await page.goto('/');
    await toggle(page).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    await settle(page);
    // Hold back the render-blocking stylesheet: until it arrives the browser cannot paint,
    // deferred and module scripts cannot run and the load event cannot fire.
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.css', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/', { waitUntil: 'commit' });
    // Poll on a timer: animation frames do not run while rendering is blocked.
    const early = await page.waitForFunction(
      () =>
        document.body === null
          ? false
          : { theme: document.documentElement.dataset['theme'], readyState: document.readyState },
      undefined,
      { polling: 10 },
    );
    const state = await early.jsonValue();
    release();
    const { theme, readyState } = state || { theme: undefined, readyState: undefined };

    expect(readyState, 'the check must run before the load event').not.toBe('complete');
    expect(theme, 'theme when the body first exists, before any paint').toBe('dark');
    await page.waitForLoadState('load');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('choosing the system theme forgets the stored choice', async ({ page }) => {
    await page.goto('/');
    expect(await storedTheme(page)).toBeNull();

    await toggle(page).click();
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    expect(await storedTheme(page)).toBe('dark');

    await toggle(page).click();
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    expect(await storedTheme(page)).toBeNull();
  });
});

test.describe('with a dark system theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the page starts dark', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  });

  test('choosing light is stored, and choosing dark again forgets it', async ({ page }) => {
    await page.goto('/');
    await toggle(page).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await storedTheme(page)).toBe('light');

    await settle(page);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

    await toggle(page).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await storedTheme(page)).toBeNull();
  });
});

test('with scripts on, the switch takes its place before its module runs, so the page does not move when it does', async ({
  page,
}) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto('/lab/training/');
  const switchButton = page.locator('.site-header .theme-toggle');
  await expect(switchButton).toBeVisible();
  const shown = await switchButton.boundingBox();
  // As the page has it from the HTML until the module un-hides it.
  await switchButton.evaluate((button: HTMLElement) => (button.hidden = true));
  expect(await switchButton.evaluate((button) => getComputedStyle(button).display)).not.toBe('none');
  expect(await switchButton.boundingBox()).toEqual(shown);
});
