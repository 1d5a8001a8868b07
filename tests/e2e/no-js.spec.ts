import type { Page } from '@playwright/test';
import { test, expect, watch, type PageProblems } from './fixtures.ts';
import { LESSON, simulation } from './helpers.ts';

/** A page in a fresh context with JavaScript off, watched like the fixture's own page. */
const noScript = test.extend<{ noJsPage: Page }>({
  noJsPage: async ({ browser, baseURL }, use) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL ?? '' });
    const page = await context.newPage();
    const problems: PageProblems = { errors: [] };
    watch(page, new URL(baseURL ?? 'http://localhost').origin, problems);
    await use(page);
    await context.close();
    expect(problems.errors, 'the page without JavaScript reported problems').toEqual([]);
  },
});

noScript('the lesson reads without JavaScript: text, typeset math and a static simulation', async ({ noJsPage }) => {
  const page = noJsPage;
  const response = await page.goto(LESSON);
  expect(response?.status()).toBe(200);
  await expect(page.evaluate(() => document.documentElement.classList.contains('js'))).resolves.toBe(false);

  await expect(page.getByRole('heading', { level: 1, name: 'Why dropout' })).toBeVisible();
  for (const section of ['The problem: overfitting', 'Co-adaptation', 'Dropout as an ensemble', 'Summary']) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  await expect(page.getByText(/is the generalization gap/)).toBeVisible();
  await expect(page.getByText('Dropout is not applied to the output layer.')).toBeVisible();

  // Math is typeset at build time: KaTeX markup with MathML for assistive technology.
  const formulas = page.locator('.katex');
  expect(await formulas.count()).toBeGreaterThanOrEqual(10);
  await expect(page.locator('.katex math')).toHaveCount(await formulas.count());
  await expect(formulas.first()).toBeVisible();

  const figure = simulation(page);
  await expect(figure).toBeVisible();
  await expect(figure.getByText('The interactive version of this simulation needs JavaScript')).toBeVisible();
  await expect(figure.getByText(/One unit with activation h = 1\.5 is kept with probability q = 0\.50/)).toBeVisible();
  await expect(figure.getByRole('button', { name: 'Draw once' })).toBeHidden();
  await expect(figure.getByRole('slider')).toHaveCount(0);
});

noScript('the theme toggle is hidden without JavaScript', async ({ noJsPage }) => {
  await noJsPage.goto('/');
  await expect(noJsPage.getByRole('heading', { level: 1, name: 'Dropout Lab' })).toBeVisible();
  await expect(noJsPage.getByRole('button', { name: 'Dark theme' })).toBeHidden();
});

test('with JavaScript the static description gives way to the live simulation', async ({ page }) => {
  await page.goto(LESSON);
  const figure = simulation(page);
  await expect(figure.getByText('The interactive version of this simulation needs JavaScript')).toBeHidden();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Dark theme' })).toBeVisible();
});
