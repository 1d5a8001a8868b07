import { readFileSync } from 'node:fs';
import type { Browser, FileChooser, Locator, Page } from '@playwright/test';
import { parse } from 'yaml';
import type { Question } from '../../src/schemas/quiz.ts';
import { test, expect, watch, type PageProblems } from './fixtures.ts';
import { expectNoAxeViolations, LESSON_COUNT, settle } from './helpers.ts';
import { choiceInput, fixedNumber } from './quiz-helpers.ts';

/** The lesson the tests read and whose quiz they answer, and its quiz as written. */
const SLUG = 'why-dropout';
const TITLE = 'Why dropout';
const QUESTIONS = (parse(readFileSync(`content/quizzes/${SLUG}.yaml`, 'utf8')) as { questions: Question[] }).questions;
const COUNT = QUESTIONS.length;
const LESSONS = LESSON_COUNT;
const NONE = `0 of ${LESSONS} lessons read, 0 of ${LESSONS} quizzes passed.`;

const panel = (page: Page) => page.getByRole('region', { name: 'Your progress' });
const summary = (page: Page) => panel(page).locator('.progress-summary');
/** The lesson's card on the course home, and its line of progress. */
const card = (page: Page, title = TITLE) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title }) });
const status = (page: Page, title = TITLE) => card(page, title).locator('.lesson-progress');

/** Opens a lesson and presses End, as a reader who goes to the end of the text, until it counts as read. */
async function readToEnd(page: Page, slug = SLUG): Promise<void> {
  await page.goto(`/lessons/${slug}/`);
  await page.keyboard.press('End');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('dropout-lab:lessons-read') ?? ''))
    .toContain(`"${slug}"`);
  // The quiz at the end hydrates as it comes into view: let it load before the page is left.
  await expect(page.getByRole('region', { name: /^Quiz:/ }).locator('astro-island')).not.toHaveAttribute('ssr');
  await settle(page);
}

/** The lesson's quiz, hydrated and done restoring. */
async function openQuiz(page: Page): Promise<Locator> {
  await page.goto(`/lessons/${SLUG}/#quiz`);
  const quiz = page.getByRole('region', { name: /^Quiz:/ });
  await expect(quiz.locator('astro-island')).not.toHaveAttribute('ssr');
  await expect(quiz.locator('.quiz-body')).toHaveAttribute('aria-busy', 'false');
  return quiz;
}

/** Answers question `index` with its right answer from the content, and checks it. */
async function answerRight(quiz: Locator, index: number): Promise<void> {
  const q = QUESTIONS[index];
  const scope = quiz.getByRole('region', { name: `Question ${index + 1} of ${COUNT}` });
  if (q?.type === 'numeric') await scope.getByLabel(/^Your answer/).fill(String(fixedNumber(q.answer)));
  else if (q?.type === 'single' || q?.type === 'multiple') {
    for (const [i, choice] of q.choices.entries()) if (choice.correct) await choiceInput(scope, q.type, i).check();
  } else throw new Error(`question ${index + 1} of ${SLUG} is a choice or numeric question`);
  await scope.getByRole('button', { name: 'Check' }).click();
  await expect(scope.getByRole('status', { name: /^Result/ })).toContainText('Right.');
}

/** A page in a context of its own (fresh storage), watched like the fixture's page. */
async function freshPage(browser: Browser, baseURL: string | undefined, problems: PageProblems): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL ?? '', acceptDownloads: true });
  const page = await context.newPage();
  watch(page, new URL(baseURL ?? 'http://localhost').origin, problems);
  return page;
}

test('without progress the panel shows as built, and opening a lesson does not count as reading it', async ({
  page,
  request,
}) => {
  // The summary the server sends is the one a learner without progress sees: nothing moves as the script runs.
  expect(await (await request.get('/')).text()).toContain(NONE);
  await page.goto('/');
  await expect(summary(page)).toHaveText(NONE);
  await expect(status(page)).toBeEmpty();
  await expect(status(page)).toBeHidden();

  await page.goto(`/lessons/${SLUG}/`);
  await settle(page);
  await page.goto('/');
  await expect(summary(page)).toHaveText(NONE);
  await expect(status(page)).toBeHidden();
});

test('a lesson read to its end and a quiz score show on the home page, and survive a reload', async ({ page }) => {
  await readToEnd(page);
  await page.goto('/');
  await expect(status(page)).toHaveText('Read');
  await expect(status(page, 'Bernoulli masks')).toBeHidden();
  await expect(summary(page)).toHaveText(`1 of ${LESSONS} lessons read, 0 of ${LESSONS} quizzes passed.`);

  const quiz = await openQuiz(page);
  await answerRight(quiz, 0);
  await page.goto('/');
  await expect(status(page)).toHaveText(`Read · Quiz: 1 of ${COUNT} right so far`);

  const again = await openQuiz(page);
  for (let i = 1; i < COUNT; i++) await answerRight(again, i);
  await expect(again.getByText(`Score: ${COUNT} of ${COUNT} right — passed.`)).toBeVisible();
  await page.goto('/');
  await expect(status(page)).toHaveText(`Read · Quiz passed: ${COUNT} of ${COUNT} right`);
  await expect(summary(page)).toHaveText(`1 of ${LESSONS} lessons read, 1 of ${LESSONS} quizzes passed.`);

  await page.reload();
  await expect(status(page)).toHaveText(`Read · Quiz passed: ${COUNT} of ${COUNT} right`);
  // Back from a lesson, a page restored from the browser's cache shows the newest progress too.
  await readToEnd(page, 'bernoulli-masks');
  await page.goBack();
  await expect(status(page, 'Bernoulli masks')).toHaveText('Read');
});

