/**
 * A long computation on the digits, cut into small steps so a worker can run it in time slices
 * between messages (pause, cancel) and report how far it is. One step is a minibatch update or
 * an evaluation of one batch: a few milliseconds at most for the lab's networks.
 */
export interface DigitsJob<Result> {
  /** steps in all, known from the start */
  readonly total: number;
  /** steps taken so far, 0 to {@link total} */
  readonly done: number;
  /** takes the next step; a no-op once every step is done */
  step(): void;
  /** the result so far: complete once {@link done} equals {@link total}, partial before (a curve up to now) */
  result(): Result;
}
