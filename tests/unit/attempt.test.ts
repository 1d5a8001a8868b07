import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { choiceOrder, FIXED_ORDER_SEED, isAttemptSeed } from '../../src/quiz/attempt.ts';
import { decodeProgress, decodeSeed, encodeProgress, type Progress } from '../../src/quiz/quiz-state.ts';
import { quizSchema, type Question } from '../../src/schemas/quiz.ts';

const root = resolve(import.meta.dirname, '../..');
const schema = quizSchema(z.string());
const quizzes = readdirSync(resolve(root, 'content/quizzes'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => schema.parse(parse(readFileSync(resolve(root, 'content/quizzes', name), 'utf8'))));
type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' }>;
const choiceQuestions = quizzes.flatMap((quiz) =>
  quiz.questions.filter((q): q is ChoiceQuestion => q.type === 'single' || q.type === 'multiple'),
);
const singles = choiceQuestions.filter((q) => q.type === 'single');
const multiples = choiceQuestions.filter((q) => q.type === 'multiple');

/** Attempts the statistics below average over: seeds 1…ATTEMPTS, as a learner's attempts would have. */
const ATTEMPTS = 2000;
const seeds = Array.from({ length: ATTEMPTS }, (_, i) => i + 1);

describe('the order of a question’s choices', () => {
  it('is a permutation of the content’s positions, the same for the same attempt and question', () => {
    for (const seed of [0, 1, 2 ** 32 - 1]) {
      const order = choiceOrder(seed, 'test-time-scaling', 6);
      expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
      expect(choiceOrder(seed, 'test-time-scaling', 6)).toEqual(order);
    }
  });

  it('differs between questions of one attempt, and between attempts', () => {
    const orders = (seed: number) => choiceQuestions.map((q) => choiceOrder(seed, q.id, q.choices.length).join());
    expect(new Set(orders(7)).size).toBeGreaterThan(1);
    // All questions in the same order in two attempts would be a coincidence of about 1 in 10^40.
    expect(orders(7)).not.toEqual(orders(8));
  });

  it('puts each choice first equally often over attempts (chi-square, 4 choices, p > 0.001)', () => {
    const counts = [0, 0, 0, 0];
    for (const seed of seeds) counts[choiceOrder(seed, 'four-choices', 4)[0]!]! += 1;
    const expected = ATTEMPTS / 4;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    // The 0.999 quantile of chi-square with 3 degrees of freedom.
    expect(chiSquare).toBeLessThan(16.27);
  });

  it('puts the right answer first in fewer than half the single-choice questions, as the page is built', () => {
    // Not a guarantee of the shuffle, but of the content as it is: the built page and the printed
    // handout show this order, and a pattern there would be visible to every reader.
    const firstRight = singles.filter(
      (q) => q.choices[choiceOrder(FIXED_ORDER_SEED, q.id, q.choices.length)[0]!]!.correct,
    );
    expect(firstRight.length).toBeLessThan(singles.length / 2);
  });
});

/** The share of a quiz's questions a learner gets right who picks by position alone, averaged over attempts. */
function positionScore(questions: readonly ChoiceQuestion[], pick: (shown: number[]) => number[]): number {
  let right = 0;
  for (const seed of seeds) {
    for (const q of questions) {
      const picked = new Set(pick(choiceOrder(seed, q.id, q.choices.length)));
      if (q.choices.every((choice, i) => choice.correct === picked.has(i))) right += 1;
    }
  }
  return right / (seeds.length * questions.length);
}

describe('a learner who answers by position alone scores at chance level', () => {
  // Chance for a single-choice question is 1/k; for a multiple-choice question answered with one
  // position, 1/k where exactly one choice is right and 0 otherwise.
  const chance = (questions: readonly ChoiceQuestion[]) =>
    questions.reduce((sum, q) => {
      const right = q.choices.filter((c) => c.correct).length;
      return sum + (right === 1 ? 1 / q.choices.length : 0);
    }, 0) / questions.length;
  // Four standard errors of a mean of ATTEMPTS × questions answers, each right with probability at most 1/2.
  const bound = (questions: readonly ChoiceQuestion[]) => 4 * Math.sqrt(0.25 / (ATTEMPTS * questions.length));

  it.each([
    ['first', (shown: number[]) => [shown[0]!]],
    ['last', (shown: number[]) => [shown[shown.length - 1]!]],
  ])('always the %s choice: single-choice questions', (_, pick) => {
    expect(singles.length).toBeGreaterThan(10);
    const score = positionScore(singles, pick);
    expect(Math.abs(score - chance(singles))).toBeLessThan(bound(singles));
    expect(score).toBeLessThan(0.5);
  });

  it.each([
    ['first', (shown: number[]) => [shown[0]!]],
    ['last', (shown: number[]) => [shown[shown.length - 1]!]],
  ])('always the %s choice alone: multiple-choice questions', (_, pick) => {
    const score = positionScore(multiples, pick);
    expect(Math.abs(score - chance(multiples))).toBeLessThan(bound(multiples));
  });

  it('always the leading block as long as the number of right choices: multiple-choice questions', () => {
    // A learner who has guessed how many are right, and picks that many from the top.
    const score = (() => {
      let right = 0;
      for (const seed of seeds) {
        for (const q of multiples) {
          const count = q.choices.filter((c) => c.correct).length;
          const picked = new Set(choiceOrder(seed, q.id, q.choices.length).slice(0, count));
          if (q.choices.every((choice, i) => choice.correct === picked.has(i))) right += 1;
        }
      }
      return right / (seeds.length * multiples.length);
    })();
    // Chance: one subset of that size out of C(k, count).
    const binomial = (n: number, k: number): number => (k === 0 ? 1 : (binomial(n - 1, k - 1) * n) / k);
    const expected =
      multiples.reduce((sum, q) => sum + 1 / binomial(q.choices.length, q.choices.filter((c) => c.correct).length), 0) /
      multiples.length;
    expect(Math.abs(score - expected)).toBeLessThan(bound(multiples));
  });
});

describe('an attempt’s seed in the saved progress', () => {
  const quiz = { questions: [{ id: 'one' }, { id: 'many' }] };
  const progress: Progress = {
    one: { answer: 2, attempts: 1, correct: true },
    many: { answer: [0, 3], attempts: 2, correct: false },
  };

  it('is kept with the answers, which stay positions in the content', () => {
    const text = encodeProgress(progress, 3_000_000_000);
    expect(decodeSeed(text)).toBe(3_000_000_000);
    expect(decodeProgress(text, quiz)).toEqual(progress);
  });

  it('is absent from progress saved without one, and from anything that is not a seed', () => {
    expect(decodeSeed(encodeProgress(progress))).toBeUndefined();
    for (const s of ['"7"', '-1', '1.5', '4294967296', 'null']) {
      expect(decodeSeed(`{"v":1,"s":${s},"q":{}}`)).toBeUndefined();
    }
    expect(decodeSeed('{"v":2,"s":7,"q":{}}')).toBeUndefined();
    expect(decodeSeed('not json')).toBeUndefined();
    expect(decodeSeed(undefined)).toBeUndefined();
    expect(isAttemptSeed(0)).toBe(true);
  });
});