test('keyboard only: export, reset after confirming, and import into a fresh browser', async ({
  page,
  browser,
  baseURL,
}) => {
  await readToEnd(page);
  await answerRight(await openQuiz(page), 0);
  await page.goto('/');
  const before = `1 of ${LESSONS} lessons read, 0 of ${LESSONS} quizzes passed.`;
  await expect(summary(page)).toHaveText(before);

  // Export: a JSON file made in the page.
  await panel(page).getByRole('button', { name: 'Export progress' }).focus();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('dropout-lab-progress.json');
  expect(download.url()).toMatch(/^blob:/);
  const text = readFileSync(await download.path(), 'utf8');
  const saved = JSON.parse(text);
  expect(saved).toMatchObject({ format: 'dropout-lab-progress', version: 1, lessonsRead: [SLUG] });
  expect(Object.keys(saved.quizzes)).toEqual([SLUG]);
  await expect(panel(page).getByRole('status')).toHaveText(/Saved your progress as dropout-lab-progress\.json/);

  // Reset asks first; Escape keeps everything.
  const reset = panel(page).getByRole('button', { name: 'Reset progress…' });
  const dialog = page.getByRole('dialog', { name: 'Reset your progress?' });
  await reset.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(reset).toBeFocused();
  await expect(summary(page)).toHaveText(before);
  // Confirmed, it clears the lessons read and the quiz.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Reset progress' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(panel(page).getByRole('status')).toHaveText('Your progress has been reset.');
  await expect(summary(page)).toHaveText(NONE);
  await expect(status(page)).toBeHidden();
  await page.reload();
  await expect(summary(page)).toHaveText(NONE);
  await expect((await openQuiz(page)).getByText(`Score: 0 of ${COUNT} right.`)).toBeVisible();

  // Import the file in another browser's storage, choosing it from the keyboard.
  const problems: PageProblems = { errors: [] };
  const other = await freshPage(browser, baseURL, problems);
  await other.goto('/');
  await expect(summary(other)).toHaveText(NONE);
  const chooser = await keyboardFileChooser(other, panel(other).getByLabel('Import progress from a file'));
  await chooser.setFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(panel(other).getByRole('status')).toHaveText(`Imported dropout-lab-progress.json. ${before}`);
  await expect(status(other)).toHaveText(`Read · Quiz: 1 of ${COUNT} right so far`);
  await other.reload();
  await expect(summary(other)).toHaveText(before);
  await expect((await openQuiz(other)).getByText(`Score: 1 of ${COUNT} right.`)).toBeVisible();
  await other.context().close();
  expect(problems.errors, 'the second browser reported problems').toEqual([]);
});

/**
 * Opens a file input's chooser from the keyboard, as a reader does. Chromium opens it only for the
 * page in front, and a busy machine can take the front away between the key press and the
 * chooser: then the page is brought to the front again and the key pressed again, up to three times.
 */
async function keyboardFileChooser(page: Page, input: Locator): Promise<FileChooser> {
  for (let attempt = 1; ; attempt++) {
    await page.bringToFront();
    await input.focus();
    const choosing = page.waitForEvent('filechooser', { timeout: 10_000 });
    await page.keyboard.press('Space');
    try {
      return await choosing;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

test('a file that is not a progress file gives a clear message and changes nothing', async ({ page }) => {
  await readToEnd(page);
  await page.goto('/');
  const before = `1 of ${LESSONS} lessons read, 0 of ${LESSONS} quizzes passed.`;
  const input = panel(page).getByLabel('Import progress from a file');
  const message = panel(page).getByRole('status');
  const cases = [
    {
      name: 'notes.txt',
      text: 'Dropout: p drops, q keeps.',
      says: 'notes.txt: This is not a Dropout Lab progress file: it is not JSON text. Nothing was imported.',
    },
    {
      name: 'package.json',
      text: '{"name":"dropout-lab","version":"1.0.0"}',
      says: 'package.json: This is not a Dropout Lab progress file. Nothing was imported.',
    },
    {
      name: 'dropout-lab-progress.json',
      text: JSON.stringify({
        format: 'dropout-lab-progress',
        version: 1,
        lessonsRead: [SLUG, 'ghost-lesson'],
        quizzes: {},
      }),
      says: 'The file names a lesson this course does not have ("ghost-lesson"). Nothing was imported.',
    },
  ];
  for (const { name, text, says } of cases) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(message).toContainText(says);
    await expect(message).toHaveClass(/progress-problem/);
    await expect(summary(page)).toHaveText(before);
  }
  await page.reload();
  await expect(summary(page)).toHaveText(before);
  await expect(status(page)).toHaveText('Read');
});

test('without JavaScript the home page lists the lessons and shows no progress controls', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL ?? '' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 3, name: TITLE })).toBeVisible();
  await expect(panel(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export progress' })).toBeHidden();
  await context.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the home page with progress shown, ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await readToEnd(page);
    await answerRight(await openQuiz(page), 0);
    await page.goto('/');
    await expect(status(page)).toHaveText(`Read · Quiz: 1 of ${COUNT} right so far`);
    await panel(page)
      .getByLabel('Import progress from a file')
      .setInputFiles({
        name: 'wrong.json',
        mimeType: 'application/json',
        buffer: Buffer.from('[]'),
      });
    await expect(panel(page).getByRole('status')).toContainText('Nothing was imported.');
    await expectNoAxeViolations(page);
    await panel(page).getByRole('button', { name: 'Reset progress…' }).click();
    await expect(page.getByRole('dialog', { name: 'Reset your progress?' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
