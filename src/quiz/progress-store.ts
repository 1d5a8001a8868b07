/**
 * Where progress lives in the browser, all through the storage guard (`storage.ts`): the lessons
 * read under one key of their own, each quiz's answers where the quiz island keeps them, read
 * and written through the island's own storage host, so both always agree on the key and format,
 * and each prediction's guess under the key and in the form its island uses.
 */
import { decodeProgress, encodeProgress, scoreOf } from './quiz-state.ts';
import { storageHost } from '../lms/quiz-hosts.ts';
import type { QuizHost } from '../lms/quiz-host.ts';
import {
  decodeReadLessons,
  encodeReadLessons,
  normalize,
  type CourseOutline,
  type LearnerProgress,
  type QuizEntry,
} from './progress.ts';
import { readStored, removeStored, writeStored } from '../lib/storage.ts';
import { decodeGuess, encodeGuess, guessKey, type Guess } from '../islands/prediction/prediction.ts';

/** Storage key of the lessons read to their end. */
export const READ_KEY = 'dropout-lab:lessons-read';

/** Marks a lesson as read to its end. */
export function markLessonRead(slug: string): void {
  const read = decodeReadLessons(readStored(READ_KEY));
  if (!read.includes(slug)) writeStored(READ_KEY, encodeReadLessons([...read, slug]));
}

/** The quiz's storage host, as the island on the lesson page builds it. */
function hostOf(quiz: QuizEntry): QuizHost {
  return storageHost({
    id: quiz.id,
    title: quiz.title,
    url: new URL(`${quiz.path}#quiz`, location.href).href,
    passing: quiz.passing,
    questions: quiz.questions.length,
  });
}

/** Everything stored, kept to what the course has. */
export function loadProgress(outline: CourseOutline): LearnerProgress {
  const quizzes = Object.fromEntries(
    outline.quizzes.map((quiz) => [quiz.id, decodeProgress(hostOf(quiz).restore(), quiz)]),
  );
  const predictions: Record<string, Guess> = {};
  for (const prediction of outline.predictions ?? []) {
    const guess = decodeGuess(prediction, readStored(guessKey(prediction.id)));
    if (guess !== undefined) predictions[prediction.id] = guess;
  }
  return normalize({ read: decodeReadLessons(readStored(READ_KEY)), quizzes, predictions }, outline);
}

/**
 * Stores `progress` in place of what was stored: the lessons read, every quiz's answers (a quiz
 * without any is saved empty, as the quiz's own "Start over" leaves it) and every prediction's guess.
 */
export function saveProgress(progress: LearnerProgress, outline: CourseOutline): void {
  const { read, quizzes, predictions = {} } = normalize(progress, outline);
  for (const { id } of outline.predictions ?? []) {
    const guess = predictions[id];
    if (guess === undefined) removeStored(guessKey(id));
    else writeStored(guessKey(id), encodeGuess(guess));
  }
  if (read.length > 0) writeStored(READ_KEY, encodeReadLessons(read));
  else removeStored(READ_KEY);
  for (const quiz of outline.quizzes) {
    const saved = quizzes[quiz.id] ?? {};
    const host = hostOf(quiz);
    if (Object.keys(saved).length === 0 && host.restore() === undefined) continue;
    host.save(encodeProgress(saved), scoreOf(quiz, saved));
  }
}
