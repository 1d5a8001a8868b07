import { test as base, expect, type Page } from '@playwright/test';

/** Problems a page reported while a test ran: console errors, uncaught errors, failed or foreign requests. */
export interface PageProblems {
  errors: string[];
}

/** Options of the `problems` fixture, set with `test.use` where a test needs them. */
export interface ProblemOptions {
  /** origins besides the site's that the page may request: the LMS stand-in of the embed tests */
  allowedOrigins: string[];
}

/**
 * Every test page records console errors, uncaught exceptions, failed requests,
 * HTTP errors and any request that leaves the site's origin (and the allowed ones);
 * `problems.errors` must be empty at the end of each test, checked automatically.
 */
export const test = base.extend<{ problems: PageProblems } & ProblemOptions>({
  allowedOrigins: [[], { option: true }],
  problems: [
    async ({ page, baseURL, allowedOrigins }, use) => {
      const problems: PageProblems = { errors: [] };
      watch(page, [new URL(baseURL ?? 'http://localhost').origin, ...allowedOrigins], problems);
      await use(problems);
      expect(problems.errors, 'the page reported problems').toEqual([]);
    },
    { auto: true },
  ],
});

/** Attaches the listeners of {@link test}'s `problems` fixture to a page; requests may go to `origins`. */
export function watch(page: Page, origins: string | readonly string[], problems: PageProblems): void {
  const allowed = typeof origins === 'string' ? [origins] : origins;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs the 404 of a page that tests ask for on purpose; see `response` below.
    if (message.location().url.includes('/does-not-exist')) return;
    problems.errors.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!allowed.includes(url.origin)) problems.errors.push(`request left the origin: ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    // ERR_ABORTED is the browser cancelling a load because the page navigated away (a favicon
    // still loading when a link is followed); a missing file shows as an HTTP status below.
    if (reason !== 'net::ERR_ABORTED') problems.errors.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().includes('/does-not-exist')) {
      problems.errors.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
}

export { expect };
