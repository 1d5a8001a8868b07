import { formatNumber, formatPercent } from '../lib/format.ts';
import type { LiveGoal } from '../schemas/quiz.ts';
import { binomialPmf } from '../sim/binomial.ts';
import type { Verdict } from './quiz-state.ts';

/**
 * What a simulation inside a live task reports of its state: the values on screen, read when the
 * learner presses Check. Each island that can host a task sends its own kind.
 */
export type LiveReport =
  | {
      kind: 'training';
      /** finished runs only count */
      finished: boolean;
      epoch: number;
      epochs: number;
      /** last validation losses, with and without dropout (NaN before the first epoch) */
      validation: number;
      validationPlain: number;
      /** every setting of the lab, by its URL name */
      settings: Readonly<Record<string, number | string>>;
    }
  | { kind: 'drop-counts'; n: number; p: number };

/** Settings of the training lab a `dropout-beats-plain` task lets the learner change. */
const FREE = new Set(['p', 'p2', 'pIn', 'preset', 'schedule']);

/** Feedback of a live task: the content's text for success or failure, after the facts measured. */
export interface LiveVerdict extends Verdict {
  /** what the simulation showed when checked, in plain words */
  observed: string;
}

/**
 * Judges a live task from the simulation's report. `below` is the goal's threshold where it has one.
 * Returns what was observed so the learner sees the numbers the verdict rests on.
 */
export function judgeLive(
  goal: LiveGoal,
  below: number | undefined,
  report: LiveReport | undefined,
  feedback: { correct: string; incorrect: string },
  start: Readonly<Record<string, number | string>> = {},
): LiveVerdict {
  const verdict = (correct: boolean, observed: string): LiveVerdict => ({
    correct,
    observed,
    feedback: [correct ? feedback.correct : feedback.incorrect],
  });
  if (goal === 'dropout-beats-plain') {
    if (report?.kind !== 'training' || report.epoch === 0) {
      return verdict(false, 'The networks have not been trained yet: press Train and let the run finish.');
    }
    // The task is about the drop probabilities: a shorter run or another seed would be a different experiment.
    const changed = Object.keys(start).filter((key) => !FREE.has(key) && report.settings[key] !== start[key]);
    if (changed.length > 0) {
      const back = changed.map((key) => `${key} ${String(start[key])}`).join(', ');
      return verdict(false, `Only the drop probabilities are yours to change in this task; set back ${back}.`);
    }
    const losses = `validation loss ${formatNumber(report.validation)} with dropout, ${formatNumber(report.validationPlain)} without`;
    if (!report.finished) {
      return verdict(false, `The run is at epoch ${report.epoch} of ${report.epochs} (${losses}); let it finish.`);
    }
    return verdict(report.validation < report.validationPlain, `After ${report.epochs} epochs: ${losses}.`);
  }
  if (report?.kind !== 'drop-counts') return verdict(false, 'The simulation has not reported its state yet.');
  const { n, p } = report;
  const mean = n * p;
  if (Math.abs(mean - Math.round(mean)) > 1e-9) {
    return verdict(
      false,
      `With n = ${n} and p = ${formatNumber(p)}, np = ${formatNumber(mean)} is not a whole number.`,
    );
  }
  const exact = binomialPmf(Math.round(mean), n, p);
  const limit = below ?? 0;
  return verdict(
    exact < limit,
    `With n = ${n} and p = ${formatNumber(p)}, exactly np = ${Math.round(mean)} units drop with probability ${formatPercent(exact)}` +
      ` (the goal: below ${formatPercent(limit)}).`,
  );
}
