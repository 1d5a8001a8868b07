/**
 * A learner's progress through the course, as pure data: the lessons read to their end, each
 * quiz's saved answers (in the quiz island's own format, `src/islands/quiz-state.ts`) and each
 * committed prediction (`src/islands/prediction/prediction.ts`). The course
 * home shows it; `progress-store.ts` keeps it in guarded storage, `progress-file.ts` moves it
 * between browsers.
 */
import { isGuessFor, type Guess, type PredictionOutline } from '../islands/prediction/prediction.ts';
import type { QuizScore } from '../lms/quiz-host.ts';
import { scoreOf, type Progress, type QuestionState, type QuizOutline } from './quiz-state.ts';

/** One quiz as the course home knows it: enough to read, score and store its saved answers. */
export interface QuizEntry extends QuizOutline {
  /** the quiz id (its file name in content/quizzes/) */
  id: string;
  /** slug of the lesson the quiz closes */
  lesson: string;
  /** plain-text title */
  title: string;
  /** path of the lesson page, with the base path */
  path: string;
}

/** The course as progress sees it, written into the home page at build time. */
export interface CourseOutline {
  /** lesson slugs, in course order */
  lessons: readonly string[];
  quizzes: readonly QuizEntry[];
  /** the lessons' predictions, each with what a guess for it may be */
  predictions?: readonly PredictionOutline[];
}

/** What a learner has done. */
export interface LearnerProgress {
  /** slugs of the lessons read to their end, in course order */
  read: string[];
  /** per quiz id, the saved state of each question checked at least once */
  quizzes: Record<string, Progress>;
  /** per prediction id, the committed guess; absent when there is none */
  predictions?: Record<string, Guess>;
}

/** No progress at all. */
export const NO_PROGRESS: LearnerProgress = { read: [], quizzes: {} };

/** The slugs a stored list of lessons read holds (`{"v":1,"read":[…]}`); anything malformed is none. */
export function decodeReadLessons(text: string | null | undefined): string[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || !('v' in parsed) || parsed.v !== 1) return [];
    const read = 'read' in parsed ? parsed.read : undefined;
    return Array.isArray(read) ? read.filter((slug): slug is string => typeof slug === 'string') : [];
  } catch {
    return [];
  }
}

/** The stored form of a list of lessons read. */
export function encodeReadLessons(read: readonly string[]): string {
  return JSON.stringify({ v: 1, read: [...new Set(read)] });
}

/** Whether a quiz has any checked question. */
export function quizStarted(progress: Progress | undefined): boolean {
  return Object.values(progress ?? {}).some((state) => state.attempts > 0);
}

/** Progress kept to what the course has: known lessons in course order, started quizzes only, valid guesses only. */
export function normalize(progress: LearnerProgress, outline: CourseOutline): LearnerProgress {
  const quizzes: Record<string, Progress> = {};
  for (const quiz of outline.quizzes) {
    const saved = progress.quizzes[quiz.id];
    if (saved && quizStarted(saved)) quizzes[quiz.id] = saved;
  }
  const predictions: Record<string, Guess> = {};
  for (const prediction of outline.predictions ?? []) {
    const guess = progress.predictions?.[prediction.id];
    if (isGuessFor(prediction, guess)) predictions[prediction.id] = guess;
  }
  const read = outline.lessons.filter((slug) => progress.read.includes(slug));
  return Object.keys(predictions).length > 0 ? { read, quizzes, predictions } : { read, quizzes };
}

/**
 * Progress from two browsers made one: a lesson read in either is read; for each quiz question, the
 * state checked more often is kept (it holds the later checks), and at a tie the right answer; for
 * each prediction, the guess of `a` (this browser's), else the guess of `b`.
 */
