/**
 * What a quiz tells the page around it. The quiz island keeps its own state; hosts receive it:
 * guarded local storage on every page, a score statement to the parent frame in an embed, and the
 * LMS's SCORM API inside a SCORM package. Each host decides what to keep and where.
 */

/** A quiz's score: questions answered correctly out of all its questions. */
export interface QuizScore {
  /** questions answered correctly at their latest check */
  raw: number;
  /** always 0 */
  min: number;
  /** number of questions */
  max: number;
  /** raw / max, from 0 to 1 */
  scaled: number;
  /** every question has been checked at least once */
  completed: boolean;
  /** completed and scaled ≥ the quiz's passing share */
  passed: boolean;
}

/** Facts about the quiz that hosts report with its score. */
export interface QuizFacts {
  id: string;
  title: string;
  /** canonical URL of the quiz: the object id of score statements */
  url: string;
  /** share of points needed to pass, 0…1 */
  passing: number;
  questions: number;
}

/** The result of checking one question. */
export interface QuestionOutcome {
  questionId: string;
  correct: boolean;
  /** checks of this question so far, this one included */
  attempts: number;
  /** what was asked and answered, for hosts that record each interaction (SCORM 2004) */
  detail?: QuestionDetail | undefined;
}

/** A checked question's prompt and the learner's response, with the right one. */
export interface QuestionDetail {
  /** the prompt as plain text */
  prompt: string;
  response: QuestionResponse;
}

/**
 * The response by kind of question. Choices are numbered by their position in the content, which
 * no shuffled order on screen changes.
 */
export type QuestionResponse =
  | { kind: 'choice'; chosen: number[]; right: number[] }
  | { kind: 'numeric'; value: number | undefined; answer: number; tolerance: number }
  | { kind: 'task' };

export interface QuizHost {
  /** Saved progress (see `quiz-progress.ts`) to resume from, or undefined to start afresh. */
  restore(): string | undefined;
  /** After every check or reset: the progress to keep (at most 4096 characters) and the score. */
  save(progress: string, score: QuizScore): void;
  /** After each check of a question. */
  answered(outcome: QuestionOutcome, score: QuizScore): void;
  /** When the last unchecked question is checked, and again whenever a later check changes the score. */
  completed(score: QuizScore): void;
}
