import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { HOST_ORIGIN } from './hosts.ts';
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
  type Stored2004,
} from './scorm-helpers.ts';

/**
 * A SCORM 2004 package as an LMS runs it: the zip the build wrote, launched from an LMS stand-in on
 * another origin (`hosts/scorm-lms.html?version=2004`) that runs scorm-again's SCORM 2004 runtime.
 */

const ID = 'how-many-units-drop';
const version = '2004';

/** The LMS relaunches a suspended attempt with what it stored; resolves with the quiz's frame. */
async function resume(page: Page, pkg: string, suspended: Stored2004): Promise<FrameLocator> {
  const { suspend_data, completion_status } = suspended;
  await launch(page, pkg, { version, data: { suspend_data, completion_status, entry: 'resume' } });
  return sco(page);
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
