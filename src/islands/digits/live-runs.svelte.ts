import { messageOf } from '../../sim/message-of.ts';
import type { DigitsPoint, PointResult } from '../../sim/digits/experiments/points.ts';
import type { DigitsRunHandle } from '../../worker/digits-client.ts';
import type { Cancelled, RunDone, RunStreamEvent } from '../../worker/digits-protocol.ts';
import { remainingSeconds } from './summary.ts';

/** What a pool of digits workers offers the lab (src/worker/digits-pool.ts). */
export interface RunPool {
  run(point: DigitsPoint, onProgress: (event: RunStreamEvent) => void): DigitsRunHandle;
  dispose(): void;
}

/** One network of a learner's run: its point, its steps so far and its result so far. */
export interface LiveRun {
  point: DigitsPoint;
  /** steps taken, of `total` (0 until its worker reports) */
  done: number;
  total: number;
  result: PointResult | undefined;
  finished: boolean;
}

/** Where a learner's run stands. */
export type RunStatus = 'idle' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed';

/**
 * A learner's run of the networks of one point of an experiment, each on a worker of a pool that
 * starts with the first run (no worker runs before the learner asks for one) and stops with the
 * island. Progress, the download of the digits, the time left, pause, resume, cancel, and errors
 * as plain messages. Events of a run that has since been cancelled or replaced are dropped.
 */
export class LiveRuns {
  status = $state<RunStatus>('idle');
  runs = $state.raw<LiveRun[]>([]);
  /** the digits' download: bytes received of the total (0 while unknown), until training starts */
  download = $state.raw<{ received: number; total: number } | undefined>();
  /** seconds left at the pace so far, once there is one */
  remaining = $state<number | undefined>();
  error = $state('');

  readonly #makePool: () => RunPool;
  readonly #now: () => number;
  #pool: RunPool | undefined;
  #handles: DigitsRunHandle[] = [];
  #generation = 0;
  /** milliseconds of training before the current stretch, and when that stretch began */
  #activeMs = 0;
  #since: number | undefined;

  constructor(makePool: () => RunPool, now: () => number = () => performance.now()) {
    this.#makePool = makePool;
    this.#now = now;
  }

  /** Whether a run is under way, paused or not. */
  get busy(): boolean {
    return this.status === 'running' || this.status === 'paused';
  }

  /** Trains `points`, one network each, replacing any earlier run. */
  start(points: readonly DigitsPoint[]): void {
    this.#stop();
    const generation = this.#generation;
    this.#pool ??= this.#makePool();
    const pool = this.#pool;
    this.runs = points.map((point) => ({ point, done: 0, total: 0, result: undefined, finished: false }));
    this.status = 'running';
    this.error = '';
    this.download = undefined;
    this.remaining = undefined;
    this.#activeMs = 0;
    this.#since = undefined;
    this.#handles = points.map((point, i) => {
      const handle = pool.run(point, (event) => {
        if (generation === this.#generation) this.#progress(i, event);
      });
      handle.done.then(
        (end) => {
          if (generation === this.#generation) this.#ended(i, end);
        },
        (reason: unknown) => {
          if (generation === this.#generation) this.#failed(reason);
        },
      );
      return handle;
    });
  }

  pause(): void {
    if (this.status !== 'running') return;
    for (const handle of this.#handles) handle.control('pause');
    this.#clock(false);
    this.status = 'paused';
  }

  resume(): void {
    if (this.status !== 'paused') return;
    for (const handle of this.#handles) handle.control('resume');
    this.status = 'running';
    if (this.#started()) this.#since = this.#now();
  }

  /** Stops the run; what it trained so far is dropped. */
  cancel(): void {
    if (!this.busy) return;
    this.#stop();
    this.runs = [];
    this.download = undefined;
    this.status = 'cancelled';
  }

  /** Forgets every run, finished or not: the lab as it was before the first one (a run file without a run). */
  clear(): void {
    this.#stop();
    this.runs = [];
    this.download = undefined;
    this.remaining = undefined;
    this.error = '';
    this.status = 'idle';
  }

  /** Stops every worker; the lab calls it when it closes. */
  dispose(): void {
    this.#stop();
    this.#pool?.dispose();
    this.#pool = undefined;
  }

  #stop(): void {
    this.#generation += 1;
    for (const handle of this.#handles) handle.cancel();
    this.#handles = [];
  }

  #started(): boolean {
    return this.runs.some((run) => run.total > 0);
  }

  /** Adds the stretch since the last resume to the time trained, and starts a new one if `running`. */
  #clock(running: boolean): void {
    const now = this.#now();
    if (this.#since !== undefined) this.#activeMs += now - this.#since;
    this.#since = running ? now : undefined;
  }

  #progress(i: number, event: RunStreamEvent): void {
    if (event.kind === 'data-progress') {
      this.download = { received: event.received, total: event.total };
      return;
    }
    if (event.kind !== 'run-progress') return;
    if (this.#since === undefined && this.status === 'running') this.#since = this.#now();
    this.download = undefined;
    this.#update(i, { done: event.done, total: event.total, result: event.result });
  }

  #ended(i: number, end: RunDone | Cancelled): void {
    if (end.kind !== 'run-done') return;
    const run = this.runs[i];
    this.#update(i, { done: run?.total || 1, total: run?.total || 1, result: end.result, finished: true });
    if (this.runs.every((r) => r.finished)) {
      this.#clock(false);
      this.#handles = [];
      this.remaining = 0;
      this.status = 'done';
    }
  }

  #failed(reason: unknown): void {
    this.#stop();
    this.#clock(false);
    this.download = undefined;
    this.error = messageOf(reason);
    this.status = 'failed';
  }

  #update(i: number, change: Partial<LiveRun>): void {
    this.runs = this.runs.map((run, r) => (r === i ? { ...run, ...change } : run));
    const fraction =
      this.runs.reduce((sum, run) => sum + (run.finished ? 1 : run.total > 0 ? run.done / run.total : 0), 0) /
      this.runs.length;
    const elapsed = this.#activeMs + (this.#since === undefined ? 0 : this.#now() - this.#since);
    this.remaining = remainingSeconds(elapsed, fraction);
  }
}
