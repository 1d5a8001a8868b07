import type { DigitsPoint, PointResult } from '../sim/digits/experiments/points.ts';
import type { Cancelled, DigitsEvent, RunDone, RunStreamEvent } from './digits-protocol.ts';
import { WorkerClient } from './worker-client.ts';

/** Starts a digits worker, which fetches the digits file and trains points of the experiments. */
export function startDigitsWorker(): Worker {
  return new Worker(new URL('./digits.worker.ts', import.meta.url), { type: 'module', name: 'dropout-lab-digits' });
}

/** A run in progress: its end, and ways to steer it. */
export interface DigitsRunHandle<Result = PointResult> {
  /** resolves with `run-done`, or `cancelled` once {@link cancel} took effect; rejects with the worker's error */
  done: Promise<RunDone<Result> | Cancelled>;
  /** asks the worker to stop after its current slice */
  cancel(): void;
  /** pauses or resumes the run */
  control(action: 'pause' | 'resume'): void;
}

/** Whether an event reports progress of a run (anything else ends it). */
function isStreamEvent<Result>(event: DigitsEvent<Result>): event is RunStreamEvent<Result> {
  return event.kind === 'data-progress' || event.kind === 'run-progress' || event.kind === 'run-paused';
}

/** The client of one digits worker (or of a worker on the same host with points of its own, spatial-client.ts). */
export class DigitsClient<Point = DigitsPoint, Result = PointResult> extends WorkerClient<
  never,
  never,
  DigitsEvent<Result>
> {
  constructor(start: () => Worker = startDigitsWorker) {
    super(start, isStreamEvent);
  }

  /** Starts a run of `point`; `onProgress` receives its progress events as they come. */
  run(point: Point, onProgress: (event: RunStreamEvent<Result>) => void, paused = false): DigitsRunHandle<Result> {
    let id = 0;
    const done = new Promise<RunDone<Result> | Cancelled>((resolve, reject) => {
      id = this.post(
        { kind: 'run', point, paused },
        {
          resolve: (event) => resolve(event as RunDone<Result> | Cancelled),
          reject,
          progress: (event) => onProgress(event as RunStreamEvent<Result>),
        },
      );
    });
    return {
      done,
      cancel: () => this.postAbout(id, { kind: 'cancel' }),
      control: (action) => this.postAbout(id, { kind: 'control', action }),
    };
  }
}
