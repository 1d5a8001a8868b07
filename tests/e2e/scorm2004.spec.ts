import type { FrameLocator, Page } from '@playwright/test';
import { variantText } from '../../src/quiz/variants.ts';
import { expect, test } from './fixtures.ts';
import { HOST_ORIGIN } from './hosts.ts';
import { choiceInput, drawnNumbers, promptFormulas } from './quiz-helpers.ts';
import {
  answer,
  choiceOrders,
  interactions,
  launch,
  leave,
  quizFile,
  sco,
  scoreLine,
  shownScore,
  stored,
  type Stored2004,
} from './scorm-helpers.ts';

/**
 * SCORM 2004 packages as an LMS runs them: the zips the build wrote, launched from an LMS stand-in on
 * another origin (`hosts/scorm-lms.html?version=2004`) that runs scorm-again's SCORM 2004 runtime.
 */

const ID = 'how-many-units-drop';
const version = '2004';

/** The seed of the attempt kept in the suspend data (src/quiz/attempt.ts). */
function attemptSeed(suspendData: string): number {
  const { s } = JSON.parse(suspendData) as { s?: unknown };
  if (typeof s !== 'number') throw new Error(`no attempt seed in ${suspendData}`);
  return s;
}

/** The LMS relaunches a suspended attempt with what it stored; resolves with the quiz's frame. */
async function resume(page: Page, pkg: string, suspended: Stored2004): Promise<FrameLocator> {
  const { suspend_data, completion_status } = suspended;
  await launch(page, pkg, { version, data: { suspend_data, completion_status, entry: 'resume' } });
  return sco(page);
}

/** A numeric interaction's correct pattern, `lo[:]hi`, is the right answer within the question's tolerance. */
function expectRange(pattern: string, right: number, tolerance: number): void {
  const [lo = Number.NaN, hi = Number.NaN] = pattern.split('[:]').map(Number);
  expect(lo, pattern).toBeCloseTo(right - tolerance, 9);
  expect(hi, pattern).toBeCloseTo(right + tolerance, 9);
}

test.describe('a SCORM 2004 package in an LMS', () => {
  test.use({ allowedOrigins: [HOST_ORIGIN] });
  const quiz = quizFile(ID);
  const count = quiz.questions.length;

  test('reports completion and success apart, a scaled score and one interaction per checked question; a suspended attempt resumes as it was', async ({
    page,
  }) => {
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await launch(page, `${ID}-scorm2004`, { version });
    await answer(sco(page), quiz, 0, true);
    await answer(sco(page), quiz, 1, false);
    const orders = await choiceOrders(sco(page), quiz);
    const checked = await interactions(page);
    const first = await leave<Stored2004>(page);
    expect(first).toMatchObject({ completion_status: 'incomplete', exit: 'suspend' });
    expect(first.score.scaled).toBe('');
    expect(first.suspend_data.length).toBeGreaterThan(0);
    expect(checked.map((record) => record.result)).toEqual(['correct', 'incorrect']);
    for (const record of checked) {
      expect(record.id).toMatch(new RegExp(`^urn:dropout-lab:${ID}:`));
      expect(['choice', 'numeric', 'other']).toContain(record.type);
      expect(record.latency).toMatch(/^PT/);
      expect(record.description.length).toBeGreaterThan(0);
    }

    const frame = await resume(page, `${ID}-scorm2004`, first);
    await expect(scoreLine(frame)).toHaveText(`Score: 1 of ${count} right.`);
    await expect(frame.getByText('Checked 1 time')).toHaveCount(2);
    expect(await choiceOrders(frame, quiz)).toEqual(orders);
    // The learner tries the question they got wrong again, and answers the rest.
    await frame
      .getByRole('region', { name: `Question 2 of ${count}` })
      .getByRole('button', { name: 'Try again' })
      .click();
    for (let i = 1; i < count; i++) await answer(frame, quiz, i, true);
    const shown = await shownScore(frame);
    const records = await interactions(page);
    const second = await leave<Stored2004>(page);
    expect(shown.raw).toBe(count);
    expect(second.completion_status).toBe('completed');
    expect(second.success_status).toBe(shown.passed ? 'passed' : 'failed');
    expect(Number(second.score.scaled)).toBe(1);
    expect(second.success_status).toBe('passed');
    expect(second.exit).toBe('normal');
    expect(records).toHaveLength(count - 1);
    expect(records.every((record) => record.result === 'correct')).toBe(true);
    expect(warnings.filter((text) => text.startsWith('SCORM'))).toEqual([]);
  });
});

