import config from '../../playwright.config.ts';
import { expect, test } from './fixtures.ts';
import { HOST_ORIGIN, hostPage } from './hosts.ts';
import type { Page } from '@playwright/test';
import {
  answer,
  calls,
  expectCleanSession,
  launch,
  leave,
  quizFile,
  sco,
  sent,
  type QuizFile,
} from './scorm-helpers.ts';

// Playwright turns the back/forward cache off in the browsers it starts; this file's browser keeps
// it, as learners' browsers do.
test.use({
  allowedOrigins: [HOST_ORIGIN],
  launchOptions: { ...config.use?.launchOptions, ignoreDefaultArgs: ['--disable-back-forward-cache'] },
});

test.describe('a SCORM package whose LMS page goes into the back/forward cache', () => {
  const id = 'how-many-units-drop';
  const quiz = quizFile(id);

  test('keeps its session open: checks made after the learner comes back reach the LMS', async ({ page }) => {
    await launch(page, id);
    await answer(sco(page), quiz, 0, true);
    // The learner follows a link away from the LMS page, then comes back with the Back button.
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'before'));
    await page.goto(hostPage('index.html'));
    // A page restored from the cache fires pageshow, not load: wait for the navigation only.
    await page.goBack({ waitUntil: 'commit' });
    await expect(page).toHaveURL(hostPage('scorm-lms.html'));
    const restored = await page.evaluate(() => (window as unknown as { marker?: string }).marker);
    expect(restored, 'the LMS page came back from the back/forward cache, not from a new load').toBe('before');
    const away = await calls(page);
    expect(away.filter((call) => call.name === 'LMSFinish')).toEqual([]);
    expect(sent(away, 'cmi.core.exit').at(-1)).toBe('suspend');
    expect(away.at(-1)?.name).toBe('LMSCommit');

    // Playwright does not find the frames of a page restored from the cache again (it keeps the
    // cache off for that reason), so the learner's answers go in through the LMS page, which
    // shares the package's origin: the same clicks and typing, as DOM events.
    for (let i = 1; i < quiz.questions.length; i++) await answerThroughHost(page, quiz, i);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('iframe')?.contentDocument?.body.innerText ?? ''))
      .toContain(`Score: ${quiz.questions.length} of ${quiz.questions.length} right`);
    const stored = await leave(page);
    expectCleanSession(await calls(page));
    expect(stored.core).toMatchObject({ lesson_status: 'passed', exit: '', score: { raw: '100' } });
  });
});

/** Answers question `index` right from inside the LMS page: picks, types or sets the live task's layer, then Check. */
async function answerThroughHost(page: Page, quiz: QuizFile, index: number): Promise<void> {
  const question = quiz.questions[index]!;
  await page.evaluate(
    ({ index, question }) => {
      const doc = document.querySelector('iframe')?.contentDocument;
      const region = doc?.querySelectorAll<HTMLElement>('section.quiz-question')[index];
      if (!region) throw new Error(`no question ${index + 1} in the SCO`);
      const type = (input: HTMLInputElement, value: string, event: string) => {
        input.value = value;
        input.dispatchEvent(new Event(event, { bubbles: true }));
      };
      if (question.type === 'single' || question.type === 'multiple') {
        // By the choice's position in the content (its input's value), wherever the attempt shows it.
        const inputs = region.querySelectorAll<HTMLInputElement>('.quiz-choice input');
        const at = (i: number) => [...inputs].find((input) => input.value === String(i));
        (question.choices ?? []).forEach((choice, i) => choice.correct && at(i)?.click());
      } else if (question.type === 'numeric') {
        type(region.querySelector<HTMLInputElement>('.quiz-numeric input')!, String(question.answer), 'input');
      } else {
        // The live task's goal: a layer of 10 000 units (see the SCORM tests).
        const size = [...region.querySelectorAll<HTMLInputElement>('input[type=number]')].find((input) =>
          doc?.querySelector(`label[for="${input.id}"]`)?.textContent?.startsWith('Layer size'),
        );
        type(size!, '10000', 'change');
      }
    },
    { index, question },
  );
  await expect
    .poll(() =>
      page.evaluate((index) => {
        const region = document.querySelector('iframe')?.contentDocument?.querySelectorAll('section.quiz-question')[
          index
        ];
        const button = [...(region?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Check');
        // The live task's simulation samples before it can be judged.
        if (region?.querySelector('.sim-pending')) return 'sampling';
        button?.click();
        return region?.querySelector('.quiz-verdict')?.textContent ?? '';
      }, index),
    )
    .toMatch(/^Right\./);
}
