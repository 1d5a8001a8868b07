import { Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import type { QuestionOutcome } from '../../src/lms/quiz-host.ts';
import { openSession2004, type Scorm2004Api } from '../../src/lms/scorm2004-api.ts';
import { scorm2004QuizHost } from '../../src/lms/scorm2004.ts';
import { isoDuration } from '../../src/lms/scorm2004-values.ts';
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
