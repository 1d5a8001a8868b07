import type { Locator, Page } from '@playwright/test';
import { choiceOrder, variantOf } from '../../src/quiz/attempt.ts';
import { VARIANTS, variantsOf, variantText, type VariantName } from '../../src/quiz/variants.ts';
import type { Question } from '../../src/schemas/quiz.ts';
import { expect, test } from './fixtures.ts';
import { quizFile, shownOrder, type QuizFile } from './quiz-helpers.ts';

/**
 * What an attempt varies, in the page: the order of each question's choices and the numbers of a
 * question that draws them, both from the attempt's seed kept with the progress (src/quiz/attempt.ts).
 */

const ID = 'beyond-the-basic-recipe';
const QUIZ = quizFile(ID);
const storageKey = (id: string) => `dropout-lab:quiz:${id}`;

/** Opens quiz `id`'s embed page with an attempt of seed `seed` stored, as a reload after it would find it. */
async function openAttempt(page: Page, id: string, seed: number): Promise<Locator> {
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [storageKey(id), JSON.stringify({ v: 1, s: seed, q: {} })] as const,
  );
  return open(page, id);
}

async function open(page: Page, id: string): Promise<Locator> {
  await page.goto(`/embed/quiz/${id}/`);
  const quiz = page.getByRole('region', { name: /^Quiz:/ });
  await expect(quiz.locator('.quiz-body')).toHaveAttribute('aria-busy', 'false');
  return quiz;
}

const region = (quiz: Locator, file: QuizFile, index: number) =>
  quiz.getByRole('region', { name: `Question ${index + 1} of ${file.questions.length}` });

type Choice = Extract<Question, { type: 'single' | 'multiple' }>;
const choiceQuestions = (file: QuizFile) =>
  file.questions.flatMap((q, index) =>
    q.type === 'single' || q.type === 'multiple' ? [{ q: q as Choice, index }] : [],
  );

/** The order every choice question of the quiz on the page shows, by question. */
async function orders(quiz: Locator, file: QuizFile): Promise<number[][]> {
  const found: number[][] = [];
  for (const { index } of choiceQuestions(file)) found.push(await shownOrder(region(quiz, file, index)));
  return found;
}

test('the stored attempt decides the order of every question’s choices', async ({ page }) => {
  const seed = 2_718_281_828;
  const quiz = await openAttempt(page, ID, seed);
  expect(await orders(quiz, QUIZ)).toEqual(
    choiceQuestions(QUIZ).map(({ q }) => choiceOrder(seed, q.id, q.choices.length)),
  );
});

test('a reload shows the choices where they were; Start over draws a new order', async ({ page }) => {
  const quiz = await open(page, ID);
  const before = await orders(quiz, QUIZ);
  const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), storageKey(ID))) ?? '{}');
  expect(stored).toMatchObject({ v: 1, s: expect.any(Number) });

  await page.reload();
  const again = page.getByRole('region', { name: /^Quiz:/ });
  await expect(again.locator('.quiz-body')).toHaveAttribute('aria-busy', 'false');
  expect(await orders(again, QUIZ)).toEqual(before);

  const { index, q } = choiceQuestions(QUIZ)[0]!;
  await region(again, QUIZ, index)
    .locator(`input[value="${q.choices.findIndex((c) => c.correct)}"]`)
    .check();
  await region(again, QUIZ, index).getByRole('button', { name: 'Check' }).click();
  await again.getByRole('button', { name: 'Start over' }).click();
  const restarted = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), storageKey(ID))) ?? '{}');
  expect(restarted.s).not.toBe(stored.s);
  // Every question in the same order again would be a coincidence of less than 1 in 10^6.
  expect(await orders(again, QUIZ)).not.toEqual(before);
  expect(await orders(again, QUIZ)).toEqual(
    choiceQuestions(QUIZ).map(({ q: question }) => choiceOrder(restarted.s, question.id, question.choices.length)),
  );
});

test('a learner who always picks the first choice scores what the order gives, not every question', async ({
  page,
}) => {
  const file = quizFile('why-dropout');
  const singles = choiceQuestions(file).filter(({ q }) => q.type === 'single');
  const firstRight = (seed: number) =>
    singles.filter(({ q }) => q.choices[choiceOrder(seed, q.id, q.choices.length)[0]!]?.correct).length;
  // The first attempt seed at which picking the first choice misses at least one question.
  const seed = Array.from({ length: 100 }, (_, i) => i + 1).find(
    (candidate) => firstRight(candidate) < singles.length,
  )!;
  const quiz = await openAttempt(page, 'why-dropout', seed);
  for (const { index } of singles) {
    const question = region(quiz, file, index);
    await question.getByRole('radio').first().check();
    await question.getByRole('button', { name: 'Check' }).click();
    await expect(question.getByRole('button', { name: 'Try again' })).toBeVisible();
  }
  const score = quiz.getByRole('status').filter({ hasText: /^Score:/ });
  await expect(score).toHaveText(new RegExp(`^Score: ${firstRight(seed)} of ${file.questions.length} right`));
});

test.describe('a question that draws its numbers', () => {
  const index = QUIZ.questions.findIndex((q) => q.type === 'numeric' && q.vary === 'annealed-factor');
  const question = QUIZ.questions[index] as Extract<Question, { type: 'numeric' }>;
  const variants = variantsOf(VARIANTS[question.vary as VariantName]);

  for (const seed of [1, 2, 3]) {
    test(`asks attempt ${seed}'s numbers, judges its answer and names its mistakes`, async ({ page }) => {
      const variant = variants[variantOf(seed, question.id, variants.length)]!;
      const quiz = await openAttempt(page, ID, seed);
      const scope = region(quiz, QUIZ, index);
      // The prompt names the epoch this attempt drew (its math's TeX source, as assistive technology reads it).
      await expect(scope.locator('legend annotation')).toContainText([`t = ${variantText(variant['t']!)}`]);
      const box = scope.getByLabel(/^Your answer/);
      const verdict = scope.getByRole('status', { name: /^Result/ });

      // The mistake of dividing by the starting keep probability, as this attempt's numbers give it.
      await box.fill(variantText(variant['start']!));
      await scope.getByRole('button', { name: 'Check' }).click();
      await expect(verdict).toContainText('Not right yet.');
      await expect(verdict).toContainText('uses the starting rate');
      await scope.getByRole('button', { name: 'Try again' }).click();

      await box.fill(variant['answer']!.toFixed(3));
      await scope.getByRole('button', { name: 'Check' }).click();
      await expect(verdict).toContainText('Right.');
      await expect(verdict.locator('annotation')).toContainText([`q_t = ${variantText(variant['qt']!)}`]);
    });
  }
});
