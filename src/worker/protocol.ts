import type { DatasetSettings } from '../sim/datasets.ts';
import type { TrainingConfig } from '../sim/train.ts';
import type { UnitDrawsParams } from '../sim/unit-draws.ts';

/**
 * The message protocol between the main thread and the simulation workers (the sampler
 * and the trainer). Every request carries an `id`; every event answering it carries the
 * same `id`. One-shot requests get one result; a training run streams progress events
 * and ends with `train-done`, `cancelled` or `error`.
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

/** Train on a dataset for a number of epochs, streaming the losses as they come. */
export interface TrainRequest {
  kind: 'train';
  id: number;
  dataset: DatasetSettings;
  training: TrainingConfig;
  /** epochs to train, 1 to {@link MAX_EPOCHS} */
  epochs: number;
  /** also train the same configuration without dropout, from the same weights and minibatches */
  paired: boolean;
}

/** Stop the run started by request `target`; answered by a `cancelled` event with id `target`. */
export interface CancelRequest {
  kind: 'cancel';
  id: number;
  target: number;
}

/** Everything the main thread may ask of a worker. */
export type WorkerRequest = UnitDrawsRequest | TrainRequest | CancelRequest;

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

/**
 * Progress of a training run since the previous progress event, at most about 30 a
 * second. `records` holds {@link RECORD_FIELDS} numbers per run per epoch, epoch-major:
 * for each epoch, the run with dropout, then (when paired) the run without.
 */
export interface TrainProgress {
  kind: 'train-progress';
  id: number;
  /** runs per epoch: 2 when paired, else 1 */
  runs: number;
  records: Float64Array;
}

/** The run trained every epoch it was asked for. */
export interface TrainDone {
  kind: 'train-done';
  id: number;
  epochs: number;
}

/** The run was stopped by a cancel request. */
export interface Cancelled {
  kind: 'cancelled';
  id: number;
}

/** Everything a worker may send back. */
export type WorkerEvent = UnitDrawsResult | TrainProgress | TrainDone | Cancelled | WorkerError;

/** Events that end a request; anything else is progress. */
export type FinalEvent = Exclude<WorkerEvent, TrainProgress>;

/** Per run and epoch: epoch number, training loss (with dropout on), then the test network's loss and accuracy on the training and validation sets. */
export const RECORD_FIELDS = [
  'epoch',
  'trainingLoss',
  'trainLoss',
  'trainAccuracy',
  'validationLoss',
  'validationAccuracy',
] as const;

/** Upper bound on epochs in one run. */
export const MAX_EPOCHS = 100_000;

/** Upper bound on draws in one request, so a bad parameter cannot exhaust memory. */
export const MAX_UNIT_DRAWS = 100_000;
