import type { Locator, Page } from '@playwright/test';
import type { Question } from '../../src/schemas/quiz.ts';
import { formatPercent } from '../../src/lib/format.ts';
import type { Statement } from '../../src/lms/xapi.ts';
import { binomialPmf } from '../../src/sim/binomial.ts';
import { presetState } from '../../src/islands/training/summary.ts';
import { test, expect } from './fixtures.ts';
import { statistic } from './helpers.ts';
import { HOST_ORIGIN, hostPage } from './hosts.ts';
import {
  choiceInput,
  COUNT,
  fixedNumber,
  ID,
  openQuiz,
  question,
  QUIZ,
  quizFile,
  shownOrder,
  words,
} from './quiz-helpers.ts';

/** Answers a choice or numeric question with its right answer (or a wrong one), by mouse. */
async function answer(scope: Locator, q: Question, right: boolean): Promise<void> {
  if (q.type === 'numeric') {
    const answer = fixedNumber(q.answer);
    await scope.getByLabel(/^Your answer/).fill(String(right ? answer : answer + 10 * q.tolerance + 1));
  } else if (q.type === 'single' || q.type === 'multiple') {
    for (const [i, choice] of q.choices.entries()) {
      if (choice.correct === right) await choiceInput(scope, q.type, i).check();
    }
  }
  await scope.getByRole('button', { name: 'Check' }).click();
}

