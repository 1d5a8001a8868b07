import { expect, test } from './fixtures.ts';
import { COUNT, fixedNumber, openQuiz, question, QUIZ, shownOrder, words } from './quiz-helpers.ts';

/** A checked quiz question, by keyboard: its answer stays in reach but cannot change until "Try again". */

test('after Check, Tab and the arrow keys still reach each choice and its explanation, which stays as answered', async ({
  page,
}) => {
  const quiz = await openQuiz(page);
  const first = QUIZ.questions[0];
  if (first?.type !== 'single') throw new Error('the first question of the quiz is a single choice');
  // Positions as the page shows the choices: the attempt orders them its own way.
  const shown = await shownOrder(question(quiz, 0));
  const right = shown.findIndex((i) => first.choices[i]?.correct);
  const wrong = right === 0 ? 1 : 0;
  const radios = question(quiz, 0).getByRole('radio');
  await radios.nth(wrong).check();
  await question(quiz, 0).getByRole('button', { name: 'Check' }).click();
  await expect(question(quiz, 0).getByRole('button', { name: 'Try again' })).toBeFocused();

  // Back from "Try again" to the checked choice, which is described by its explanation.
  await page.keyboard.press('Shift+Tab');
  await expect(radios.nth(wrong)).toBeFocused();
  const described = (verdict: string, index: number) =>
    new RegExp(
      `^${verdict} ${words(first.choices[shown[index]!]?.feedback ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
    );
  await expect(radios.nth(wrong)).toHaveAccessibleDescription(described('Not right\\.', wrong));
  // The arrow keys reach the right choice and read its explanation, but the answer stays as it was checked.
  for (let i = wrong; i < right; i++) await page.keyboard.press('ArrowDown');
  for (let i = right; i < wrong; i++) await page.keyboard.press('ArrowUp');
  await expect(radios.nth(right)).toBeFocused();
  await expect(radios.nth(right)).toHaveAccessibleDescription(described('A right answer\\.', right));
  // Neither the keyboard nor the pointer changes a checked answer.
  await page.keyboard.press('Space');
  await radios.nth(right).click({ force: true });
  await expect(radios.nth(wrong)).toBeChecked();
  await expect(radios.nth(right)).not.toBeChecked();
  await expect(radios.nth(right)).toHaveAttribute('aria-disabled', 'true');
  await expect(question(quiz, 0).getByRole('status', { name: /^Result/ })).toContainText('Not right yet.');
  await expect(quiz.getByText(`Score: 0 of ${COUNT} right.`)).toBeVisible();

  // A numeric answer stays in reach too, as read-only text.
  const index = QUIZ.questions.findIndex((q) => q.type === 'numeric');
  const numeric = QUIZ.questions[index];
  if (numeric?.type !== 'numeric') throw new Error('the quiz has a numeric question');
  const box = question(quiz, index).getByLabel(/^Your answer/);
  await box.fill(String(fixedNumber(numeric.answer)));
  await question(quiz, index).getByRole('button', { name: 'Check' }).click();
  await page.keyboard.press('Shift+Tab');
  await expect(box).toBeFocused();
  await expect(box).not.toBeEditable();
  await expect(box).toHaveValue(String(fixedNumber(numeric.answer)));
});
