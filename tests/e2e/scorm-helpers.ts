import { readFileSync } from 'node:fs';
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { parse } from 'yaml';
import { expect } from './fixtures.ts';
import { hostPage } from './hosts.ts';
import { choiceInput, drawnNumbers, fixedNumber, shownOrder } from './quiz-helpers.ts';

/**
 * Driving a SCORM package in the LMS stand-in (`hosts/scorm-lms.html`, scorm-again's SCORM 1.2
 * runtime, or its SCORM 2004 one with `?version=2004`): launching it, answering its questions as a
 * learner does, and reading what the LMS holds.
 */

/** A quiz file as far as these tests read it (src/schemas/quiz.ts has the whole story). */
export interface QuizFile {
  title: string;
  passing?: number;
  questions: {
    id: string;
    type: 'single' | 'multiple' | 'numeric' | 'live';
    choices?: { correct?: boolean }[];
    answer?: number | string;
    /** the family of numbers the question draws per attempt (src/quiz/variants.ts) */
    vary?: string;
    tolerance?: number;
  }[];
}
export const quizFile = (id: string) => parse(readFileSync(`content/quizzes/${id}.yaml`, 'utf8')) as QuizFile;

/** The quiz inside the LMS's frame. */
export const sco = (page: Page) => page.frameLocator('iframe[title="SCORM content"]');

/** What the LMS stand-in recorded: every API call with its result and the error code after it. */
export interface LmsCall {
  name: string;
  args: string[];
  result: string;
  error: string;
}
/** The SCORM 1.2 CMI data the runtime holds, as it would commit it. */
export interface Stored {
  suspend_data: string;
  core: { lesson_status: string; exit: string; score: { raw: string; min: string; max: string } };
}
/** The SCORM 2004 CMI data the runtime holds, as it would commit it. */
export interface Stored2004 {
  completion_status: string;
  success_status: string;
  exit: string;
  suspend_data: string;
  score: { scaled: string; raw: string; min: string; max: string };
}
/** One SCORM 2004 interaction record as the stand-in reads it. */
export interface Interaction {
  id: string;
  type: string;
  learner_response: string;
  /** the first correct response pattern: `lo[:]hi` for a numeric question */
  correct_response: string;
  result: string;
  latency: string;
  description: string;
}
/** The stand-in's page functions (tests/e2e/hosts/scorm-lms.html). */
export interface Lms {
  launch(options: Omit<LaunchOptions, 'version'> & { pkg: string }): Promise<unknown>;
  leave(): Promise<unknown>;
  stored(): unknown;
  interactions(): Interaction[];
  lms: { calls: LmsCall[]; finishEvents: number };
}
export interface LaunchOptions {
  /** the LMS's SCORM version; 1.2 when absent */
  version?: '1.2' | '2004';
  /** the learner's stored CMI data */
  data?: object;
  /** where the zip's files are served */
  root?: string;
  /** false: no API on the host page */
  api?: boolean;
}

/** Opens the LMS stand-in and launches a package; resolves once the quiz has found its hosts. */
export async function launch(page: Page, pkg: string, { version, ...options }: LaunchOptions = {}): Promise<void> {
  await page.goto(hostPage(version === '2004' ? 'scorm-lms.html?version=2004' : 'scorm-lms.html'));
  await page.evaluate((launched) => (window as unknown as Lms).launch(launched), { pkg, ...options });
  const frame = sco(page);
  await expect(frame.locator('astro-island').first()).not.toHaveAttribute('ssr');
  await expect(frame.locator('.quiz-body')).toHaveAttribute('aria-busy', 'false');
}

export const calls = (page: Page) => page.evaluate(() => (window as unknown as Lms).lms.calls);
/** Leaves the SCO and returns the CMI data of the stand-in's version: `Stored`, or `Stored2004`. */
export const leave = <Data = Stored>(page: Page) =>
  page.evaluate(() => (window as unknown as Lms).leave()) as Promise<Data>;
/** The CMI data the runtime holds now, the SCO still open. */
export const stored = <Data = Stored>(page: Page) =>
  page.evaluate(() => (window as unknown as Lms).stored()) as Promise<Data>;
/** The SCORM 2004 runtime's interaction records, one a checked question. */
export const interactions = (page: Page) => page.evaluate(() => (window as unknown as Lms).interactions());

