import { describe, expect, it } from 'vitest';
import { questionDetail } from '../../src/quiz/question-detail.ts';
import type { RenderedQuestion } from '../../src/quiz/quiz-state.ts';

const choice = (correct: boolean) => ({ html: 'c', correct, feedback: '' });

describe('questionDetail', () => {
  it("numbers choices in the content's order, whatever order the attempt showed", () => {
    const question: RenderedQuestion = {
      id: 'm',
      prompt: '',
      type: 'multiple',
      choices: [choice(false), choice(true), choice(true)],
    };
    expect(questionDetail(question, [2, 0], 'Which?')).toEqual({
      prompt: 'Which?',
      response: { kind: 'choice', chosen: [0, 2], right: [1, 2] },
    });
  });

  it('gives a numeric answer with the right one and its tolerance', () => {
    const question: RenderedQuestion = {
      id: 'n',
      prompt: '',
      type: 'numeric',
      answer: 512,
      tolerance: 1,
      unit: undefined,
      feedback: { correct: '', incorrect: '' },
      mistakes: [],
    };
    expect(questionDetail(question, 510, 'How many?').response).toEqual({
      kind: 'numeric',
      value: 510,
      answer: 512,
      tolerance: 1,
    });
  });
});
