import type { LiveGoal } from '../schemas/quiz.ts';
import { isAttemptSeed, variantOf } from './attempt.ts';
import type { QuizScore } from '../lms/quiz-host.ts';
import type { DropCountState } from '../islands/drop-counts/definition.ts';
import type { LabState } from '../islands/training/summary.ts';

/**
 * A quiz as the island receives it: the content file's questions with every text already typeset
 * to HTML at build time (src/components/Quiz.astro), so the browser never runs KaTeX.
 */
export interface RenderedChoice {
  html: string;
  correct: boolean;
  feedback: string;
}

export interface Outcomes {
  correct: string;
  incorrect: string;
}

export type RenderedQuestion = { id: string; prompt: string } & (
  | { type: 'single' | 'multiple'; choices: RenderedChoice[] }
  | {
      type: 'numeric';
      answer: number;
      tolerance: number;
      unit: string | undefined;
      feedback: Outcomes;
      mistakes: { value: number; tolerance: number; feedback: string }[];
      /**
       * the numbers drawn per attempt, when the question varies: its texts then hold stand-ins and
       * its answer and mistakes are those of the page's fixed attempt; `instantiate` gives a variant
       */
      vary?: VaryTable;
    }
  | ({ type: 'live'; goal: LiveGoal; below: number | undefined; feedback: Outcomes } & LiveStart)
);

/**
 * A question's variants, typeset once: each number that varies stands in its texts as a stand-in
 * (digits KaTeX typesets as one number, which no text has otherwise), replaced in the browser.
 */
export interface VaryTable {
  /** the stand-ins, one per number that varies, in the order of each row */
  stand: string[];
  /** per variant, the text of each number */
  rows: string[][];
  /** per variant, the right answer */
  answers: number[];
  /** per variant, the value of each mistake */
  mistakes: number[][];
}

/** The simulation a live task runs in, with the state it starts from. */
export type LiveStart = { sim: 'training'; initial: LabState } | { sim: 'drop-counts'; initial: DropCountState };

export interface RenderedQuiz {
  id: string;
  title: string;
  /** plain-text title, for statements and packages */
  name: string;
  /** path of the quiz's lesson page (with the base), its canonical home */
  lessonPath: string;
  /** absolute canonical URL when the site's address is known at build time, else undefined */
  canonical: string | undefined;
  passing: number;
  questions: RenderedQuestion[];
}

/** What the learner gave: a choice index, a set of indices, a number, or (live) nothing to keep. */
export type Answer = number | number[] | null;

/** One question's state: the last checked answer, how often it was checked, and whether it was right. */
export interface QuestionState {
  answer: Answer;
  attempts: number;
  correct: boolean;
}

export type Progress = Record<string, QuestionState>;

/** The verdict on one answer, with the feedback to show (HTML from the content). */
export interface Verdict {
  correct: boolean;
  /** per choice for choice questions, one entry otherwise */
  feedback: string[];
}

/**
 * A typed number as a reader writes it: "1,024" and "1 024" are a thousand and twenty-four,
 * "0,25" is a quarter (a decimal comma), and a trailing "%" is the unit the question already
 * states. NaN for anything else.
 */
export function readNumber(typed: string): number {
  let text = typed
    .trim()
    .replace(/\s*%$/, '')
    .replace(/[\s\u00a0\u202f]/g, '');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  else if (/^[-+]?\d*,\d+$/.test(text)) text = text.replace(',', '.');
  return text === '' ? Number.NaN : Number(text);
}

/**
 * The question as attempt `seed` asks it: for a question that varies, the variant the seed draws
 * (attempt.ts), with its numbers in the texts and its answer and mistakes; any other as it is.
 */
export function instantiate(question: RenderedQuestion, seed: number): RenderedQuestion {
  if (question.type !== 'numeric' || !question.vary) return question;
  const { stand, rows, answers, mistakes } = question.vary;
  const v = variantOf(seed, question.id, rows.length);
  const row = rows[v] ?? [];
  const fill = (html: string) => stand.reduce((text, standIn, i) => text.split(standIn).join(row[i] ?? ''), html);
  const { vary: _, ...fixed } = question;
  return {
    ...fixed,
    prompt: fill(question.prompt),
    answer: answers[v] ?? question.answer,
    feedback: { correct: fill(question.feedback.correct), incorrect: fill(question.feedback.incorrect) },
    mistakes: question.mistakes.map((m, i) => ({
      ...m,
      value: mistakes[v]?.[i] ?? m.value,
      feedback: fill(m.feedback),
    })),
  };
}

