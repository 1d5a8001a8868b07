import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { QuestionOutcome } from '../../src/lms/quiz-host.ts';
import { openSession2004, type Scorm2004Api } from '../../src/lms/scorm2004-api.ts';
import { scorm2004QuizHost } from '../../src/lms/scorm2004.ts';
import { isoDuration } from '../../src/lms/scorm2004-values.ts';
import { choiceOrder, FIXED_ORDER_SEED } from '../../src/quiz/attempt.ts';
import { renderQuiz } from '../../src/quiz/quiz-render.ts';
import {
  decodeProgress,
  decodeSeed,
  encodeProgress,
  instantiate,
  judge,
  scoreOf,
  type Progress,
  type RenderedQuestion,
  type RenderedQuiz,
} from '../../src/quiz/quiz-state.ts';
import { quizSchema } from '../../src/schemas/quiz.ts';
import { facts, score } from './scorm-fixtures.ts';

/** scorm-again's SCORM 2004 LMS runtime, loaded as an LMS would before launching the SCO. */
function lms(data: Record<string, unknown> = {}): Scorm2004API {
  const runtime = new Scorm2004API({ logLevel: 5 });
  runtime.loadFromJSON(data);
  return runtime;
}

function host(runtime: Scorm2004API, clock = { now: 0 }) {
  const warnings: string[] = [];
  const session = openSession2004(runtime as unknown as Scorm2004Api, (message) => warnings.push(message));
  if (!session) throw new Error(`no session: ${warnings.join('; ')}`);
  const date = () => new Date('2026-12-05T06:00:00.000Z');
  return {
    quiz: scorm2004QuizHost(
      session,
      facts,
      () => clock.now,
      (m) => warnings.push(m),
      date,
    ),
    warnings,
    clock,
  };
}

const cmi = (runtime: Scorm2004API) => runtime.renderCMIToJSONObject().cmi as unknown as Record<string, unknown>;

const choice: QuestionOutcome = {
  questionId: 'scale',
  correct: false,
  attempts: 1,
  detail: { prompt: 'Which  scale\nis right?', response: { kind: 'choice', chosen: [2, 0], right: [1] } },
};
const numeric: QuestionOutcome = {
  questionId: 'count',
  correct: true,
  attempts: 1,
  detail: { prompt: 'x'.repeat(300), response: { kind: 'numeric', value: 512, answer: 512, tolerance: 1 } },
};

describe('ISO 8601 durations', () => {
  it.each([
    [0, 'PT0S'],
    [1500, 'PT1.5S'],
    [3_723_450, 'PT1H2M3.45S'],
    [-5, 'PT0S'],
  ])('%d ms is %s', (ms, expected) => expect(isoDuration(ms)).toBe(expected));
});

describe('the SCORM 2004 quiz host under scorm-again', () => {
  it('reports completion and success separately, the scaled score and one interaction per check', () => {
    const runtime = lms();
    const sent = new Map<string, string>();
    runtime.on('SetValue.cmi.*', (element: string, value: string) => sent.set(element, value));
    const { quiz, clock, warnings } = host(runtime);
    expect(runtime.cmi.completion_status).toBe('incomplete');
    clock.now = 4000;
    quiz.answered(choice, score(0, 2, 0.8, 1));
    quiz.save('p1', score(0, 2, 0.8, 1));
    expect(cmi(runtime)).toMatchObject({ completion_status: 'incomplete', exit: 'suspend', success_status: 'unknown' });
    clock.now = 6500;
    quiz.answered(numeric, score(1, 2));
    quiz.save('p2', score(1, 2));
    quiz.completed(score(1, 2));
    expect(cmi(runtime)).toMatchObject({
      completion_status: 'completed',
      success_status: 'failed',
      exit: 'normal',
      suspend_data: 'p2',
      score: { scaled: '0.5', raw: '1', min: '0', max: '2' },
    });
    /** What the tests read of an interaction record. */
    type Record = { description: string; correct_responses: { childArray: { pattern: string }[] } };
    const [first, second] = runtime.cmi.interactions.childArray as unknown as Record[];
    expect(first).toMatchObject({
      id: 'urn:dropout-lab:q:scale',
      type: 'choice',
      learner_response: 'choice-2[,]choice-0',
      result: 'incorrect',
      latency: 'PT4S',
      description: 'Which scale is right?',
    });
    expect(first?.correct_responses.childArray[0]?.pattern).toBe('choice-1');
    expect(second).toMatchObject({ type: 'numeric', learner_response: '512', result: 'correct', latency: 'PT2.5S' });
    expect(second?.description).toHaveLength(250);
    quiz.end();
    expect(runtime.isTerminated()).toBe(true);
    expect(sent.get('cmi.session_time')).toBe('PT6.5S');
    expect(warnings).toEqual([]);
  });

  it("judges success against the LMS's scaled passing score when it gives one", () => {
    const runtime = lms({ scaled_passing_score: '0.5' });
    host(runtime).quiz.completed(score(1, 2));
    expect(runtime.cmi.success_status).toBe('passed');
  });

  it('resumes with the suspend data on a relaunch, not on a fresh attempt', () => {
    expect(host(lms({ suspend_data: '{"v":1,"s":7}', entry: 'resume' })).quiz.restore()).toBe('{"v":1,"s":7}');
    expect(host(lms({ suspend_data: 'a', entry: 'ab-initio' })).quiz.restore()).toBeUndefined();
  });

  it('writes nothing in review mode', () => {
    const runtime = lms({ mode: 'review', suspend_data: 'done', entry: 'resume' });
    const { quiz } = host(runtime);
    expect(quiz.restore()).toBe('done');
    quiz.answered(choice, score(0, 2, 0.8, 1));
    quiz.save('changed', score(2, 2));
    quiz.completed(score(2, 2));
    expect(runtime.cmi.suspend_data).toBe('done');
    expect(runtime.cmi.interactions.childArray).toHaveLength(0);
    expect(runtime.cmi.completion_status).toBe('unknown');
  });

  it('an LMS that refuses Initialize leaves the quiz on its own, with a warning', () => {
    const runtime = lms();
    runtime.Initialize('');
    runtime.Terminate('');
    const warnings: string[] = [];
    expect(openSession2004(runtime as unknown as Scorm2004Api, (m) => warnings.push(m))).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/Initialize\(""\) failed with LMS error \d+/)]);
  });
});

