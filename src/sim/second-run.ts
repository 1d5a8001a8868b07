import type { DropoutMode } from './dropout.ts';
import type { DropSchedule } from './schedule.ts';
import { noDropout, type SecondRun, type TrainingConfig } from './train.ts';

/** How the lab's schedule control reads: p held, or annealed to 0. */
export type ScheduleKind = 'constant' | 'linear';

/** What the lab trains beside its dropout run, as its controls (and URL) name it. */
export interface PairChoice {
  /** `none`: the same network without dropout; `dropout`: a second dropout configuration */
  pair: 'none' | 'dropout';
  /** the second run's drop probability on both hidden layers (it drops no inputs) */
  pairP: number;
  /** the second run's dropout mode */
  pairMode: Exclude<DropoutMode, 'none'>;
  /** the second run's schedule of p */
  pairSchedule: ScheduleKind;
}

/** The lab's schedule of p for a run of `epochs` epochs: annealing reaches p = 0 three quarters of the way through. */
export function labSchedule(kind: ScheduleKind, epochs: number): DropSchedule {
  return kind === 'linear' ? { kind: 'linear', epochs: Math.round(0.75 * epochs) } : { kind: 'constant' };
}

/** The second run's dropout and schedule for a choice, beside a first run of `first` trained `epochs` epochs. */
export function secondRunOf(choice: PairChoice, first: TrainingConfig, epochs: number): SecondRun {
  if (choice.pair === 'none') return noDropout(first);
  return {
    dropout: { mode: choice.pairMode, p: [0, choice.pairP, choice.pairP] },
    schedule: labSchedule(choice.pairSchedule, epochs),
  };
}
