import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'yaml';
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
