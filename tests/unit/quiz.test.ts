import { describe, expect, it } from 'vitest';
import { judgeLive } from '../../src/quiz/quiz-live.ts';
import {
  PROGRESS_LIMIT,
  decodeProgress,
  encodeProgress,
  judge,
  readNumber,
  scoreOf,
  type Progress,
  type RenderedQuestion,
} from '../../src/quiz/quiz-state.ts';
import { plainInlineText, renderInlineText } from '../../src/lib/markdown/inline-text.ts';
import { z } from 'astro/zod';
import { quizSchema } from '../../src/schemas/quiz.ts';
import { binomialPmf } from '../../src/sim/binomial.ts';
import { answeredStatement, completedStatement, questionUrl } from '../../src/lms/xapi.ts';

const choices = (...correct: boolean[]) =>
  correct.map((c, i) => ({ html: `choice ${i}`, correct: c, feedback: `why ${i}` }));
const single: RenderedQuestion = { id: 'one', type: 'single', prompt: 'p', choices: choices(false, true, false) };
const multiple: RenderedQuestion = { id: 'many', type: 'multiple', prompt: 'p', choices: choices(true, false, true) };
const numeric: RenderedQuestion = {
  id: 'number',
  type: 'numeric',
  prompt: 'p',
  answer: 2.49,
  tolerance: 0.01,
  unit: '%',
  feedback: { correct: 'right', incorrect: 'wrong' },
  mistakes: [{ value: 50, tolerance: 0.5, feedback: 'that is one unit' }],
};
const feedback = { correct: 'well done', incorrect: 'try again' };

describe('judge', () => {
  it('a single choice is right only when the right choice is picked, and explains the pick and the right one', () => {
    expect(judge(single, 1)).toEqual({ correct: true, feedback: ['why 1'] });
    expect(judge(single, 0)).toEqual({ correct: false, feedback: ['why 0', 'why 1'] });
  });

  it('a multiple select is right only when the picked set equals the right set', () => {
    expect(judge(multiple, [0, 2]).correct).toBe(true);
    expect(judge(multiple, [0]).correct).toBe(false);
    expect(judge(multiple, [0, 1, 2]).correct).toBe(false);
    expect(judge(multiple, [0, 1]).feedback).toEqual(['why 0', 'why 1', 'why 2']);
  });

  it('a number is right within the tolerance, and a known mistake gets its own feedback', () => {
    expect(judge(numeric, 2.495).correct).toBe(true);
    expect(judge(numeric, 2.485).correct).toBe(true);
    expect(judge(numeric, 2.51)).toEqual({ correct: false, feedback: ['wrong'] });
    expect(judge(numeric, 50.3)).toEqual({ correct: false, feedback: ['that is one unit'] });
    expect(judge(numeric, null).correct).toBe(false);
  });
});

describe('readNumber', () => {
  it('reads thousands separators, decimal commas and a trailing percent sign', () => {
    expect(readNumber('1,024')).toBe(1024);
    expect(readNumber('1 024')).toBe(1024);
    expect(readNumber('1,234,567.5')).toBe(1234567.5);
    expect(readNumber('0,25')).toBe(0.25);
    expect(readNumber('2.49 %')).toBe(2.49);
    expect(readNumber('-1e-3')).toBe(-0.001);
    expect(readNumber('')).toBeNaN();
    expect(readNumber('1,2,3')).toBeNaN();
    expect(readNumber('about 3')).toBeNaN();
  });
});

describe('scoreOf', () => {
  const quiz = { questions: [single, multiple, numeric], passing: 0.6 };

  it('counts questions right at their latest check; complete when each was checked; passed at the share', () => {
    const progress: Progress = { one: { answer: 1, attempts: 2, correct: true } };
    expect(scoreOf(quiz, progress)).toMatchObject({ raw: 1, max: 3, completed: false, passed: false });
    progress['many'] = { answer: [0], attempts: 1, correct: false };
    progress['number'] = { answer: 2.49, attempts: 1, correct: true };
    const score = scoreOf(quiz, progress);
    expect(score).toEqual({ raw: 2, min: 0, max: 3, scaled: 2 / 3, completed: true, passed: true });
    expect(scoreOf({ ...quiz, passing: 0.8 }, progress).passed).toBe(false);
  });
});

