/** Time and deferral, injected so a worker's host runs the same under a test clock. */
export interface Scheduler {
  /** milliseconds, monotonic */
  now(): number;
  /** runs `task` later, after pending messages (a cancel, say) have been handled */
  defer(task: () => void): void;
}

/** The scheduler of a real worker: `performance.now()` and a zero-delay timeout. */
export const WORKER_SCHEDULER: Scheduler = {
  now: () => performance.now(),
  defer: (task) => setTimeout(task, 0),
};

/** What a host's time-sliced run tells its slicing: whether a slice is queued, whether it was cancelled. */
export interface SlicedRun {
  /** the id of the request that started the run */
  readonly id: number;
  /** whether a slice is queued */
  scheduled: boolean;
  /** whether a cancel has come; the run ends without another step */
  cancelled: boolean;
}

/** Queues the next slice of `run`, unless one is queued already. */
export function queueSlice(scheduler: Scheduler, run: SlicedRun, slice: () => void): void {
  if (run.scheduled) return;
  run.scheduled = true;
  scheduler.defer(slice);
}

/**
 * Cancels `run`, if there is one. A queued slice sees the cancel and ends the run; a run with no
 * slice queued (paused, or still waiting for its data) has none to see it, so `end` ends it now.
 */
export function cancelRun<Run extends SlicedRun>(run: Run | undefined, end: (run: Run) => void): void {
  if (!run) return;
  run.cancelled = true;
  if (!run.scheduled) end(run);
}