/**
 * Answers question `index` (0-based) right or wrong, as a learner does, and checks it. A question
 * that draws its numbers is answered for those of attempt `seed`.
 */
export async function answer(
  frame: FrameLocator | Locator,
  quiz: QuizFile,
  index: number,
  right: boolean,
  seed?: number,
): Promise<void> {
  const question = quiz.questions[index]!;
  const region = frame.getByRole('region', { name: `Question ${index + 1} of ${quiz.questions.length}` });
  const choices = question.choices ?? [];
  const rightOnes = choices.flatMap((choice, i) => (choice.correct ? [i] : []));
  const wrongOne = choices.findIndex((choice) => !choice.correct);
  if (question.type === 'single' || question.type === 'multiple') {
    // By the choice's position in the content, wherever this attempt shows it.
    for (const i of right ? rightOnes : [wrongOne]) await choiceInput(region, question.type, i).check();
  } else if (question.type === 'numeric') {
    const answer =
      question.vary === undefined ? fixedNumber(question.answer ?? Number.NaN) : drawnAnswer(question, seed);
    await region.getByRole('textbox', { name: /^Your answer/ }).fill(String(right ? answer : answer + 1000));
  } else {
    // A live task is judged on the simulation's state: a layer of 10 000 units meets this quiz's
    // goal (exactly np drops in under 1 % of masks); the lesson's layer it starts from does not.
    const figure = region.getByRole('figure', { name: 'Simulation for this task' });
    await expect(figure).toBeVisible();
    await expect(region.locator('.sim-pending')).toHaveCount(0);
    if (right) {
      const size = figure.getByLabel('Layer size n', { exact: true });
      await size.fill('10000');
      await size.press('Tab');
    }
  }
  await region.getByRole('button', { name: 'Check' }).click();
  await expect(region.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(region.getByRole('status', { name: /^Result/ })).toContainText(right ? 'Right.' : 'Not right yet.');
}

/** The quiz's own score line, "Score: 4 of 5 right — passed." */
export const scoreLine = (scope: FrameLocator | Page) => scope.getByRole('status').filter({ hasText: /^Score:/ });

/** The score the quiz itself shows: right answers out of all. */
export async function shownScore(frame: FrameLocator): Promise<{ raw: number; max: number; passed: boolean }> {
  const text = (await scoreLine(frame).textContent()) ?? '';
  const [, raw = '', max = ''] = /Score: (\d+) of (\d+)/.exec(text) ?? [];
  return { raw: Number(raw), max: Number(max), passed: /—\s*passed/.test(text) };
}

/** Every API call succeeded, once initialized and once finished, and nothing personal was read. */
export function expectCleanSession(log: LmsCall[]): void {
  const failed = log.filter((call) => call.result === 'false' || call.error !== '0');
  expect(failed, 'API calls that failed').toEqual([]);
  expect(log.filter((call) => call.name === 'LMSInitialize')).toHaveLength(1);
  expect(log.filter((call) => call.name === 'LMSFinish')).toHaveLength(1);
  expect(log.at(-1)?.name).toBe('LMSFinish');
  expect(log.filter((call) => /student_(name|id)/.test(call.args[0] ?? ''))).toEqual([]);
}

export const sent = (log: LmsCall[], element: string) =>
  log.filter((call) => call.name === 'LMSSetValue' && call.args[0] === element).map((call) => call.args[1]);

/** The order in which each choice question of `quiz` shows its choices (content positions), by question. */
export async function choiceOrders(frame: FrameLocator, quiz: QuizFile): Promise<number[][]> {
  const orders: number[][] = [];
  for (const [i, question] of quiz.questions.entries()) {
    if (question.type !== 'single' && question.type !== 'multiple') continue;
    orders.push(await shownOrder(frame.getByRole('region', { name: `Question ${i + 1} of ${quiz.questions.length}` })));
  }
  return orders;
}

/** The right answer of a question that draws its numbers, as attempt `seed` draws them. */
function drawnAnswer(question: QuizFile['questions'][number], seed: number | undefined): number {
  if (seed === undefined) throw new Error(`${question.id} draws its numbers: answering it needs the attempt's seed`);
  return drawnNumbers(question, seed)['answer'] ?? Number.NaN;
}
