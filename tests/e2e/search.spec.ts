import type { Page } from '@playwright/test';
import { test, expect, watch, type PageProblems } from './fixtures.ts';
import { expectNoAxeViolations } from './helpers.ts';
import {
  GLOSSARY_TERM,
  LESSON_TERM,
  QUIZ_TERM,
  expectResult,
  openSearch,
  result,
  results,
  searchBox,
  summary,
} from './search-steps.ts';

test('a word written in one lesson finds that lesson, and its link leads to the passage', async ({ page }) => {
  await openSearch(page, '/search/');
  await searchBox(page).fill(LESSON_TERM.term);

  await expect(summary(page)).toHaveText(/^\d+ results? for “augmentation”\.$/);
  const item = result(page, LESSON_TERM.lesson);
  await expectResult(item, 'Lesson', new RegExp(`^/lessons/${LESSON_TERM.slug}/#[\\w-]+$`), /^augmentations?$/i);
  // No other lesson mentions it.
  await expect(
    results(page)
      .locator('.search-result-kind')
      .filter({ hasText: /^Lesson/ }),
  ).toHaveCount(1);
  // The address holds the query, so a reload or the back button finds the same results.
  await expect(page).toHaveURL(/\/search\/\?q=augmentation$/);

  const href = (await item.getByRole('link').getAttribute('href')) ?? '';
  await item.getByRole('link').click();
  await expect(page).toHaveURL(href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LESSON_TERM.lesson);
  const id = decodeURIComponent(href.split('#')[1] ?? '');
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();

  await page.goBack();
  await expect(searchBox(page)).toHaveValue(LESSON_TERM.term);
  await expect(result(page, LESSON_TERM.lesson)).toBeVisible();
});

test('a phrase from a quiz question finds the quiz, which opens in its lesson', async ({ page }) => {
  await openSearch(page, '/search/');
  await searchBox(page).fill(QUIZ_TERM.term);

  await expect(summary(page)).toHaveText('1 result for “symptom”.');
  const item = result(page, QUIZ_TERM.quiz);
  await expectResult(item, 'Quiz', new RegExp(`^/lessons/${QUIZ_TERM.slug}/#quiz$`), /^symptom$/i);

  await item.getByRole('link').click();
  await expect(page).toHaveURL(`/lessons/${QUIZ_TERM.slug}/#quiz`);
  await expect(page.getByRole('heading', { level: 2, name: QUIZ_TERM.quiz })).toBeInViewport();
});

test('a glossary term finds its entry in the glossary', async ({ page }) => {
  await openSearch(page, '/search/');
  await searchBox(page).fill(GLOSSARY_TERM.term);

  await expect(summary(page)).toHaveText(/^\d+ results for “co-adaptation”\.$/);
  const item = result(page, 'Glossary');
  await expectResult(item, 'Glossary', new RegExp(`^/glossary/#${GLOSSARY_TERM.id}$`), /co-adapt/i);

  await item.getByRole('link').click();
  await expect(page).toHaveURL(`/glossary/#${GLOSSARY_TERM.id}`);
  await expect(page.getByRole('term').filter({ hasText: GLOSSARY_TERM.heading }).first()).toBeInViewport();
});

test('a query in the address is searched on arrival; nothing found is said so', async ({ page }) => {
  await openSearch(page, `/search/?q=${QUIZ_TERM.term}`);
  await expect(searchBox(page)).toHaveValue(QUIZ_TERM.term);
  await expect(result(page, QUIZ_TERM.quiz)).toBeVisible();

  // Pagefind shortens a word it does not know to a prefix it knows (`zqx` finds the variable z),
  // so the word that finds nothing is in another script.
  await searchBox(page).fill('жук');
  await expect(summary(page)).toHaveText('No results for “жук”.');
  await expect(results(page)).toHaveCount(0);
  await expect(page).toHaveURL(/\?q=%D0%B6%D1%83%D0%BA$/);

  await searchBox(page).fill('');
  await expect(page).toHaveURL(/\/search\/$/);
});

test('search works by keyboard alone, from the site navigation to a result', async ({ page }) => {
  await page.goto('/notation/');
  const link = page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Search' });
  for (let i = 0; i < 12 && !(await link.evaluate((element) => element === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/search/');
  await expect(page.getByRole('link', { name: 'Search', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('.search-live astro-island')).not.toHaveAttribute('ssr');

  // Skip link, then the first stop in the main content is the search field.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type(LESSON_TERM.term);
  await page.keyboard.press('Enter');
  await expect(result(page, LESSON_TERM.lesson)).toBeVisible();
  await expect(searchBox(page)).toBeFocused();
  await expect(searchBox(page)).toHaveAttribute('aria-describedby', /\S/);

  await page.keyboard.press('Tab');
  await expect(page.getByRole('search').getByRole('button', { name: 'Search' })).toBeFocused();
  await page.keyboard.press('Tab');
  const first = results(page).first().getByRole('link');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LESSON_TERM.lesson);
});

test('axe finds no violations on the search page with results, in both themes', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await openSearch(page, `/search/?q=${LESSON_TERM.term}`);
    await expect(result(page, LESSON_TERM.lesson)).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

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

noScript('without JavaScript the search page says that search needs it', async ({ noJsPage: page }) => {
  await page.goto('/search/?q=mask');
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await expect(page.getByText('Search needs JavaScript')).toBeVisible();
  await expect(page.getByRole('search')).toBeHidden();
  await expect(page.getByRole('main').getByRole('link', { name: 'course home' })).toHaveAttribute('href', '/');
});
