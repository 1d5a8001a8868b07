import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { ROUTES, isEmbedRoute, settle } from './helpers.ts';

/** The policy's directive that starts with `name`, or "" when it has none. */
function directive(policy: string, name: string): string {
  return (
    policy
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${name} `)) ?? ''
  );
}

async function expectEmbedChrome(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await page.title()).toContain('Dropout Lab');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveCount(0);
  const open = page.getByRole('main').getByRole('link', { name: 'Open in a new tab' });
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('rel', 'noopener');
}

async function expectSiteChrome(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(/\S/);
  expect(await page.title()).toContain('Dropout Lab');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  const siteNav = page.getByRole('navigation', { name: 'Site' });
  await expect(siteNav).toBeVisible();
  await expect(siteNav.getByRole('link')).toHaveText(['Lessons', 'Lab', 'Glossary', 'Notation', 'About', 'Search']);
}

async function expectStrictPolicy(page: Page): Promise<void> {
  const policy = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
  expect(directive(policy, 'default-src')).toBe("default-src 'self'");
  expect(directive(policy, 'script-src')).toMatch(/^script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+$/);
  expect(directive(policy, 'style-src-elem')).not.toContain('unsafe-inline');
  expect(directive(policy, 'object-src')).toBe("object-src 'none'");

  // Every inline script and style element is allowed by its hash, not by its position
  // before the <meta> policy: the same policy must hold when sent as an HTTP header.
  const inline = await page.evaluate(async () => {
    const digest = async (text: string) => {
      const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
      return `'sha256-${btoa(String.fromCharCode(...bytes))}'`;
    };
    const scripts = [...document.querySelectorAll('script:not([src])')].map((e) => e.textContent ?? '');
    const styles = [...document.querySelectorAll('style')].map((e) => e.textContent ?? '');
    return { scripts: await Promise.all(scripts.map(digest)), styles: await Promise.all(styles.map(digest)) };
  });
  expect(inline.scripts.length).toBeGreaterThan(0);
  for (const hash of inline.scripts) expect(directive(policy, 'script-src')).toContain(hash);
  for (const hash of inline.styles) expect(directive(policy, 'style-src-elem')).toContain(hash);
}

/** The skip link is the first tab stop and moves focus to the main content. */
async function expectSkipLink(page: Page): Promise<void> {
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/#main$/);
}

// One load a page: its checks read the page and only the skip link's moves the focus, so it goes first.
for (const route of ROUTES) {
  if (isEmbedRoute(route)) {
    test(`page ${route} loads without site chrome (one main landmark, one heading, a link to open it in a new tab) and ships a strict Content-Security-Policy`, async ({
      page,
    }) => {
      const response = await page.goto(route);
      expect(response?.status()).toBe(200);
      await test.step('without site chrome', () => expectEmbedChrome(page));
      await test.step('a strict Content-Security-Policy', () => expectStrictPolicy(page));
    });
  } else {
    test(`page ${route}: the skip link is the first tab stop, the page has the site chrome and one top-level heading, and ships a strict Content-Security-Policy`, async ({
      page,
    }) => {
      const response = await page.goto(route);
      expect(response?.status()).toBe(200);
      await test.step('the skip link moves focus to the main content', () => expectSkipLink(page));
      await test.step('the site chrome and one top-level heading', () => expectSiteChrome(page));
      await test.step('a strict Content-Security-Policy', () => expectStrictPolicy(page));
    });
  }
}

test('the current page is marked in the site navigation', async ({ page }) => {
  await page.goto('/notation/');
  const siteNav = page.getByRole('navigation', { name: 'Site' });
  await expect(siteNav.getByRole('link', { name: 'Notation' })).toHaveAttribute('aria-current', 'page');
  await expect(siteNav.getByRole('link', { name: 'About' })).not.toHaveAttribute('aria-current', /.*/);
});

test('an unknown address shows the 404 page with a way back to the course', async ({ page }) => {
  const response = await page.goto('/does-not-exist/');
  expect(response?.status()).toBe(404);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page).toHaveTitle(/Page not found/);
  const home = page.getByRole('link', { name: 'Go to the course home' });
  await expect(home).toHaveAttribute('href', '/');

  await settle(page);
  await home.click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dropout Lab');
});
