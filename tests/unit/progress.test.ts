import { describe, expect, it } from 'vitest';
import { encodeProgress, type Progress } from '../../src/quiz/quiz-state.ts';
import {
  decodeReadLessons,
  encodeReadLessons,
  lessonStatus,
  lessonStatusText,
  mergeProgress,
  NO_PROGRESS,
  reachedEnd,
  resumePoint,
  summaryText,
  type CourseOutline,
  type LearnerProgress,
} from '../../src/quiz/progress.ts';
import {
  PROGRESS_FILE_LIMIT,
  readProgressFile,
  refuseBySize,
  writeProgressFile,
} from '../../src/quiz/progress-file.ts';

const quiz = (id: string, questions: string[], passing = 0.8) => ({
  id,
  lesson: id,
  title: `Quiz of ${id}`,
  path: `/lessons/${id}/`,
  passing,
  questions: questions.map((q) => ({ id: q })),
});

const OUTLINE: CourseOutline = {
  lessons: ['intro', 'masks', 'counts'],
  quizzes: [quiz('intro', ['a', 'b', 'c', 'd', 'e']), quiz('masks', ['m1', 'm2', 'm3', 'm4'], 0.5)],
};

const right = (attempts = 1) => ({ answer: 0, attempts, correct: true });
const wrong = (attempts = 1) => ({ answer: 1, attempts, correct: false });

const SOME: LearnerProgress = {
  read: ['masks', 'intro'],
  quizzes: { intro: { a: right(), b: right(2), c: wrong(), d: right(), e: right() }, masks: { m1: wrong() } },
};

describe('lessons read', () => {
  it('round-trip through their stored form, without duplicates', () => {
    expect(decodeReadLessons(encodeReadLessons(['intro', 'masks', 'intro']))).toEqual(['intro', 'masks']);
  });

  it.each([null, '', 'not json', '{"v":2,"read":["intro"]}', '{"v":1,"read":"intro"}', '[1,2]'])(
    'read %j as none',
    (text) => expect(decodeReadLessons(text)).toEqual([]),
  );
});

describe('status and summary', () => {
  it('says nothing for a lesson without progress', () => {
    expect(lessonStatusText(lessonStatus(NO_PROGRESS, OUTLINE, 'intro'))).toBe('');
    expect(summaryText(NO_PROGRESS, OUTLINE)).toBe('0 of 3 lessons read, 0 of 2 quizzes passed.');
  });

  it('names the read lesson and its quiz score, passed or not', () => {
    expect(lessonStatusText(lessonStatus(SOME, OUTLINE, 'intro'))).toBe('Read · Quiz passed: 4 of 5 right');
    expect(lessonStatusText(lessonStatus(SOME, OUTLINE, 'masks'))).toBe('Read · Quiz: 0 of 4 right so far');
    const done = { ...SOME, quizzes: { masks: { m1: wrong(), m2: wrong(), m3: right(), m4: wrong() } } };
    expect(lessonStatusText(lessonStatus(done, OUTLINE, 'masks'))).toBe('Read · Quiz: 1 of 4 right, not passed yet');
    expect(lessonStatusText(lessonStatus(SOME, OUTLINE, 'counts'))).toBe('');
    expect(summaryText(SOME, OUTLINE)).toBe('2 of 3 lessons read, 1 of 2 quizzes passed.');
  });

  it('counts a quiz whose questions were all reset as not started', () => {
    const reset = { read: [], quizzes: { intro: {} as Progress } };
    expect(lessonStatus(reset, OUTLINE, 'intro').quiz).toBeUndefined();
  });
});

describe('resumePoint', () => {
  it('starts a learner who has done nothing at the first lesson', () => {
    expect(resumePoint(NO_PROGRESS, OUTLINE)).toEqual({ slug: 'intro', fresh: true });
  });

  it('continues at the first lesson not read, in course order, whatever was read first', () => {
    expect(resumePoint({ read: ['masks'], quizzes: {} }, OUTLINE)).toEqual({ slug: 'intro', fresh: false });
    expect(resumePoint(SOME, OUTLINE)).toEqual({ slug: 'counts', fresh: false });
  });

  it('counts a started quiz as something done', () => {
    expect(resumePoint({ read: [], quizzes: { masks: { m1: wrong() } } }, OUTLINE)).toEqual({
      slug: 'intro',
      fresh: false,
    });
  });

  it('sends a learner who has read everything to the first quiz not passed, then nowhere', () => {
    const read = ['intro', 'masks', 'counts'];
    // intro: 4 of 5 right passes at 0.8; masks: 1 wrong of 4 does not pass at 0.5.
    expect(resumePoint({ read, quizzes: SOME.quizzes }, OUTLINE)).toEqual({ slug: 'masks', fresh: false });
    const masks = { m1: right(), m2: right(), m3: wrong(), m4: wrong() };
    expect(resumePoint({ read, quizzes: { ...SOME.quizzes, masks } }, OUTLINE)).toEqual({ fresh: false });
  });
});

