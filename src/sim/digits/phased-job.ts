import type { DigitsJob } from './job.ts';

/** Part of a job: a number of steps, and what to do before the first and at each. */
export interface Phase {
  readonly steps: number;
  /** called once, before the phase's first step */
  start?(): void;
  /** the phase's step `i`, 0 to steps − 1 */
  step(i: number): void;
}

/**
 * A job made of phases run one after another (train an epoch, then score it, then the next
 * epoch …). Every phase's step count is known up front, so the job's total is too.
 */
export class PhasedJob<Result> implements DigitsJob<Result> {
  readonly total: number;
  #done = 0;
  #phase = 0;
  #inPhase = 0;
  readonly #phases: readonly Phase[];
  readonly #result: () => Result;

  constructor(phases: readonly Phase[], result: () => Result) {
    this.#phases = phases;
    this.#result = result;
    this.total = phases.reduce((sum, phase) => sum + phase.steps, 0);
  }

  get done(): number {
    return this.#done;
  }

  step(): void {
    let phase = this.#phases[this.#phase];
    while (phase && this.#inPhase >= phase.steps) {
      this.#phase += 1;
      this.#inPhase = 0;
      phase = this.#phases[this.#phase];
    }
    if (!phase) return;
    if (this.#inPhase === 0) phase.start?.();
    phase.step(this.#inPhase);
    this.#inPhase += 1;
    this.#done += 1;
  }

  result(): Result {
    return this.#result();
  }
}
