import { describe, expect, it } from 'vitest';
import {
  findScormApi,
  MAX_PARENT_DEPTH,
  openSession,
  type FrameLike,
  type Scorm12Api,
} from '../../src/lms/scorm-api.ts';
import { cmiTimespan, lessonStatus, percent, scoreElements, SUSPEND_DATA_LIMIT } from '../../src/lms/scorm-values.ts';
import { core, host, lms, score } from './scorm-fixtures.ts';

/** scorm-again's SCORM 1.2 CMITimespan pattern (RTE A.3), which an LMS checks session times against. */
const CMI_TIMESPAN = /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/;

describe('SCORM values', () => {
  it.each([
    [0, '0000:00:00.00'],
    [4, '0000:00:00.00'],
    [5, '0000:00:00.01'],
    [1500, '0000:00:01.50'],
    [3_723_450, '0001:02:03.45'],
    [-20, '0000:00:00.00'],
    [1e13, '9999:59:59.99'],
  ])('%d ms is the CMITimespan %s', (ms, expected) => {
    expect(cmiTimespan(ms)).toBe(expected);
    expect(expected).toMatch(CMI_TIMESPAN);
  });

  it('scores are percentages that a passing share never rounds below', () => {
    expect(scoreElements(score(4, 5))).toEqual({ raw: '80', min: '0', max: '100' });
    expect(percent(2 / 3)).toBe(66.67);
    for (let questions = 1; questions <= 30; questions++) {
      for (let raw = 0; raw <= questions; raw++) {
        for (const passing of [0, 0.5, 2 / 3, 0.7, 0.8, 0.85, 1]) {
          if (raw / questions >= passing) expect(percent(raw / questions)).toBeGreaterThanOrEqual(percent(passing));
        }
      }
    }
  });

  it('the status is incomplete until every question is checked, then passed or failed', () => {
    expect(lessonStatus(score(5, 5, 0.8, 4))).toBe('incomplete');
    expect(lessonStatus(score(4, 5))).toBe('passed');
    expect(lessonStatus(score(3, 5))).toBe('failed');
  });
});

const api = {
  LMSInitialize: () => 'true',
  LMSFinish: () => 'true',
  LMSGetValue: () => '',
  LMSSetValue: () => 'true',
  LMSCommit: () => 'true',
  LMSGetLastError: () => '0',
  LMSGetErrorString: () => 'No error',
} satisfies Scorm12Api;

/** A chain of frames, top first; `apis[i]` is set on frame i, `blocked` frames throw like cross-origin ones. */
function frames(depth: number, at: Record<number, unknown>, blocked: number[] = []): FrameLike[] {
  const chain: FrameLike[] = [];
  for (let i = 0; i < depth; i++) {
    const frame: Record<string, unknown> = { parent: i === 0 ? undefined : chain[i - 1] };
    if (i === 0) frame['parent'] = frame;
    if (blocked.includes(i)) {
      Object.defineProperty(frame, 'API', {
        get() {
          throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
        },
      });
    } else if (i in at) frame['API'] = at[i];
    chain.push(frame as unknown as FrameLike);
  }
  return chain;
}

describe('findScormApi', () => {
  it('finds the API on the window itself, or on the nearest parent that has one', () => {
    const own = frames(3, { 2: api });
    expect(findScormApi(own[2]!)).toBe(api);
    const other = { ...api };
    const nested = frames(4, { 0: other, 1: api });
    expect(findScormApi(nested[3]!)).toBe(api);
  });

  it('climbs past cross-origin frames and objects that are not the API', () => {
    const chain = frames(4, { 0: api, 2: { LMSInitialize: () => 'true' } }, [1]);
    expect(findScormApi(chain[3]!)).toBe(api);
  });

  it(`climbs at most ${MAX_PARENT_DEPTH} parents`, () => {
    expect(findScormApi(frames(MAX_PARENT_DEPTH + 1, { 0: api })[MAX_PARENT_DEPTH]!)).toBe(api);
    expect(findScormApi(frames(MAX_PARENT_DEPTH + 2, { 0: api })[MAX_PARENT_DEPTH + 1]!)).toBeUndefined();
  });

  it("searches the opener's frames when the window's own have no API", () => {
    const openerChain = frames(2, { 0: api });
    const popup = { ...frames(1, {})[0]!, opener: openerChain[1] };
    Object.assign(popup, { parent: popup });
    expect(findScormApi(popup)).toBe(api);
    expect(findScormApi(frames(3, {})[2]!)).toBeUndefined();
  });

  it('searches the opener of the top window when the content is framed inside a pop-up player', () => {
    const openerChain = frames(2, { 0: api });
    const popup = frames(3, {});
    Object.assign(popup[0]!, { opener: openerChain[1] });
    expect(findScormApi(popup[2]!)).toBe(api);
  });
});