export function mergeProgress(a: LearnerProgress, b: LearnerProgress, outline: CourseOutline): LearnerProgress {
  const quizzes: Record<string, Progress> = {};
  for (const quiz of outline.quizzes) {
    const merged: Progress = {};
    for (const { id } of quiz.questions) {
      const kept = pick(a.quizzes[quiz.id]?.[id], b.quizzes[quiz.id]?.[id]);
      if (kept) merged[id] = kept;
    }
    quizzes[quiz.id] = merged;
  }
  const predictions = { ...b.predictions, ...a.predictions };
  return normalize({ read: [...a.read, ...b.read], quizzes, predictions }, outline);
}

function pick(a: QuestionState | undefined, b: QuestionState | undefined): QuestionState | undefined {
  if (!a || !b) return a ?? b;
  if (a.attempts !== b.attempts) return a.attempts > b.attempts ? a : b;
  return b.correct && !a.correct ? b : a;
}

/** Where one lesson stands: read or not, and its quiz's score once a question has been checked. */
export interface LessonStatus {
  read: boolean;
  quiz: QuizScore | undefined;
}

/** The status of the lesson `slug`. */
export function lessonStatus(progress: LearnerProgress, outline: CourseOutline, slug: string): LessonStatus {
  const quiz = outline.quizzes.find((entry) => entry.lesson === slug);
  const saved = quiz ? progress.quizzes[quiz.id] : undefined;
  return {
    read: progress.read.includes(slug),
    quiz: quiz && saved && quizStarted(saved) ? scoreOf(quiz, saved) : undefined,
  };
}

/** A lesson's status in words for its card on the home page; empty when there is nothing to say. */
export function lessonStatusText({ read, quiz }: LessonStatus): string {
  const parts: string[] = [];
  if (read) parts.push('Read');
  if (quiz) {
    const right = `${quiz.raw} of ${quiz.max} right`;
    if (quiz.passed) parts.push(`Quiz passed: ${right}`);
    else if (quiz.completed) parts.push(`Quiz: ${right}, not passed yet`);
    else parts.push(`Quiz: ${right} so far`);
  }
  return parts.join(' · ');
}

/** Whether the learner's saved answers to `quiz` pass it. */
function quizPassed(progress: LearnerProgress, quiz: QuizEntry): boolean {
  const saved = progress.quizzes[quiz.id];
  return saved !== undefined && scoreOf(quiz, saved).passed;
}

/** The course-wide summary: "3 of 8 lessons read, 2 of 8 quizzes passed." */
export function summaryText(progress: LearnerProgress, outline: CourseOutline): string {
  const read = outline.lessons.filter((slug) => progress.read.includes(slug)).length;
  const passed = outline.quizzes.filter((quiz) => quizPassed(progress, quiz)).length;
  const lessons = outline.lessons.length;
  const quizzes = outline.quizzes.length;
  return (
    `${read} of ${lessons} ${lessons === 1 ? 'lesson' : 'lessons'} read, ` +
    `${passed} of ${quizzes} ${quizzes === 1 ? 'quiz' : 'quizzes'} passed.`
  );
}

/**
 * Where a learner picks the course up: the first lesson not read, else the first whose quiz is not
 * passed yet, else none (the course is done). `fresh` when nothing at all has been done yet.
 */
export function resumePoint(progress: LearnerProgress, outline: CourseOutline): { slug?: string; fresh: boolean } {
  const fresh = progress.read.length === 0 && !Object.values(progress.quizzes).some(quizStarted);
  const unread = outline.lessons.find((slug) => !progress.read.includes(slug));
  if (unread !== undefined) return { slug: unread, fresh };
  const unpassed = outline.quizzes.find((quiz) => !quizPassed(progress, quiz));
  return unpassed ? { slug: unpassed.lesson, fresh } : { fresh };
}

/** Where a lesson's end-of-text marker is, relative to the viewport. */
export type MarkerSide = 'below' | 'in' | 'above';

/**
 * Whether a scroll has brought the reader to the end of a lesson's text: the marker is in view,
 * or it has just gone past the top of the viewport, perhaps in one jump (the End key).
 */
export function reachedEnd(before: MarkerSide, now: MarkerSide): boolean {
  return now === 'in' || (before !== 'above' && now === 'above');
}