test('keyboard only: answer, read why, try again, and the score follows', async ({ page }) => {
  const quiz = await openQuiz(page);
  const first = QUIZ.questions[0];
  if (first?.type !== 'single') throw new Error('the first question of the quiz is a single choice');
  // Positions as the page shows the choices: the attempt orders them its own way.
  const shown = await shownOrder(question(quiz, 0));
  const right = shown.findIndex((i) => first.choices[i]?.correct);
  const wrong = right === 0 ? 1 : 0;
  const feedback = (position: number) => first.choices[shown[position]!]?.feedback ?? '';
  // Tab into the first question's radio group, arrow to a wrong choice, Tab to Check, Enter.
  await question(quiz, 0).getByRole('radio').first().focus();
  for (let i = 0; i < wrong; i++) await page.keyboard.press('ArrowDown');
  if (wrong === 0) await page.keyboard.press('Space');
  await expect(question(quiz, 0).getByRole('radio').nth(wrong)).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(question(quiz, 0).getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Enter');
  // The verdict is announced, the explanation of the pick and of the right choice shown, focus on "Try again".
  await expect(question(quiz, 0).getByRole('status', { name: /^Result/ })).toContainText('Not right yet.');
  // Each explanation under its own choice, by the choice's content position (its id ends with it).
  const explanation = (position: number) =>
    question(quiz, 0)
      .locator(`.quiz-choice-feedback[id$="-feedback-${shown[position]}"]`)
      .filter({ hasText: words(feedback(position)) });
  await expect(explanation(wrong)).toBeVisible();
  await expect(explanation(right)).toBeVisible();
  await expect(question(quiz, 0).getByRole('button', { name: 'Try again' })).toBeFocused();
  await expect(quiz.getByText(`Score: 0 of ${COUNT} right.`)).toBeVisible();
  await page.keyboard.press('Enter');
  const radio = question(quiz, 0).getByRole('radio').nth(wrong);
  await expect(radio).toBeFocused();
  for (let i = wrong; i < right; i++) await page.keyboard.press('ArrowDown');
  for (let i = right; i < wrong; i++) await page.keyboard.press('ArrowUp');
  await expect(question(quiz, 0).getByRole('radio').nth(right)).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(question(quiz, 0).getByRole('status', { name: /^Result/ })).toContainText('Right.');
  await expect(question(quiz, 0).getByText('Checked 2 times')).toBeVisible();
  await expect(quiz.getByText(`Score: 1 of ${COUNT} right.`)).toBeVisible();
});

test('a known mistake gets its own explanation; progress survives a reload; Start over clears it', async ({ page }) => {
  const quiz = await openQuiz(page);
  const index = QUIZ.questions.findIndex((q) => q.type === 'numeric' && q.mistakes.length > 0);
  const numeric = QUIZ.questions[index];
  if (numeric?.type !== 'numeric') throw new Error('the quiz has a numeric question with known mistakes');
  const mistake = numeric.mistakes[0];
  await question(quiz, index)
    .getByLabel(/^Your answer/)
    .fill(String(mistake?.value));
  await question(quiz, index).getByRole('button', { name: 'Check' }).click();
  await expect(question(quiz, index).getByRole('status', { name: /^Result/ })).toContainText(
    words(mistake?.feedback ?? ''),
  );
  await answer(question(quiz, 0), QUIZ.questions[0] as Question, true);
  await expect(quiz.getByText(`Score: 1 of ${COUNT} right.`)).toBeVisible();

  const reloaded = await openQuiz(page);
  await expect(reloaded.getByText(`Score: 1 of ${COUNT} right.`)).toBeVisible();
  await expect(question(reloaded, index).getByLabel(/^Your answer/)).toHaveValue(String(mistake?.value));
  await expect(question(reloaded, index).getByRole('status', { name: /^Result/ })).toContainText('Not right yet.');
  await reloaded.getByRole('button', { name: 'Start over' }).click();
  await expect(reloaded.getByText(`Score: 0 of ${COUNT} right.`)).toBeVisible();
  await expect(question(reloaded, index).getByLabel(/^Your answer/)).toHaveValue('');
  await expect((await openQuiz(page)).getByText(`Score: 0 of ${COUNT} right.`)).toBeVisible();
});

test('a live task is checked from the simulation: the verdict follows what the learner set', async ({ page }) => {
  const quiz = await openQuiz(page);
  const index = QUIZ.questions.findIndex((q) => q.type === 'live');
  const task = question(quiz, index);
  const figure = task.getByRole('figure', { name: 'Simulation for this task' });
  await expect(figure.locator('astro-island, .sim-live').first()).toBeVisible();
  // As it opens (the lesson's layer), the goal is not met; a layer of 10 000 units meets it.
  const says = (n: number) =>
    `exactly np = ${n / 2} units drop with probability ${formatPercent(binomialPmf(n / 2, n, 0.5))}`;
  await task.getByRole('button', { name: 'Check' }).click();
  await expect(task.getByRole('status', { name: /^Result/ })).toContainText('Not right yet.');
  await expect(task.getByRole('status', { name: /^Result/ })).toContainText(says(1024));
  await task.getByRole('button', { name: 'Try again' }).click();
  const size = figure.getByLabel('Layer size n', { exact: true });
  await size.fill('10000');
  await size.press('Tab');
  await task.getByRole('button', { name: 'Check' }).click();
  await expect(task.getByRole('status', { name: /^Result/ })).toContainText('Right.');
  await expect(task.getByRole('status', { name: /^Result/ })).toContainText(says(10_000));
  expect(binomialPmf(5000, 10_000, 0.5)).toBeLessThan(0.01);
  // The task's simulation leaves the page URL alone.
  expect(new URL(page.url()).search).toBe('');
});

test('the lab task: an unfinished or losing run is not enough; the run the prompt asks for passes', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const lab = quizFile('the-lab');
  const index = lab.questions.findIndex((q) => q.type === 'live');
  await openQuiz(page, '/embed/quiz/the-lab/');
  const task = page.getByRole('region', { name: `Question ${index + 1} of ${lab.questions.length}` });
  const figure = task.getByRole('figure', { name: 'Simulation for this task' });
  const result = task.getByRole('status', { name: /^Result/ });
  await expect(figure.getByRole('button', { name: 'Train' })).toBeVisible();
  await task.getByRole('button', { name: 'Check' }).click();
  await expect(result).toContainText('have not been trained yet');
  await task.getByRole('button', { name: 'Try again' }).click();
  // The preset as it starts (p = 0.9) trains to the end and loses to the plain network.
  await figure.getByRole('button', { name: 'Train' }).click();
  const epochs = presetState('too-strong').epochs;
  await expect(statistic(figure, 'Epoch')).toHaveText(`${epochs} of ${epochs}`, { timeout: 60_000 });
  await task.getByRole('button', { name: 'Check' }).click();
  await expect(result).toContainText('Not right yet. After');
  await task.getByRole('button', { name: 'Try again' }).click();
  for (const layer of [1, 2]) {
    const slider = figure.getByLabel(`Drop probability, hidden layer ${layer}`);
    await slider.fill('0.5');
  }
  await expect(statistic(figure, 'Epoch')).toHaveText(`0 of ${epochs}`);
  await figure.getByRole('button', { name: 'Train' }).click();
  await expect(statistic(figure, 'Epoch')).toHaveText(`${epochs} of ${epochs}`, { timeout: 60_000 });
  await task.getByRole('button', { name: 'Check' }).click();
  await expect(result).toContainText('Right. After');
});