describe('the SCORM quiz host under scorm-again', () => {
  it('starts an attempt as incomplete with nothing to restore', () => {
    const runtime = lms();
    const { quiz, warnings } = host(runtime);
    expect(quiz.restore()).toBeUndefined();
    expect(runtime.cmi.core.lesson_status).toBe('incomplete');
    expect(warnings).toEqual([]);
  });

  it('restores suspend data unless the LMS starts a fresh attempt', () => {
    expect(host(lms({ suspend_data: 'a=1', core: { entry: 'resume' } })).quiz.restore()).toBe('a=1');
    expect(host(lms({ suspend_data: 'a=1', core: { entry: 'ab-initio' } })).quiz.restore()).toBeUndefined();
  });

  it('saves progress of an unfinished attempt as incomplete and suspended, without a score', () => {
    const runtime = lms({ student_data: { mastery_score: '80' }, core: { credit: 'credit' } });
    const { quiz, warnings } = host(runtime);
    quiz.save('p1', score(2, 5, 0.8, 3));
    expect(runtime.cmi.suspend_data).toBe('p1');
    expect(core(runtime)).toMatchObject({ lesson_status: 'incomplete', exit: 'suspend', score: { raw: '' } });
    // With a raw score and a mastery score, the runtime would have failed the paused learner here.
    quiz.end();
    expect(core(runtime)).toMatchObject({ lesson_status: 'incomplete' });
    expect(warnings).toEqual([]);
  });

  it('keeps the best finished result: starting over or a worse round never lowers it, a better one raises it', () => {
    const runtime = lms();
    const { quiz } = host(runtime);
    quiz.save('done', score(4, 5));
    quiz.completed(score(4, 5));
    quiz.save('', score(0, 5, 0.8, 0));
    expect(core(runtime)).toMatchObject({ lesson_status: 'passed', exit: 'suspend', score: { raw: '80' } });
    quiz.save('again', score(3, 5));
    quiz.completed(score(3, 5));
    expect(core(runtime)).toMatchObject({ lesson_status: 'passed', exit: '', score: { raw: '80' } });
    quiz.save('best', score(5, 5));
    quiz.completed(score(5, 5));
    expect(core(runtime)).toMatchObject({ lesson_status: 'passed', exit: '', score: { raw: '100' } });
  });

  it('a relaunch does not lower the score the LMS already holds', () => {
    const runtime = lms({ core: { entry: 'resume', lesson_status: 'passed', score: { raw: '100' } } });
    host(runtime).quiz.completed(score(2, 5));
    expect(core(runtime)).toMatchObject({ lesson_status: 'passed', score: { raw: '100' } });
    const first = lms();
    host(first).quiz.completed(score(2, 5));
    expect(core(first)).toMatchObject({ lesson_status: 'failed', score: { raw: '40' } });
  });

  it('on completion reports passed or failed, the session time, and a normal exit', () => {
    const passed = lms();
    const first = host(passed);
    first.clock.now = 83_456;
    first.quiz.save('p', score(4, 5));
    first.quiz.completed(score(4, 5));
    expect(core(passed)).toMatchObject({ lesson_status: 'passed', exit: '' });
    expect(first.sent.get('cmi.core.session_time')).toBe('0000:01:23.46');
    expect(core(passed).score.raw).toBe('80');

    const failed = lms();
    host(failed).quiz.completed(score(3, 5));
    expect(failed.cmi.core.lesson_status).toBe('failed');
  });

  it('refuses progress over 4096 characters and keeps the last that fit', () => {
    const runtime = lms();
    const { quiz, warnings } = host(runtime);
    quiz.save('ok', score(1, 5, 0.8, 1));
    quiz.save('x'.repeat(SUSPEND_DATA_LIMIT + 1), score(4, 5));
    expect(runtime.cmi.suspend_data).toBe('ok');
    expect(runtime.cmi.core.score.raw).toBe('80');
    expect(warnings).toEqual([expect.stringContaining('4097 characters, over 4096')]);
    quiz.save('y'.repeat(SUSPEND_DATA_LIMIT), score(2, 5, 0.8, 2));
    expect(runtime.cmi.suspend_data).toHaveLength(SUSPEND_DATA_LIMIT);
  });

  it('ends once: session time, suspend when unfinished, LMSFinish; later reports do nothing', () => {
    const runtime = lms();
    const { quiz, clock, warnings, sent } = host(runtime);
    quiz.save('p', score(1, 5, 0.8, 1));
    clock.now = 1500;
    quiz.end();
    expect(runtime.isTerminated()).toBe(true);
    expect(core(runtime)).toMatchObject({ exit: 'suspend' });
    expect(sent.get('cmi.core.session_time')).toBe('0000:00:01.50');
    quiz.end();
    quiz.save('later', score(5, 5));
    quiz.completed(score(5, 5));
    expect(runtime.cmi.suspend_data).toBe('p');
    expect(warnings).toEqual([]);
  });

  it('writes nothing in review mode but still shows the saved attempt', () => {
    const runtime = lms({
      suspend_data: 'done',
      core: { lesson_mode: 'review', lesson_status: 'passed', entry: 'resume' },
    });
    const { quiz } = host(runtime);
    expect(quiz.restore()).toBe('done');
    quiz.save('changed', score(1, 5));
    quiz.completed(score(1, 5));
    quiz.end();
    expect(runtime.cmi.suspend_data).toBe('done');
    expect(core(runtime)).toMatchObject({ lesson_status: 'passed', score: { raw: '' } });
  });

  it('reports what the LMS refuses, with its error code and message', () => {
    const runtime = lms();
    const warnings: string[] = [];
    const session = openSession(runtime as unknown as Scorm12Api, (message) => warnings.push(message));
    expect(session?.set('cmi.core.score.raw', '101')).toBe(false);
    expect(session?.get('cmi.core.session_time')).toBeUndefined();
    expect(warnings).toEqual([
      expect.stringMatching(/LMSSetValue\("cmi\.core\.score\.raw".*LMS error 405: Incorrect Data Type/),
      expect.stringMatching(/LMSGetValue\("cmi\.core\.session_time"\).*LMS error 404/),
    ]);
    expect(openSession(runtime as unknown as Scorm12Api, (message) => warnings.push(message))).toBeUndefined();
    expect(warnings[2]).toMatch(/LMSInitialize\(""\) failed with LMS error 101/);
  });
});