describe('progress strings', () => {
  const quiz = { questions: [single, multiple, numeric] };

  it('round-trip, rounding numbers to six significant digits', () => {
    const progress: Progress = {
      one: { answer: 1, attempts: 2, correct: true },
      many: { answer: [0, 2], attempts: 1, correct: true },
      number: { answer: 2.4912345678, attempts: 3, correct: true },
    };
    const decoded = decodeProgress(encodeProgress(progress), quiz);
    expect(decoded['number']?.answer).toBe(2.49123);
    expect(decoded['one']).toEqual(progress['one']);
    expect(decoded['many']).toEqual(progress['many']);
  });

  it('ignore garbage, other versions, unknown questions and malformed entries', () => {
    expect(decodeProgress('not json', quiz)).toEqual({});
    expect(decodeProgress('{"v":2,"q":{}}', quiz)).toEqual({});
    expect(decodeProgress('{"v":1,"q":{"gone":[1,1,1],"one":["x",1,1],"many":[[0],-1,0]}}', quiz)).toEqual({});
    expect(decodeProgress(undefined, quiz)).toEqual({});
  });

  it('stay within the SCORM limit by dropping answers, then the last entries', () => {
    const many = Array.from({ length: 200 }, (_, i) => [
      `question-with-a-long-name-${i}`,
      { answer: [0, 1, 2, 3, 4, 5], attempts: 12, correct: i % 2 === 0 },
    ]);
    const text = encodeProgress(Object.fromEntries(many) as Progress);
    expect(text.length).toBeLessThanOrEqual(PROGRESS_LIMIT);
    const questions = many.map(([id]) => ({ ...single, id: id as string }));
    const decoded = decodeProgress(text, { questions });
    expect(decoded['question-with-a-long-name-0']).toEqual({ answer: null, attempts: 12, correct: true });
    expect(Object.keys(decoded).length).toBeGreaterThan(50);
    expect(decoded['question-with-a-long-name-199']).toBeUndefined();
    // A quiz of forty such questions keeps every entry.
    const forty = Object.fromEntries(many.slice(0, 40)) as Progress;
    expect(Object.keys(decodeProgress(encodeProgress(forty), { questions })).length).toBe(40);
  });
});

describe('judgeLive', () => {
  const training = (finished: boolean, validation: number, validationPlain: number) =>
    ({
      kind: 'training',
      finished,
      epoch: finished ? 400 : 120,
      epochs: 400,
      validation,
      validationPlain,
      settings: { p: 0.5, p2: 0.5, epochs: 400, seed: 5 },
    }) as const;

  it('dropout-beats-plain needs a finished run whose validation loss with dropout is the lower', () => {
    expect(judgeLive('dropout-beats-plain', undefined, training(true, 0.4, 0.9), feedback).correct).toBe(true);
    expect(judgeLive('dropout-beats-plain', undefined, training(true, 0.9, 0.4), feedback).correct).toBe(false);
    const unfinished = judgeLive('dropout-beats-plain', undefined, training(false, 0.4, 0.9), feedback);
    expect(unfinished.correct).toBe(false);
    expect(unfinished.observed).toContain('epoch 120 of 400');
    expect(judgeLive('dropout-beats-plain', undefined, undefined, feedback).observed).toContain('not been trained');
    // Only the drop probabilities may move from the task's start: a shorter run does not count.
    const start = { p: 0.9, p2: 0.9, epochs: 400, seed: 5 };
    expect(judgeLive('dropout-beats-plain', undefined, training(true, 0.4, 0.9), feedback, start).correct).toBe(true);
    const shorter = judgeLive('dropout-beats-plain', undefined, training(true, 0.4, 0.9), feedback, {
      ...start,
      epochs: 800,
    });
    expect(shorter).toMatchObject({ correct: false, observed: expect.stringContaining('set back epochs 800') });
  });

  it('exact-count-unlikely compares the exact binomial probability of np with the threshold', () => {
    // P(X = 512 | n = 1024, p = 0.5) ≈ 0.0249; P(X = 50 | n = 100, p = 0.5) ≈ 0.0796.
    expect(binomialPmf(512, 1024, 0.5)).toBeLessThan(0.03);
    expect(judgeLive('exact-count-unlikely', 0.03, { kind: 'drop-counts', n: 1024, p: 0.5 }, feedback)).toMatchObject({
      correct: true,
      feedback: ['well done'],
    });
    expect(judgeLive('exact-count-unlikely', 0.03, { kind: 'drop-counts', n: 100, p: 0.5 }, feedback).correct).toBe(
      false,
    );
    const fractional = judgeLive('exact-count-unlikely', 0.03, { kind: 'drop-counts', n: 1001, p: 0.5 }, feedback);
    expect(fractional.correct).toBe(false);
    expect(fractional.observed).toContain('not a whole number');
  });
});

