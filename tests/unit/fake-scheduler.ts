import type { Scheduler } from '../../src/worker/scheduler.ts';

/** A clock that advances `tick` ms whenever it is read, and a queue of deferred tasks. */
export class FakeScheduler implements Scheduler {
  time = 0;
  readonly tasks: (() => void)[] = [];
  constructor(private readonly tick: number) {}
  now(): number {
    this.time += this.tick;
    return this.time;
  }
  defer(task: () => void): void {
    this.tasks.push(task);
  }
  /** Runs deferred tasks until none is left or `limit` have run. */
  drain(limit = 100_000): void {
    for (let n = 0; n < limit && this.tasks.length > 0; n++) this.tasks.shift()?.();
  }
}
