import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * Search terms from the course's content. "augmentation" is written in one lesson only,
 * "symptom" in one quiz question only; "co-adaptation" is a glossary term.
 */
export const LESSON_TERM = { term: 'augmentation', lesson: 'Dropout in practice', slug: 'dropout-in-practice' };
export const QUIZ_TERM = { term: 'symptom', quiz: 'Quiz: Train/test scaling', slug: 'train-test-scaling' };
export const GLOSSARY_TERM = { term: 'co-adaptation', id: 'co-adaptation', heading: 'Co-adaptation' };

/** The search field, by its label. */
export function searchBox(page: Page): Locator {
  return page.getByRole('search').getByRole('searchbox', { name: 'Search lessons, quizzes and the glossary' });
}

/** The results, one list item each. */
export function results(page: Page): Locator {
  return page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
}

/** The result whose link is `title`. */
export function result(page: Page, title: string): Locator {
  return results(page).filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

/** The polite live region that counts the results. */
export function summary(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /result/ });
}

/** Opens the search page at `path` (under the base path) and waits until the search island has hydrated. */
export async function openSearch(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('.search-live astro-island')).not.toHaveAttribute('ssr');
}

/**
 * Checks one result: its link leads to `href`, its line names its kind, and its excerpt shows the
 * matched word in `<mark>` elements made from text (no markup shown as text).
 */
export async function expectResult(item: Locator, kind: string, href: RegExp, matched: RegExp): Promise<void> {
  await expect(item.getByRole('link')).toHaveAttribute('href', href);
  await expect(item.locator('.search-result-kind')).toContainText(kind);
  const marks = item.locator('.search-result-excerpt mark');
  expect(await marks.count()).toBeGreaterThan(0);
  await expect(marks.first()).toHaveText(matched);
  await expect(item.locator('.search-result-excerpt')).not.toContainText('<mark>');
}