describe('mergeProgress', () => {
  it('unites the lessons read, in course order', () => {
    const a = { read: ['counts'], quizzes: {} };
    const b = { read: ['intro'], quizzes: {} };
    expect(mergeProgress(a, b, OUTLINE).read).toEqual(['intro', 'counts']);
  });

  it('keeps for each question the state checked more often, and at a tie the right one', () => {
    const a = { read: [], quizzes: { intro: { a: right(1), b: wrong(3), c: wrong(2) } } };
    const b = { read: [], quizzes: { intro: { a: wrong(2), b: right(1), c: right(2), d: right(1) } } };
    expect(mergeProgress(a, b, OUTLINE).quizzes['intro']).toEqual({
      a: wrong(2),
      b: wrong(3),
      c: right(2),
      d: right(1),
    });
    expect(mergeProgress(b, a, OUTLINE).quizzes['intro']).toEqual({
      a: wrong(2),
      b: wrong(3),
      c: right(2),
      d: right(1),
    });
  });

  it('leaves out what the course does not have', () => {
    const stray = { read: ['gone'], quizzes: { gone: { x: right() }, intro: { zz: right() } } };
    expect(mergeProgress(stray, NO_PROGRESS, OUTLINE)).toEqual(NO_PROGRESS);
  });
});

describe('the progress file', () => {
  const date = new Date('2025-01-31T09:00:00Z');

  it('round-trips: what is written is read back the same', () => {
    const text = writeProgressFile(SOME, OUTLINE, date);
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'dropout-lab-progress', version: 1, exported: '2025-01-31T09:00:00.000Z' });
    expect(file.lessonsRead).toEqual(['intro', 'masks']);
    expect(file.quizzes.intro).toEqual(JSON.parse(encodeProgress(SOME.quizzes['intro'] ?? {})));
    expect(readProgressFile(text, OUTLINE)).toEqual({ ok: true, progress: { ...SOME, read: ['intro', 'masks'] } });
  });

  it('writes no quiz that has not been started', () => {
    const text = writeProgressFile({ read: ['intro'], quizzes: { masks: {} } }, OUTLINE, date);
    expect(JSON.parse(text).quizzes).toEqual({});
  });

  const valid = () => JSON.parse(writeProgressFile(SOME, OUTLINE, date));
  const edited = (change: (file: Record<string, unknown>) => void) => {
    const file = valid();
    change(file);
    return JSON.stringify(file);
  };

  it.each([
    ['text that is not JSON', 'hello', 'it is not JSON text'],
    ['a JSON array', '[]', 'This is not a Dropout Lab progress file.'],
    ['another JSON file', '{"name":"package","version":"1.0.0"}', 'This is not a Dropout Lab progress file.'],
    ['a newer version', edited((f) => (f['version'] = 2)), 'has version 2; this site reads version 1'],
    ['an unknown field', edited((f) => (f['extra'] = true)), 'unknown field "extra"'],
    [
      'an unknown lesson',
      edited((f) => (f['lessonsRead'] = ['intro', 'ghost'])),
      'a lesson this course does not have ("ghost")',
    ],
    [
      'a lesson that is not a string',
      edited((f) => (f['lessonsRead'] = [3])),
      'a lesson this course does not have (3)',
    ],
    ['too many lessons', edited((f) => (f['lessonsRead'] = ['intro', 'intro', 'intro', 'intro'])), 'too long'],
    ['no quizzes', edited((f) => delete f['quizzes']), 'its quizzes are missing'],
    [
      'an unknown quiz',
      edited((f) => (f['quizzes'] = { ghost: { v: 1, q: {} } })),
      'a quiz this course does not have ("ghost")',
    ],
    [
      'an unknown question',
      edited((f) => (f['quizzes'] = { intro: { v: 1, q: { zz: [0, 1, 1] } } })),
      'has no question "zz"',
    ],
    [
      'a malformed entry',
      edited((f) => (f['quizzes'] = { intro: { v: 1, q: { a: [0, -1, 1] } } })),
      'entry of "a" is malformed',
    ],
    [
      'a verdict that is not 0 or 1',
      edited((f) => (f['quizzes'] = { intro: { v: 1, q: { a: [0, 1, true] } } })),
      'malformed',
    ],
    [
      'an entry of the wrong length',
      edited((f) => (f['quizzes'] = { intro: { v: 1, q: { a: [0, 1] } } })),
      'is not [answer, checks, right]',
    ],
    ['absurd attempts', edited((f) => (f['quizzes'] = { intro: { v: 1, q: { a: [0, 1e9, 1] } } })), 'malformed'],
    [
      'a quiz in another form',
      edited((f) => (f['quizzes'] = { intro: { a: [0, 1, 1] } })),
      'not in the quiz’s saved form',
    ],
    ['a date that is not text', edited((f) => (f['exported'] = 12)), 'export date is not a date'],
  ])('refuses %s with a message that says why', (_, text, message) => {
    const result = readProgressFile(text, OUTLINE);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(message);
      expect(result.message).toMatch(/Nothing was imported\.$/);
    }
  });

  it('refuses a file too large to be one, by its size alone', () => {
    expect(refuseBySize(PROGRESS_FILE_LIMIT)).toBeUndefined();
    expect(refuseBySize(PROGRESS_FILE_LIMIT + 1)).toMatchObject({ ok: false, message: /far too large/ });
    expect(readProgressFile(' '.repeat(PROGRESS_FILE_LIMIT + 1), OUTLINE).ok).toBe(false);
  });
});

