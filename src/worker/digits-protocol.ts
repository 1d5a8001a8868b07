import type { DigitsPoint, PointResult } from '../sim/digits/experiments/points.ts';
import type { WorkerError } from './protocol.ts';

/**
 * The digits worker's protocol (`digits.worker.ts`, answered by `digits-host.ts`). A run trains
 * and measures one point of an experiment on the handwritten digits: it streams progress and
 * ends with `run-done`, `cancelled` or `error`. `control` and `cancel` steer it by its request
 * id. The worker fetches the digits file on its first run and keeps it.
 */

/**
 * Train and measure one point of an experiment. The protocol's types take the point and its result
 * as parameters: the digits lab's experiments by default, the spatial-dropout network's in
 * `spatial.worker.ts`, which runs on the same host.
 */
export interface RunRequest<Point = DigitsPoint> {
  kind: 'run';
  id: number;
  point: Point;
  /** start paused: nothing runs until a `resume` */
  paused?: boolean;
}

/** Pause or resume the run started by request `target`. */
export interface ControlRequest {
  kind: 'control';
  id: number;
  target: number;
  action: 'pause' | 'resume';
}

/** Stop the run started by request `target`; answered by a `cancelled` event with id `target`. */
export interface CancelRequest {
  kind: 'cancel';
  id: number;
  target: number;
}

/** The digits file is on its way: `received` of `total` bytes (total 0 while unknown). */
export interface DataProgress {
  kind: 'data-progress';
  id: number;
  received: number;
  total: number;
}

/** The run has taken `done` of its `total` steps; `result` is its result so far. */
export interface RunProgress<Result = PointResult> {
  kind: 'run-progress';
  id: number;
  done: number;
  total: number;
  result: Result;
}

/** A paused run has stopped after `done` steps and waits for `resume`. */
export interface RunPaused {
  kind: 'run-paused';
  id: number;
  done: number;
}

/** The events a run streams before its final event. */
export type RunStreamEvent<Result = PointResult> = DataProgress | RunProgress<Result> | RunPaused;

/** The run took every step: its complete result. */
export interface RunDone<Result = PointResult> {
  kind: 'run-done';
  id: number;
  result: Result;
}

/** The run was stopped by a cancel request. */
export interface Cancelled {
  kind: 'cancelled';
  id: number;
}

/** Everything the main thread may ask of the digits worker. */
export type DigitsRequest<Point = DigitsPoint> = RunRequest<Point> | ControlRequest | CancelRequest;

/** Everything the digits worker may send back. */
export type DigitsEvent<Result = PointResult> = RunStreamEvent<Result> | RunDone<Result> | Cancelled | WorkerError;
