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