describe('reachedEnd', () => {
  it.each([
    ['below', 'in', true],
    ['in', 'in', true],
    ['above', 'in', true],
    ['below', 'above', true],
    ['below', 'below', false],
    ['above', 'above', false],
    ['in', 'above', true],
    ['above', 'below', false],
  ] as const)('from %s to %s: %s', (before, now, reached) => {
    expect(reachedEnd(before, now)).toBe(reached);
  });
});

describe('predictions in progress', () => {
  const WITH_PREDICTIONS: CourseOutline = {
    ...OUTLINE,
    predictions: [
      { id: 'share', kind: 'number', field: { min: 0, max: 100 } },
      { id: 'which', kind: 'choice', choices: [{ id: 'left' }, { id: 'right' }] },
    ],
  };
  const GUESSED: LearnerProgress = { ...SOME, read: ['intro', 'masks'], predictions: { share: 30, which: 'left' } };
  const date = new Date('2025-01-31T09:00:00Z');

  it('travel in the progress file and are read back the same', () => {
    const text = writeProgressFile(GUESSED, WITH_PREDICTIONS, date);
    expect(JSON.parse(text).predictions).toEqual({ share: 30, which: 'left' });
    expect(readProgressFile(text, WITH_PREDICTIONS)).toEqual({ ok: true, progress: GUESSED });
  });

  it('are left out of a file when there are none, and a file without them reads', () => {
    const text = writeProgressFile(SOME, WITH_PREDICTIONS, date);
    expect(JSON.parse(text)).not.toHaveProperty('predictions');
    expect(readProgressFile(text, WITH_PREDICTIONS)).toMatchObject({
      ok: true,
      progress: { read: ['intro', 'masks'] },
    });
  });

  it.each([
    ['an unknown prediction', { ghost: 1 }, 'a prediction this course does not have ("ghost")'],
    ['a number out of range', { share: 101 }, 'The guess saved for the prediction "share" is not valid'],
    ['an unknown choice', { which: 'middle' }, 'The guess saved for the prediction "which" is not valid'],
    ['a number for a choice', { which: 1 }, 'is not valid'],
    ['a list instead of guesses', [30], 'its predictions are not a list of guesses'],
  ])('a file with %s is refused', (_, predictions, message) => {
    const file = { ...JSON.parse(writeProgressFile(SOME, WITH_PREDICTIONS, date)), predictions };
    const result = readProgressFile(JSON.stringify(file), WITH_PREDICTIONS);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining(message) });
  });

  it("merge keeps this browser's guess and adds the other's, for predictions the course has", () => {
    const here: LearnerProgress = { read: [], quizzes: {}, predictions: { share: 10 } };
    const there: LearnerProgress = { read: [], quizzes: {}, predictions: { share: 90, which: 'right', ghost: 'x' } };
    expect(mergeProgress(here, there, WITH_PREDICTIONS).predictions).toEqual({ share: 10, which: 'right' });
    expect(mergeProgress(NO_PROGRESS, NO_PROGRESS, WITH_PREDICTIONS)).toEqual(NO_PROGRESS);
  });
});
