import type { QuizScore } from './quiz-host.ts';

/**
 * Values in the forms the SCORM 1.2 run-time data model (RTE 3.4) asks for. Pure, so the runtime
 * adapter (`scorm.ts`) and the packager's manifest (`scorm-package/manifest.ts`) agree on them.
 */

/** Longest `cmi.suspend_data` an LMS must keep: the data model types it CMIString4096. */
export const SUSPEND_DATA_LIMIT = 4096;

/**
 * A share 0…1 as a SCORM 1.2 score: a percentage with at most two decimals. `cmi.core.score.raw`
 * must lie in 0…100, and an LMS compares it with the manifest's `adlcp:masteryscore`, so both
 * go through this one rounding (monotonic: a passing share never rounds below the mastery score).
 */
export function percent(share: number): number {
  return Math.round(Math.min(1, Math.max(0, share)) * 10_000) / 100;
}

/** `cmi.core.score.raw`, `.min` and `.max` for a quiz score, as percentages. */
export function scoreElements(score: QuizScore): Record<'raw' | 'min' | 'max', string> {
  return { raw: String(percent(score.scaled)), min: '0', max: '100' };
}

/** `cmi.core.lesson_status`: incomplete until every question is checked, then passed or failed. */
export function lessonStatus(score: QuizScore): 'incomplete' | 'passed' | 'failed' {
  if (!score.completed) return 'incomplete';
  return score.passed ? 'passed' : 'failed';
}

/** The largest CMITimespan, 9999:59:59.99, in hundredths of a second. */
const MAX_CENTISECONDS = 9999 * 360_000 + 59 * 6000 + 59 * 100 + 99;

/**
 * A duration in milliseconds as a CMITimespan, `HHHH:MM:SS.SS` (RTE A.3): hours with four digits,
 * hundredths of a second; negative durations count as zero, longer ones stop at the format's end.
 */
export function cmiTimespan(milliseconds: number): string {
  const total = Math.min(MAX_CENTISECONDS, Math.max(0, Math.round(milliseconds / 10)));
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const hours = Math.floor(total / 360_000);
  const minutes = Math.floor(total / 6000) % 60;
  const seconds = Math.floor(total / 100) % 60;
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(total % 100, 2)}`;
}
