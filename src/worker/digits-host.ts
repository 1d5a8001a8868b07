import type { DigitsJob } from '../sim/digits/job.ts';
import type { DigitsPoint, PointResult } from '../sim/digits/experiments/points.ts';
import type { DigitSplit } from '../sim/digits/split.ts';
import { messageOf } from '../sim/message-of.ts';
import type { ControlRequest, DigitsEvent, DigitsRequest, RunRequest } from './digits-protocol.ts';
import { dispatch, type Handlers } from './dispatch.ts';
import { cancelRun, queueSlice, type Scheduler, type SlicedRun } from './scheduler.ts';

/** Milliseconds of work between yields to the message loop: a cancel or pause waits at most this long. */
const SLICE_MS = 12;
/** Milliseconds between progress events. */
const PROGRESS_MS = 100;

/** Fetches the digits, reporting bytes received of the total (0 while unknown). */
export type LoadDigits = (onProgress: (received: number, total: number) => void) => Promise<DigitSplit>;

/** Builds the job that computes a point on the digits. */
export type MakeJob<Point = DigitsPoint, Result = PointResult> = (
  point: Point,
  digits: DigitSplit,
) => DigitsJob<Result>;

/** One run in the worker. */
interface Session<Result> extends SlicedRun {
  job: DigitsJob<Result> | undefined;
  paused: boolean;
  lastPost: number;
}

/**
 * The digits worker's logic: fetches the digits once (again after a failure), runs each point's
 * job in time slices, streams its progress, and honours pause, resume and cancel between slices.
 * A finished or cancelled run's job is dropped, so its network's memory can be collected. Point
 * and Result are the digits lab's experiments' unless a worker names others (spatial.worker.ts).
 */
export class DigitsHost<Point = DigitsPoint, Result = PointResult> {
  readonly #post: (event: DigitsEvent<Result>) => void;
  readonly #scheduler: Scheduler;
  readonly #load: LoadDigits;
  readonly #makeJob: MakeJob<Point, Result>;
  readonly #sessions = new Map<number, Session<Result>>();
  #digits: Promise<DigitSplit> | undefined;

  constructor(
    post: (event: DigitsEvent<Result>) => void,
    scheduler: Scheduler,
    load: LoadDigits,
    makeJob: NoInfer<MakeJob<Point, Result>>,
  ) {
    this.#post = post;
    this.#scheduler = scheduler;
    this.#load = load;
    this.#makeJob = makeJob;
  }

  /** The handler of each request the main thread may send. */
  readonly #handlers: Handlers<DigitsRequest<Point>> = {
    run: (request) => void this.#start(request),
    cancel: ({ target }) =>
      cancelRun(this.#sessions.get(target), (session) => this.#end(session, { kind: 'cancelled', id: session.id })),
    control: (request) => this.#control(request),
  };

  /** Handles one request from the main thread. */
  receive(request: DigitsRequest<Point>): void {
    dispatch('digits', this.#handlers, request, (error) => this.#post(error));
  }

  async #start({ id, point, paused = false }: RunRequest<Point>): Promise<void> {
    const session: Session<Result> = { id, job: undefined, paused, scheduled: false, cancelled: false, lastPost: 0 };
    this.#sessions.set(id, session);
    try {
      const digits = await this.#digitsFor();
      if (session.cancelled) return;
      session.job = this.#makeJob(point, digits);
      session.lastPost = this.#scheduler.now();
      if (session.paused) this.#post({ kind: 'run-paused', id, done: 0 });
      else this.#schedule(session);
    } catch (error) {
      this.#end(session, { kind: 'error', id, message: messageOf(error) });
    }
  }

  /** The digits, fetched on first use; a failed fetch is forgotten, so the next run tries again. */
  #digitsFor(): Promise<DigitSplit> {
    this.#digits ??= this.#load((received, total) => {
      for (const session of this.#sessions.values()) {
        if (!session.job) this.#post({ kind: 'data-progress', id: session.id, received, total });
      }
    });
    const digits = this.#digits;
    digits.catch(() => {
      if (this.#digits === digits) this.#digits = undefined;
    });
    return digits;
  }

  #control({ target, action }: ControlRequest): void {
    const session = this.#sessions.get(target);
    if (!session?.job) {
      if (session) session.paused = action === 'pause';
      return;
    }
    session.paused = action === 'pause';
    if (!session.paused) this.#schedule(session);
  }

  #schedule(session: Session<Result>): void {
    queueSlice(this.#scheduler, session, () => this.#slice(session));
  }

  #slice(session: Session<Result>): void {
    session.scheduled = false;
    const { job, id } = session;
    if (!job) return;
    try {
      const deadline = this.#scheduler.now() + SLICE_MS;
      while (!session.cancelled && !session.paused && job.done < job.total && this.#scheduler.now() < deadline) {
        job.step();
      }
      const now = this.#scheduler.now();
      if (session.cancelled) this.#end(session, { kind: 'cancelled', id });
      else if (job.done >= job.total) this.#end(session, { kind: 'run-done', id, result: job.result() });
      else if (session.paused) {
        this.#progress(session, now);
        this.#post({ kind: 'run-paused', id, done: job.done });
      } else {
        if (now - session.lastPost >= PROGRESS_MS) this.#progress(session, now);
        this.#schedule(session);
      }
    } catch (error) {
      this.#end(session, { kind: 'error', id, message: messageOf(error) });
    }
  }

  #progress(session: Session<Result>, now: number): void {
    const { job, id } = session;
    if (!job) return;
    this.#post({ kind: 'run-progress', id, done: job.done, total: job.total, result: job.result() });
    session.lastPost = now;
  }

  #end(session: Session<Result>, event: DigitsEvent<Result>): void {
    session.job = undefined;
    this.#sessions.delete(session.id);
    this.#post(event);
  }
}
