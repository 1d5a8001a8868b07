import type { UnitDrawsParams } from '../sim/unit-draws.ts';

/**
 * The message protocol between the main thread and the simulation worker.
 * Every request carries an `id`; every event answering it carries the same `id`.
 */

/** Sample repeated dropout draws of one unit. */
export interface UnitDrawsRequest {
  kind: 'unit-draws';
  id: number;
  params: UnitDrawsParams & {
    /** seed of the mask stream, an integer in [0, 2^32) */
    seed: number;
    /** number of draws, 1 to {@link MAX_UNIT_DRAWS} */
    count: number;
  };
}

/** Everything the main thread may ask of the worker. */
export type WorkerRequest = UnitDrawsRequest;

/** The draws, in buffers transferred (not copied) to the main thread. */
export interface UnitDrawsResult {
  kind: 'unit-draws';
  id: number;
  /** per draw: 1 kept, 0 dropped */
  mask: Uint8Array;
  /** per draw: the unit's output */
  outputs: Float64Array;
  /** per draw i: mean of outputs 0…i */
  means: Float64Array;
}

/** A request failed; `message` says why in plain words. */
export interface WorkerError {
  kind: 'error';
  id: number;
  message: string;
}

/** Everything the worker may send back. */
export type WorkerEvent = UnitDrawsResult | WorkerError;

/** The result type that answers a request of kind `K`. */
export type ResultOf<K extends WorkerRequest['kind']> = Extract<WorkerEvent, { kind: K }>;

/** Upper bound on draws in one request, so a bad parameter cannot exhaust memory. */
export const MAX_UNIT_DRAWS = 100_000;
