import { describe, expect, it } from 'vitest';
import { core, host, lms, score } from './scorm-fixtures.ts';

describe('the SCORM quiz host and the back/forward cache', () => {
  it('suspends into the back/forward cache without finishing, and later checks still reach the LMS', () => {
    const runtime = lms();
    const { quiz, clock, warnings, sent } = host(runtime);
    quiz.save('p', score(1, 5, 0.8, 1));
    clock.now = 1000;
    quiz.suspend();
    // Committed as a suspended session of one second, and still open.
    expect(runtime.isTerminated()).toBe(false);
    expect(sent.get('cmi.core.session_time')).toBe('0000:00:01.00');
    expect(core(runtime)).toMatchObject({ exit: 'suspend' });
    quiz.suspend();
    clock.now = 61_000;
    quiz.resume();
    quiz.save('done', score(5, 5));
    clock.now = 62_000;
    quiz.completed(score(5, 5));
    expect(core(runtime)).toMatchObject({ lesson_status: 'passed', exit: '', score: { raw: '100' } });
    expect(runtime.cmi.suspend_data).toBe('done');
    // The minute in the cache is not session time.
    expect(sent.get('cmi.core.session_time')).toBe('0000:00:02.00');
    quiz.end();
    expect(runtime.isTerminated()).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('ends from the back/forward cache without counting the time spent there', () => {
    const runtime = lms();
    const { quiz, clock, sent } = host(runtime);
    clock.now = 500;
    quiz.suspend();
    clock.now = 10_500;
    quiz.end();
    expect(runtime.isTerminated()).toBe(true);
    expect(sent.get('cmi.core.session_time')).toBe('0000:00:00.50');
    quiz.resume();
    quiz.suspend();
    expect(runtime.isTerminated()).toBe(true);
  });
});