test.describe('a SCORM 2004 package of a quiz that draws numbers', () => {
  test.use({ allowedOrigins: [HOST_ORIGIN] });
  const id = 'beyond-the-basic-recipe';
  const quiz = quizFile(id);
  const count = quiz.questions.length;
  const region = (frame: FrameLocator, index: number) =>
    frame.getByRole('region', { name: `Question ${index + 1} of ${count}` });
  // The first two questions that draw their numbers, and the first single-choice one.
  const drawn = quiz.questions.flatMap((q, i) => (q.vary ? [i] : [])).slice(0, 2);
  const [drawnRight = -1, drawnWrong = -1] = drawn;
  /** The formulas of the two drawn questions' prompts, which hold the numbers drawn. */
  const drawnPrompts = (frame: FrameLocator) => Promise.all(drawn.map((i) => promptFormulas(region(frame, i))));
  const single = quiz.questions.findIndex((q) => q.type === 'single');
  const wrongChoice = quiz.questions[single]?.choices?.findIndex((choice) => !choice.correct) ?? -1;
  const tolerance = (index: number) => quiz.questions[index]?.tolerance ?? Number.NaN;

  test('a suspended attempt resumes with the numbers it drew, its choices where they were and its answers; the end reports them', async ({
    page,
  }) => {
    expect(Math.min(drawnRight, drawnWrong, single, wrongChoice)).toBeGreaterThanOrEqual(0);
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await launch(page, `${id}-scorm2004`, { version });
    await answer(sco(page), quiz, single, false);
    const seed = attemptSeed((await stored<Stored2004>(page)).suspend_data);
    const [rightNumbers = {}, wrongNumbers = {}] = drawn.map((i) => drawnNumbers(quiz.questions[i]!, seed));
    const prompts = await drawnPrompts(sco(page));
    // Each prompt asks this attempt's numbers (a family lists the numbers it draws first).
    for (const [k, numbers] of [rightNumbers, wrongNumbers].entries()) {
      const [name, given = Number.NaN] = Object.entries(numbers)[0] ?? [];
      expect(prompts[k]).toContain(`${name} = ${variantText(given)}`);
    }
    // The learner answers one right, the other wrong.
    await answer(sco(page), quiz, drawnRight, true, seed);
    await answer(sco(page), quiz, drawnWrong, false, seed);
    const orders = await choiceOrders(sco(page), quiz);
    const checked = await interactions(page);
    const suspended = await leave<Stored2004>(page);
    expect(suspended).toMatchObject({ completion_status: 'incomplete', exit: 'suspend', score: { scaled: '' } });
    expect(attemptSeed(suspended.suspend_data)).toBe(seed);
    expect(checked.map((record) => [record.type, record.result])).toEqual([
      ['choice', 'incorrect'],
      ['numeric', 'correct'],
      ['numeric', 'incorrect'],
    ]);
    // The LMS learns the right answers of the numbers drawn, and what was typed.
    const [rightAnswer = Number.NaN, wrongAnswer = Number.NaN] = [rightNumbers['answer'], wrongNumbers['answer']];
    expectRange(checked[1]!.correct_response, rightAnswer, tolerance(drawnRight));
    expectRange(checked[2]!.correct_response, wrongAnswer, tolerance(drawnWrong));
    expect(Number(checked[1]!.learner_response)).toBe(rightAnswer);

    const frame = await resume(page, `${id}-scorm2004`, suspended);
    await expect(scoreLine(frame)).toHaveText(`Score: 1 of ${count} right.`);
    await expect(frame.getByText('Checked 1 time')).toHaveCount(3);
    expect(await choiceOrders(frame, quiz)).toEqual(orders);
    expect(await drawnPrompts(frame)).toEqual(prompts);
    // Each answer is back, judged again against the numbers drawn before the suspend.
    await expect(choiceInput(region(frame, single), 'single', wrongChoice)).toBeChecked();
    const typed = async (index: number) =>
      Number(
        await region(frame, index)
          .getByRole('textbox', { name: /^Your answer/ })
          .inputValue(),
      );
    // Kept to 6 significant digits (src/quiz/quiz-state.ts), where the answers lie near 1 and 1000.
    expect(await typed(drawnRight)).toBeCloseTo(rightAnswer, 4);
    expect(await typed(drawnWrong)).toBeCloseTo(wrongAnswer + 1000, 1);
    const verdict = (index: number) => region(frame, index).getByRole('status', { name: /^Result/ });
    await expect(verdict(drawnRight)).toContainText('Right.');
    await expect(verdict(drawnWrong)).toContainText('Not right yet.');

    // The learner tries the two wrong ones again, with the same numbers, and answers the rest.
    for (const index of [single, drawnWrong]) {
      await region(frame, index).getByRole('button', { name: 'Try again' }).click();
      await answer(frame, quiz, index, true, seed);
    }
    const rest = quiz.questions.flatMap((_, i) => ([single, drawnRight, drawnWrong].includes(i) ? [] : [i]));
    for (const index of rest) await answer(frame, quiz, index, true, seed);
    const shown = await shownScore(frame);
    const records = await interactions(page);
    const finished = await leave<Stored2004>(page);
    expect(shown).toEqual({ raw: count, max: count, passed: true });
    expect(finished).toMatchObject({ completion_status: 'completed', success_status: 'passed', exit: 'normal' });
    expect(Number(finished.score.scaled)).toBe(1);
    expect(attemptSeed(finished.suspend_data)).toBe(seed);
    // One record per check of this session, in order, every one right.
    expect(records.map((record) => record.id.split(':').at(-1))).toEqual(
      [single, drawnWrong, ...rest].map((index) => quiz.questions[index]?.id),
    );
    expect(records.every((record) => record.result === 'correct')).toBe(true);
    expectRange(records[1]!.correct_response, wrongAnswer, tolerance(drawnWrong));
    expect(warnings.filter((text) => text.startsWith('SCORM'))).toEqual([]);
  });
});