/** A quiz of the course as the build renders it for its island. */
function renderedQuiz(id: string): RenderedQuiz {
  const data = quizSchema(z.string()).parse(parse(readFileSync(`content/quizzes/${id}.yaml`, 'utf8')));
  return renderQuiz({ id, data: { ...data, lesson: { id: data.lesson } } }, `/${id}/`, undefined);
}

/** What attempt `seed` shows of a quiz: every question as it asks it, and each one's choice order. */
function shown(quiz: RenderedQuiz, seed: number) {
  return {
    questions: quiz.questions.map((q) => instantiate(q, seed)),
    orders: quiz.questions.map((q) =>
      q.type === 'single' || q.type === 'multiple' ? choiceOrder(seed, q.id, q.choices.length) : [],
    ),
  };
}

describe('a suspended attempt at a quiz that draws numbers, under scorm-again 2004', () => {
  const quiz = renderedQuiz('beyond-the-basic-recipe');
  const drawn = quiz.questions.flatMap((q, i) => (q.type === 'numeric' && q.vary !== undefined ? [i] : []));
  const fixed = shown(quiz, FIXED_ORDER_SEED);
  // An attempt that asks every drawn question with other numbers than the page as built, and shows
  // every choice question in another order: a relaunch that lost the attempt would show that page.
  const seed = Array.from({ length: 1000 }, (_, i) => i + 1).find((candidate) => {
    const attempt = shown(quiz, candidate);
    const numbers = drawn.every((i) => attempt.questions[i]?.prompt !== fixed.questions[i]?.prompt);
    const orders = attempt.orders.every((order, i) => order.length === 0 || order.join() !== fixed.orders[i]?.join());
    return numbers && orders;
  });

  it('resumes with the numbers it drew, its choice order and its answers', () => {
    expect(drawn.length).toBeGreaterThan(0);
    if (seed === undefined) throw new Error('no attempt differs from the page as built in every question');
    const asked = shown(quiz, seed);
    // The first drawn question answered right to three decimals, the first choice question wrong.
    const numeric = asked.questions[drawn[0] ?? -1];
    const choice = asked.questions.find((q) => q.type === 'single' || q.type === 'multiple');
    if (numeric?.type !== 'numeric' || !choice || choice.type === 'numeric' || choice.type === 'live')
      throw new Error('the quiz needs a drawn question and a choice question');
    const typed = Number(numeric.answer.toFixed(3));
    const wrong = choice.choices.findIndex((c) => !c.correct);
    const answers: [RenderedQuestion, number][] = [
      [numeric, typed],
      [choice, wrong],
    ];
    const progress: Progress = Object.fromEntries(
      answers.map(([q, answer]) => [q.id, { answer, attempts: 1, correct: judge(q, answer).correct }]),
    );
    expect(Object.values(progress).map((state) => state.correct)).toEqual([true, false]);

    const runtime = lms();
    const first = host(runtime).quiz;
    first.save(encodeProgress(progress, seed), scoreOf(quiz, progress));
    first.end();
    const suspended = cmi(runtime);
    expect(suspended).toMatchObject({ exit: 'suspend', completion_status: 'incomplete' });

    const relaunched = lms({ suspend_data: suspended['suspend_data'], entry: 'resume' });
    const { quiz: second, warnings } = host(relaunched);
    const saved = second.restore();
    const resumedSeed = decodeSeed(saved);
    expect(resumedSeed).toBe(seed);
    const resumed = shown(quiz, resumedSeed ?? FIXED_ORDER_SEED);
    expect(resumed).toEqual(asked);
    const back = decodeProgress(saved, quiz);
    expect(back).toEqual(progress);
    // Judged again against the numbers drawn before the suspend, each answer keeps its verdict.
    for (const q of resumed.questions) {
      const state = back[q.id];
      if (state) expect(judge(q, state.answer).correct, q.id).toBe(state.correct);
    }
    expect(warnings).toEqual([]);
  });
});