/** Judges a choice or numeric answer; live tasks are judged from the simulation (quiz-live.ts). */
export function judge(question: RenderedQuestion, answer: Answer): Verdict {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const picked = new Set(typeof answer === 'number' ? [answer] : Array.isArray(answer) ? answer : []);
      const correct = question.choices.every((choice, i) => choice.correct === picked.has(i));
      // The feedback of every picked choice, and of every right choice that was missed.
      const feedback = question.choices
        .filter((choice, i) => picked.has(i) || choice.correct)
        .map((choice) => choice.feedback);
      return { correct, feedback };
    }
    case 'numeric': {
      if (typeof answer !== 'number' || !Number.isFinite(answer)) {
        return { correct: false, feedback: [question.feedback.incorrect] };
      }
      if (Math.abs(answer - question.answer) <= question.tolerance + 1e-12) {
        return { correct: true, feedback: [question.feedback.correct] };
      }
      const mistake = question.mistakes.find((m) => Math.abs(answer - m.value) <= m.tolerance + 1e-12);
      return { correct: false, feedback: [mistake?.feedback ?? question.feedback.incorrect] };
    }
    case 'live':
      throw new Error('live tasks are judged from the simulation, not from an answer');
  }
}

/**
 * What scoring and reading saved progress need of a quiz: its questions' ids and its passing share.
 * A RenderedQuiz is one; the course home, which lists progress without the quizzes' texts, passes its own.
 */
export interface QuizOutline {
  questions: readonly { id: string }[];
  /** share of points needed to pass, 0…1 */
  passing: number;
}

/** The score of a quiz in a given state. */
export function scoreOf(quiz: QuizOutline, progress: Progress): QuizScore {
  const max = quiz.questions.length;
  const states = quiz.questions.map((q) => progress[q.id]);
  const raw = states.filter((s) => s?.correct).length;
  const completed = states.every((s) => s !== undefined && s.attempts > 0);
  const scaled = max === 0 ? 0 : raw / max;
  return { raw, min: 0, max, scaled, completed, passed: completed && scaled >= quiz.passing - 1e-12 };
}

/** Most characters a saved progress may take: SCORM 1.2's `cmi.suspend_data` holds 4096. */
export const PROGRESS_LIMIT = 4096;

/**
 * Progress as a short string: `{"v":1,"s":<seed>,"q":{"<id>":[answer, attempts, 0|1]}}`, where `s`
 * is the attempt's seed (attempt.ts) when there is one. A choice answer is its position in the
 * content's order, whatever order the attempt shows. Numeric answers are kept to 6 significant
 * digits. Over PROGRESS_LIMIT, answers are dropped first (attempts and verdicts kept: a quiz of a
 * few dozen questions always fits then), and beyond that the last questions' entries, so the
 * string always fits.
 */
export function encodeProgress(progress: Progress, seed?: number): string {
  const entries = Object.entries(progress);
  const text = (keepAnswers: boolean, count: number) =>
    JSON.stringify({
      v: 1,
      ...(seed === undefined ? {} : { s: seed }),
      q: Object.fromEntries(
        entries
          .slice(0, count)
          .map(([id, s]) => [id, [keepAnswers ? compact(s.answer) : null, s.attempts, s.correct ? 1 : 0]]),
      ),
    });
  const full = text(true, entries.length);
  if (full.length <= PROGRESS_LIMIT) return full;
  let count = entries.length;
  while (count > 0 && text(false, count).length > PROGRESS_LIMIT) count -= 1;
  return text(false, count);
}

function compact(answer: Answer): Answer {
  return typeof answer === 'number' ? Number(answer.toPrecision(6)) : answer;
}

/** Reads what encodeProgress wrote, keeping only entries of questions the quiz has, valid in shape. */
export function decodeProgress(text: string | undefined, quiz: Pick<QuizOutline, 'questions'>): Progress {
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (!isRecord(parsed) || parsed['v'] !== 1 || !isRecord(parsed['q'])) return {};
  const saved = parsed['q'];
  const progress: Progress = {};
  for (const question of quiz.questions) {
    const entry = saved[question.id];
    if (!Array.isArray(entry) || entry.length !== 3) continue;
    const [answer, attempts, correct] = entry as unknown[];
    if (!isAnswer(answer) || typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0) continue;
    progress[question.id] = { answer, attempts, correct: correct === 1 };
  }
  return progress;
}

/** The attempt's seed in what encodeProgress wrote, or undefined where there is none or it is not one. */
export function decodeSeed(text: string | undefined): number | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    const seed = isRecord(parsed) && parsed['v'] === 1 ? parsed['s'] : undefined;
    return isAttemptSeed(seed) ? seed : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAnswer(value: unknown): value is Answer {
  return (
    value === null ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (Array.isArray(value) && value.every((v) => Number.isInteger(v)))
  );
}
