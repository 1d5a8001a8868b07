import { test, expect } from './fixtures.ts';
import { BASE_PATH } from '../../playwright.config.ts';
import {
  GLOSSARY_TERM,
  LESSON_TERM,
  QUIZ_TERM,
  expectResult,
  openSearch,
  result,
  searchBox,
  summary,
} from './search-steps.ts';

/** A site path under the base path: `/search/` → `/some/path/search/`. */
const under = (route: string) => BASE_PATH + route.replace(/^\//, '');
const escaped = BASE_PATH.replace(/\//g, '\\/');

test('search runs under the base path, and its results lead to pages there', async ({ page }) => {
  await openSearch(page, under('/search/'));
  await searchBox(page).fill(LESSON_TERM.term);
  await expect(summary(page)).toHaveText(/results? for “augmentation”/);
  const item = result(page, LESSON_TERM.lesson);
  await expectResult(item, 'Lesson', new RegExp(`^${escaped}lessons/${LESSON_TERM.slug}/#[\\w-]+$`), /^augmentation$/i);
  await expect(page).toHaveURL(new RegExp(`${escaped}search/\\?q=augmentation$`));

  await item.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${escaped}lessons/${LESSON_TERM.slug}/#`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LESSON_TERM.lesson);
});

test('a quiz result leads to the quiz in its lesson under the base path', async ({ page }) => {
  await openSearch(page, `${under('/search/')}?q=${QUIZ_TERM.term}`);
  await expect(searchBox(page)).toHaveValue(QUIZ_TERM.term);
  const item = result(page, QUIZ_TERM.quiz);
  await expectResult(item, 'Quiz', new RegExp(`^${escaped}lessons/${QUIZ_TERM.slug}/#quiz$`), /^symptom$/i);
  await item.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: QUIZ_TERM.quiz })).toBeInViewport();
});

test('a glossary term finds the glossary under the base path', async ({ page }) => {
  await openSearch(page, `${under('/search/')}?q=${GLOSSARY_TERM.term}`);
  const item = result(page, 'Glossary');
  await expectResult(item, 'Glossary', new RegExp(`^${escaped}glossary/#${GLOSSARY_TERM.id}$`), /co-adapt/i);
  await item.getByRole('link').click();
  await expect(page).toHaveURL(`${under('/glossary/')}#${GLOSSARY_TERM.id}`);
});

test('search by keyboard under the base path', async ({ page }) => {
  await openSearch(page, under('/search/'));
  await searchBox(page).focus();
  await page.keyboard.type(QUIZ_TERM.term);
  await page.keyboard.press('Enter');
  await expect(result(page, QUIZ_TERM.quiz)).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(result(page, QUIZ_TERM.quiz).getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${under(`/lessons/${QUIZ_TERM.slug}/`)}#quiz`);
});