test.describe('in a frame on another origin', () => {
  test.use({ allowedOrigins: [HOST_ORIGIN] });

  /** Answers every question of the framed quiz: choices and numbers from the content, the live task by doing it. */
  async function answerAll(quiz: Locator, rightUpTo: number): Promise<void> {
    for (const [index, q] of QUIZ.questions.entries()) {
      const scope = question(quiz, index);
      if (q.type === 'live') {
        const size = scope.getByLabel('Layer size n', { exact: true });
        await size.fill(index < rightUpTo ? '10000' : '1024');
        await size.press('Tab');
        await scope.getByRole('button', { name: 'Check' }).click();
        await expect(scope.getByRole('status', { name: /^Result/ })).toContainText(
          index < rightUpTo ? 'Right.' : 'Not right yet.',
        );
      } else await answer(scope, q, index < rightUpTo);
      await expect(scope.getByRole('button', { name: 'Try again' })).toBeVisible();
    }
  }

  const statements = async (page: Page) =>
    (await page.evaluate(() => (window as unknown as { received: { origin: string; data: unknown }[] }).received))
      .map(({ origin, data }) => ({ origin, data: data as { subject?: string; statement?: Statement } }))
      .filter(({ data }) => data.subject === 'dropout-lab.statement');

  test('a finished quiz posts its score to the parent, with the canonical quiz URL and no personal data', async ({
    page,
    baseURL,
  }) => {
    await page.goto(hostPage('quiz.html'));
    const quiz = page.frameLocator('iframe').getByRole('region', { name: /^Quiz:/ });
    await expect(quiz.locator('.quiz-body')).toHaveAttribute('aria-busy', 'false');
    const right = COUNT - 1;
    await answerAll(quiz, right);
    await expect.poll(async () => (await statements(page)).length).toBe(COUNT + 1);
    const all = await statements(page);
    expect(all.every(({ origin }) => origin === new URL(baseURL ?? '').origin)).toBe(true);
    const answered = all.filter(({ data }) => data.statement?.verb.display['en-US'] === 'answered');
    expect(answered.map(({ data }) => data.statement?.result.success)).toEqual(
      QUIZ.questions.map((_, index) => index < right),
    );
    const completed = all.at(-1)?.data.statement;
    const url = new URL(`/lessons/${ID}/#quiz`, baseURL).href;
    const passed = right / COUNT >= (QUIZ.passing ?? 0.8);
    expect(completed).toMatchObject({
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: url, definition: { name: { 'en-US': QUIZ.title } } },
      result: { score: { min: 0, max: COUNT, raw: right, scaled: right / COUNT }, success: passed, completion: true },
    });
    // Nothing about the learner: statements carry no actor.
    expect(all.filter(({ data }) => data.statement && 'actor' in data.statement)).toEqual([]);
  });

  test('with ?origin= pinned to another origin, no statement reaches this page', async ({ page }) => {
    await page.goto(hostPage('quiz.html?origin=http://wrong.example'));
    const quiz = page.frameLocator('iframe').getByRole('region', { name: /^Quiz:/ });
    await expect(quiz.locator('.quiz-body')).toHaveAttribute('aria-busy', 'false');
    await answer(question(quiz, 0), QUIZ.questions[0] as Question, true);
    await expect(quiz.getByText(`Score: 1 of ${COUNT} right.`)).toBeVisible();
    await page.waitForTimeout(500);
    expect(await statements(page)).toEqual([]);
  });

  test('storage denied in the cross-site frame: the quiz keeps working in memory', async ({ page }) => {
    // What Chromium does to a third-party frame whose storage the user blocks.
    await page.addInitScript(() => {
      if (window === window.top) return;
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    await page.goto(hostPage('quiz.html'));
    const quiz = page.frameLocator('iframe').getByRole('region', { name: /^Quiz:/ });
    await expect(quiz.locator('.quiz-body')).toHaveAttribute('aria-busy', 'false');
    const denied = await page.frames()[1]?.evaluate(() => {
      try {
        return localStorage === undefined;
      } catch {
        return true;
      }
    });
    expect(denied, 'storage is denied in the frame').toBe(true);
    await answerAll(quiz, COUNT);
    await expect(quiz.getByRole('status').filter({ hasText: 'Score:' })).toHaveText(
      `Score: ${COUNT} of ${COUNT} right — passed.`,
    );
    await quiz.getByRole('button', { name: 'Start over' }).click();
    await expect(quiz.getByText(`Score: 0 of ${COUNT} right.`)).toBeVisible();
  });
});

test('the embed dialog of a quiz gives iframe code, the link and the SCORM package', async ({ page, baseURL }) => {
  await page.goto(`/lessons/${ID}/`);
  const quiz = page.getByRole('region', { name: /^Quiz:/ });
  await quiz.getByRole('button', { name: /^Embed/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Embed “Quiz:/ });
  await expect(dialog).toBeVisible();
  const src = new URL(`/embed/quiz/${ID}/`, baseURL).href;
  await expect(dialog.getByLabel('Embed code')).toHaveValue(
    new RegExp(`^<iframe src="${src}" title="Quiz: ${QUIZ.title}" width="100%" height="\\d+" .*allow="fullscreen"`),
  );
  await expect(dialog.getByRole('link', { name: src })).toHaveAttribute('href', src);
  const scorm = dialog.getByRole('link', { name: 'Download the SCORM 1.2 package' });
  const response = await page.request.get(new URL((await scorm.getAttribute('href')) ?? '', baseURL).href);
  expect(response.status()).toBe(200);
  expect((await response.body()).subarray(0, 2).toString()).toBe('PK');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the embed dialog of a simulation carries its current state and the chosen settings option', async ({
  page,
  baseURL,
}) => {
  await page.goto(`/lessons/${ID}/?counts.n=100`);
  const figure = page.getByRole('figure', { name: /^Simulation: how many units drop/ });
  await figure.getByRole('button', { name: /^Embed/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Embed “Simulation:/ });
  await dialog.getByRole('radio', { name: 'Hidden' }).check();
  const code = dialog.getByLabel('Embed code');
  await expect(code).toHaveValue(/^<iframe src="/);
  // In the code, the &s of the query are written &amp;, as an HTML attribute needs.
  const written = /^<iframe src="([^"]*)"/.exec(await code.inputValue())?.[1] ?? '';
  expect(written).not.toMatch(/&(?!amp;)/);
  const src = new URL(written.replaceAll('&amp;', '&'));
  expect(src.origin + src.pathname).toBe(new URL('/embed/sim/drop-counts/', baseURL).href);
  // The complete state: the changed n, every other parameter at its lesson value, and the option.
  expect(src.searchParams.get('counts.n')).toBe('100');
  expect(src.searchParams.get('counts.p')).toBe('0.5');
  expect(src.searchParams.get('counts.seed')).not.toBeNull();
  expect(src.searchParams.get('controls')).toBe('hidden');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
