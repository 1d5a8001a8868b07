import type { DatasetSettings } from '../sim/datasets.ts';
import type { GridExtent } from '../sim/decision-grid.ts';
import type { McCurveSettings, McPicture } from '../sim/monte-carlo-curve.ts';
import type { SecondRun, TrainingConfig } from '../sim/train.ts';
import type { WorkerError } from './protocol.ts';

/**
 * The training worker's protocol (`trainer.worker.ts`, answered by `trainer-host.ts`). A Monte
 * Carlo request gets one result; a training run streams progress events and ends with
 * `train-done`, `cancelled` or `error`; `control` and `cancel` steer a run by its request id.
 * Everything is copied out, never transferred (see `trainer-host.ts`).
 */

/** Train the regression network with dropout, then predict with Monte Carlo dropout (trainer worker). */
export interface MonteCarloRequest {
  kind: 'monte-carlo';
  id: number;
  params: McCurveSettings & {
    /** points of the curve across x ∈ [−2, 2], 2 to 400 */
    points: number;
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
  /** also train a second run from the same weights and minibatches: without dropout unless `second` says */
  paired: boolean;
  /** the second run's dropout and schedule, when paired (absent: no dropout) */
  second?: SecondRun;
  /** at most this many epochs a second (0 or absent: as fast as the machine allows) */
  pace?: number;
  /** also send the decision boundary of each run on a grid of this many cells a side (two-input data only) */
  grid?: number;
  /** start paused: nothing trains until a `resume` or `step` control */
  paused?: boolean;
}

/** Pause, resume or single-step the run started by request `target`. */
export interface ControlRequest {
  kind: 'control';
  id: number;
  target: number;
  action: 'pause' | 'resume' | 'step';
}

/** Stop the run started by request `target`; answered by a `cancelled` event with id `target`. */
export interface CancelRequest {
  kind: 'cancel';
  id: number;
  target: number;
}

/** The Monte Carlo picture of the request's settings. */
export interface MonteCarloResult extends McPicture {
  kind: 'monte-carlo';
  id: number;
}

/**
 * Progress of a training run since the previous progress event, at most about 30 a
 * second. `records` holds {@link RECORD_FIELDS} numbers per run per epoch, epoch-major:
 * for each epoch, the run with dropout, then (when paired) the second run.
 */
export interface TrainProgress {
  kind: 'train-progress';
  id: number;
  /** runs per epoch: 2 when paired, else 1 */
  runs: number;
  records: Float64Array;
}

/**
 * The decision boundary of each run after `epoch` epochs, at most a few times a second:
 * `values` holds resolution² predicted probabilities per run, run after run, each grid
 * row-major from the top-left cell (see `gridInputs`).
 */
export interface TrainGrid {
  kind: 'train-grid';
  id: number;
  epoch: number;
  resolution: number;
  extent: GridExtent;
  values: Float64Array;
}

/** A paused run has stopped after `epoch` epochs and waits for `resume` or `step`. */
export interface TrainPaused {
  kind: 'train-paused';
  id: number;
  epoch: number;
}

/** The events a training run streams before its final event. */
export type TrainStreamEvent = TrainProgress | TrainGrid | TrainPaused;

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

/** Everything the main thread may ask of the training worker. */
export type TrainerRequest = MonteCarloRequest | TrainRequest | ControlRequest | CancelRequest;

/** Everything the training worker may send back. */
export type TrainerEvent = MonteCarloResult | TrainStreamEvent | TrainDone | Cancelled | WorkerError;

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
