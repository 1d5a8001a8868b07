/**
 * The progress file a learner exports from one browser and imports into another:
 *
 * ```json
 * { "format": "dropout-lab-progress", "version": 1, "exported": "2025-01-31T09:00:00.000Z",
 *   "lessonsRead": ["why-dropout"], "quizzes": { "why-dropout": { "v": 1, "q": { "<question id>": [answer, attempts, 0|1] } } },
 *   "predictions": { "kept-fraction": 30, "lab-overfits": "plain" } }
 * ```
 *
 * Each quiz's entry is the quiz island's own saved form (`encodeProgress` in quiz-state.ts); each
 * prediction's is its committed guess, a number or a choice id. `predictions` is left out when there
 * are none, so files written before predictions existed read as they did.
 * Reading is strict: anything that is not exactly such a file, for this course, is refused whole
 * with a message that says why, so a wrong file never changes what the browser has.
 */
import { decodeProgress, encodeProgress, type Progress } from './quiz-state.ts';
import { normalize, type CourseOutline, type LearnerProgress } from './progress.ts';
import { isGuessFor, type Guess } from '../islands/prediction/prediction.ts';

/** The `format` field every progress file carries. */
export const PROGRESS_FORMAT = 'dropout-lab-progress';
/** The file version this site writes and reads. */
export const PROGRESS_VERSION = 1;
/** The file name of an export. */
export const PROGRESS_FILE_NAME = 'dropout-lab-progress.json';
/** Largest file read, in characters: a whole course of answers takes a few kilobytes. */
export const PROGRESS_FILE_LIMIT = 64 * 1024;
/** Most checks of one question a file may claim; more is not a file this site wrote. */
const MAX_ATTEMPTS = 100_000;
/** Most choices a question has (src/schemas/quiz.ts), so the longest list of picks. */
const MAX_PICKS = 8;

/** The text of a progress file for `progress`, exported at `exported`. */
export function writeProgressFile(progress: LearnerProgress, outline: CourseOutline, exported: Date): string {
  const { read, quizzes, predictions } = normalize(progress, outline);
  const file = {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    exported: exported.toISOString(),
    lessonsRead: read,
    quizzes: Object.fromEntries(Object.entries(quizzes).map(([id, saved]) => [id, JSON.parse(encodeProgress(saved))])),
    ...(predictions ? { predictions } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What reading a file gave: the progress it holds, or why it was refused. */
export type ReadResult = { ok: true; progress: LearnerProgress } | { ok: false; message: string };

const NOT_A_FILE = 'This is not a Dropout Lab progress file';

const refuse = (why: string): ReadResult => ({ ok: false, message: `${why}. Nothing was imported.` });

/** Refuses a file by its size alone (bytes or characters), before reading it; undefined when it may be one. */
export function refuseBySize(size: number): ReadResult | undefined {
  return size > PROGRESS_FILE_LIMIT ? refuse(`${NOT_A_FILE}: it is far too large for one`) : undefined;
}

/** Reads a progress file strictly; see the module comment. */
export function readProgressFile(text: string, outline: CourseOutline): ReadResult {
  const tooLarge = refuseBySize(text.length);
  if (tooLarge) return tooLarge;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse(`${NOT_A_FILE}: it is not JSON text`);
  }
  if (!isRecord(data) || data['format'] !== PROGRESS_FORMAT) return refuse(NOT_A_FILE);
  if (data['version'] !== PROGRESS_VERSION) {
    return refuse(`This progress file has version ${JSON.stringify(data['version'])}; this site reads version 1`);
  }
  const unknownKey = Object.keys(data).find(
    (key) => !['format', 'version', 'exported', 'lessonsRead', 'quizzes', 'predictions'].includes(key),
  );
  if (unknownKey !== undefined) return refuse(`${NOT_A_FILE}: it has an unknown field "${unknownKey}"`);
  const exported = data['exported'];
  if (exported !== undefined && (typeof exported !== 'string' || exported.length > 40)) {
    return refuse(`${NOT_A_FILE}: its export date is not a date`);
  }

  const lessonsRead = data['lessonsRead'];
  if (!Array.isArray(lessonsRead) || lessonsRead.length > outline.lessons.length) {
    return refuse(`${NOT_A_FILE}: its list of lessons read is missing or too long`);
  }
  for (const slug of lessonsRead) {
    if (typeof slug !== 'string' || !outline.lessons.includes(slug)) {
      return refuse(`The file names a lesson this course does not have (${JSON.stringify(slug).slice(0, 60)})`);
    }
  }

  const saved = data['quizzes'];
  if (!isRecord(saved)) return refuse(`${NOT_A_FILE}: its quizzes are missing`);
  const quizzes: Record<string, Progress> = {};
  for (const [id, value] of Object.entries(saved)) {
    const quiz = outline.quizzes.find((entry) => entry.id === id);
    if (!quiz) return refuse(`The file names a quiz this course does not have (${JSON.stringify(id).slice(0, 60)})`);
    const problem = quizProblem(value, quiz.questions);
    if (problem) return refuse(`The answers saved for the quiz "${quiz.title}" are not valid: ${problem}`);
    quizzes[id] = decodeProgress(JSON.stringify(value), quiz);
  }
  const guesses = data['predictions'] ?? {};
  if (!isRecord(guesses)) return refuse(`${NOT_A_FILE}: its predictions are not a list of guesses`);
  const predictions: Record<string, Guess> = {};
  for (const [id, guess] of Object.entries(guesses)) {
    const prediction = outline.predictions?.find((entry) => entry.id === id);
    if (!prediction) {
      return refuse(`The file names a prediction this course does not have (${JSON.stringify(id).slice(0, 60)})`);
    }
    if (!isGuessFor(prediction, guess)) return refuse(`The guess saved for the prediction "${id}" is not valid`);
    predictions[id] = guess;
  }
  return { ok: true, progress: normalize({ read: lessonsRead as string[], quizzes, predictions }, outline) };
}

/** Why one quiz's saved answers are malformed, or undefined when they are well formed. */
function quizProblem(value: unknown, questions: readonly { id: string }[]): string | undefined {
  if (!isRecord(value) || value['v'] !== 1 || !isRecord(value['q'])) return 'not in the quiz’s saved form';
  for (const [questionId, entry] of Object.entries(value['q'])) {
    if (!questions.some((q) => q.id === questionId)) return `the quiz has no question "${questionId.slice(0, 60)}"`;
    if (!Array.isArray(entry) || entry.length !== 3)
      return `the entry of "${questionId}" is not [answer, checks, right]`;
    const [answer, attempts, correct] = entry as unknown[];
    const answerOk =
      answer === null ||
      (typeof answer === 'number' && Number.isFinite(answer)) ||
      (Array.isArray(answer) &&
        answer.length <= MAX_PICKS &&
        answer.every((i) => Number.isInteger(i) && i >= 0 && i < MAX_PICKS));
    const attemptsOk = Number.isInteger(attempts) && (attempts as number) >= 0 && (attempts as number) <= MAX_ATTEMPTS;
    if (!answerOk || !attemptsOk || (correct !== 0 && correct !== 1))
      return `the entry of "${questionId}" is malformed`;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