describe('statements', () => {
  const facts = { id: 'q', title: 'Quiz', url: 'https://course.example/lessons/x/#quiz', passing: 0.8, questions: 5 };
  const score = { raw: 4, min: 0, max: 5, scaled: 0.8, completed: true, passed: true };

  it('completed: the canonical quiz URL, the score, success and completion, and no actor', () => {
    const statement = completedStatement(facts, score, new Date(0));
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(statement.object.id).toBe(facts.url);
    expect(statement.result).toEqual({
      score: { min: 0, max: 5, raw: 4, scaled: 0.8 },
      success: true,
      completion: true,
    });
    expect(statement).not.toHaveProperty('actor');
    expect(statement.timestamp).toBe('1970-01-01T00:00:00.000Z');
  });

  it('answered: the question inside the quiz, with the quiz as parent', () => {
    const statement = answeredStatement(facts, { questionId: 'scale', correct: false, attempts: 2 });
    expect(statement.verb.display['en-US']).toBe('answered');
    // One fragment only: the quiz's #quiz becomes #quiz-scale.
    expect(statement.object.id).toBe('https://course.example/lessons/x/#quiz-scale');
    expect(questionUrl('https://lms.example/sco/index.html', 'scale')).toBe('https://lms.example/sco/index.html#scale');
    expect(statement.result).toEqual({ success: false, completion: true });
    expect(statement.context?.contextActivities.parent[0]?.id).toBe(facts.url);
  });
});

describe('inline quiz text', () => {
  it('typesets math, keeps code, escapes everything else', () => {
    const html = renderInlineText('Scale by $1/q$ in `x / $q`, not <b>1/p</b> &');
    expect(html).toContain('class="katex"');
    expect(html).toContain('<code>x / $q</code>');
    expect(html).toContain('&#60;b&#62;1/p&#60;/b&#62; &#38;');
  });

  it('refuses an unmatched dollar sign and invalid math', () => {
    expect(() => renderInlineText('costs $5')).toThrow(/unmatched \$/);
    expect(() => renderInlineText('bad $\\frac{1}$ math')).toThrow();
  });

  it('has a plain-text form', () => {
    expect(plainInlineText('Keep $q = 1 - p$ in `code`')).toBe('Keep q = 1 - p in code');
  });
});

describe('quiz schema', () => {
  const base = {
    id: 'q',
    type: 'single',
    prompt: 'Which distribution is it?',
    choices: [
      { text: 'Binomial $B(n, p)$', correct: true, feedback: 'It counts independent drops.' },
      { text: 'Uniform', feedback: 'Counts near np are likelier.' },
    ],
  };
  const quiz = (question: object) => ({
    title: 'Quiz',
    lesson: 'why-dropout',
    questions: [question, { ...base, id: 'b' }, { ...base, id: 'c' }, { ...base, id: 'd' }],
  });

  it('accepts a well-formed quiz and names the field of a mistake', () => {
    expect(quizSchema(z.string()).safeParse(quiz(base)).success).toBe(true);
    const mathOnly = { ...base, choices: [{ ...base.choices[0], text: '$B(n, p)$' }, base.choices[1]] };
    const result = quizSchema(z.string()).safeParse(quiz(mathOnly));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^choices.text: add words outside the math/);
    const twoRight = { ...base, choices: base.choices.map((c) => ({ ...c, correct: true })) };
    expect(quizSchema(z.string()).safeParse(quiz(twoRight)).error?.issues[0]?.message).toMatch(/exactly one/);
  });
});
