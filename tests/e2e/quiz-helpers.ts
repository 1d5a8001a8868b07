import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'yaml';
import { variantOf } from '../../src/quiz/attempt.ts';
import { VARIANTS, variantsOf, type VariantName } from '../../src/quiz/variants.ts';
import type { Question } from '../../src/schemas/quiz.ts';
import { expect } from './fixtures.ts';
import { statistic } from './helpers.ts';

/** The quiz the quiz tests take, read from its content file, and how to find it on a page. */

/** A quiz file as written: the answers the tests give come from the content, not from here. */
export interface QuizFile {
  title: string;
  /** share needed to pass; the schema's default when absent */
  passing?: number;
  questions: Question[];
}

export function quizFile(id: string): QuizFile {
  return parse(readFileSync(`content/quizzes/${id}.yaml`, 'utf8')) as QuizFile;
}

export const ID = 'how-many-units-drop';
export const QUIZ = quizFile(ID);
export const COUNT = QUIZ.questions.length;

export function question(scope: Page | Locator, index: number): Locator {
  return scope.getByRole('region', { name: `Question ${index + 1} of ${COUNT}` });
}

export async function openQuiz(page: Page, path = `/embed/quiz/${ID}/`): Promise<Locator> {
  await page.goto(path);
  const quiz = page.getByRole('region', { name: /^Quiz:/ });
  await expect(quiz.locator('astro-island')).not.toHaveAttribute('ssr');
  await expect(quiz.locator('.quiz-body')).toHaveAttribute('aria-busy', 'false');
  // A live task's simulation samples in its worker as the page opens: let it answer, so that
  // leaving the page (a reload) never cuts its worker's download short.
  const sampled = statistic(quiz.getByRole('figure', { name: 'Simulation for this task' }), /^Sampled: exactly/);
  if ((await sampled.count()) > 0) await expect(sampled).toHaveText(/%$/);
  return quiz;
}

/** Plain words of a content text, enough to find it on the page (math aside). */
export const words = (text: string) => text.split('$')[0]?.trim().slice(0, 40) ?? '';

/** A value the content gives as a number, for a question whose numbers do not vary. */
export function fixedNumber(value: number | string): number {
  if (typeof value !== 'number') throw new Error(`${value}: this question draws its numbers; take them from the page`);
  return value;
}

/**
 * The numbers attempt `seed` draws for a question that varies, by name, `answer` among them: the
 * variant the attempt's seed picks from its family (src/quiz/attempt.ts, src/quiz/variants.ts).
 */
export function drawnNumbers(question: { id: string; vary?: string }, seed: number): Record<string, number> {
  if (question.vary === undefined || !(question.vary in VARIANTS)) throw new Error(`${question.id}: no numbers drawn`);
  const variants = variantsOf(VARIANTS[question.vary as VariantName]);
  const variant = variants[variantOf(seed, question.id, variants.length)];
  if (!variant) throw new Error(`${question.id}: no variant for attempt ${seed}`);
  return variant;
}

/** The TeX of a question's prompt, formula by formula (KaTeX keeps it as an annotation): the numbers it asks about. */
export function promptFormulas(scope: Locator): Promise<string[]> {
  return scope.locator('legend annotation').allTextContents();
}

/** A choice by its position in the content, wherever the attempt shows it (its input's value). */
export function choiceInput(scope: Locator, type: 'single' | 'multiple', index: number): Locator {
  return scope.locator(`input[type="${type === 'single' ? 'radio' : 'checkbox'}"][value="${index}"]`);
}

/** The content positions of a question's choices, in the order the page shows them. */
export function shownOrder(scope: Locator): Promise<number[]> {
  return scope
    .locator('.quiz-choice input')
    .evaluateAll((inputs) => inputs.map((input) => Number((input as HTMLInputElement).value)));
}
