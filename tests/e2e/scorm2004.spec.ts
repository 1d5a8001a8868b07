import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { HOST_ORIGIN, hostPage } from './hosts.ts';
import { answer, choiceOrders, quizFile, sco, scoreLine, shownScore } from './scorm-helpers.ts';

/**
 * A SCORM 2004 package as an LMS runs it: the zip the build wrote, launched from an LMS stand-in on
 * another origin (`hosts/scorm2004-lms.html`) that runs scorm-again's SCORM 2004 runtime.
 */

const ID = 'how-many-units-drop';
const PACKAGE = `${ID}-scorm2004`;

/** What the stand-in holds after the SCO has gone: the CMI data the runtime would send. */
interface Stored {
  completion_status: string;
  success_status: string;
  exit: string;
  suspend_data: string;
  score: { scaled: string; raw: string; min: string; max: string };
}
/** One interaction record as the stand-in reads it. */
interface Interaction {
  id: string;
  type: string;
  learner_response: string;
  result: string;
  latency: string;
  description: string;
}

/** Opens the stand-in and launches the 2004 package with the learner's stored `data`. */
async function launch(page: Page, data: object = {}): Promise<void> {
  await page.goto(hostPage('scorm2004-lms.html'));
  await page.evaluate((given) => (window as unknown as { launch(o: object): Promise<unknown> }).launch(given), {
    pkg: PACKAGE,
    data,
  });
  await expect(sco(page).locator('astro-island').first()).not.toHaveAttribute('ssr');
  await expect(sco(page).locator('.quiz-body')).toHaveAttribute('aria-busy', 'false');
}

const leave = (page: Page) => page.evaluate(() => (window as unknown as { leave(): Promise<Stored> }).leave());
const interactions = (page: Page) =>
  page.evaluate(() => (window as unknown as { interactions(): Interaction[] }).interactions());

test.describe('a SCORM 2004 package in an LMS', () => {
  test.use({ allowedOrigins: [HOST_ORIGIN] });
  const quiz = quizFile(ID);
  const count = quiz.questions.length;

  test('reports completion and success apart, a scaled score and one interaction per checked question; a suspended attempt resumes as it was', async ({
    page,
  }) => {
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await launch(page);
    await answer(sco(page), quiz, 0, true);
    await answer(sco(page), quiz, 1, false);
    const orders = await choiceOrders(sco(page), quiz);
    const checked = await interactions(page);
    const first = await leave(page);
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

    await launch(page, { suspend_data: first.suspend_data, entry: 'resume', completion_status: 'incomplete' });
    const frame = sco(page);
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
    const second = await leave(page);
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
