import type { DatasetSettings } from '../sim/datasets.ts';
import type { GridExtent } from '../sim/decision-grid.ts';
import type { DropCountParams } from '../sim/drop-counts.ts';
import type { DropoutMode } from '../sim/dropout.ts';
import type { McCurveSettings } from '../sim/monte-carlo-curve.ts';
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

/** Count the dropped units in many independent masks of one layer. */
export interface DropCountsRequest {
  kind: 'drop-counts';
  id: number;
  params: DropCountParams & {
    /** number of masks, 1 to {@link MAX_SAMPLES} */
    masks: number;
    /** seed of the mask stream */
    seed: number;
  };
}

/** Sample the next unit's pre-activation over many masks of the lessons' example layer. */
export interface LayerSamplesRequest {
  kind: 'layer-samples';
  id: number;
  params: {
    mode: DropoutMode;
    /** drop probability p */
    p: number;
    /** number of masks, 1 to {@link MAX_SAMPLES} */
    samples: number;
    /** seed of the layer (data stream) and of the masks (mask stream) */
    seed: number;
  };
}

/** Draw one keep/drop mask: the `draw`-th mask (from 0) of the seed's mask stream. */
export interface MaskRequest {
  kind: 'mask';
  id: number;
  params: {
    /** units in the mask, 1 to 64 */
    units: number;
    /** drop probability p */
    p: number;
    seed: number;
    /** which mask of the stream, 0 to {@link MAX_MASK_DRAW} */
    draw: number;
  };
}

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
  /** also train the same configuration without dropout, from the same weights and minibatches */
  paired: boolean;
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

/** The one-off requests, each answered by one result of the same kind (Monte Carlo runs in the trainer worker). */
export type SampleRequest =
  UnitDrawsRequest | DropCountsRequest | LayerSamplesRequest | MaskRequest | MonteCarloRequest;

/** Everything the main thread may ask of a worker. */
export type WorkerRequest = SampleRequest | TrainRequest | CancelRequest | ControlRequest;

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

/** The drop count of each mask, transferred. */
export interface DropCountsResult {
  kind: 'drop-counts';
  id: number;
  counts: Int32Array;
}

/** The pre-activation under each mask, transferred. */
export interface LayerSamplesResult {
  kind: 'layer-samples';
  id: number;
  values: Float64Array;
}

/** One mask: 1 kept, 0 dropped. */
export interface MaskResult {
  kind: 'mask';
  id: number;
  mask: Uint8Array;
}

/** The Monte Carlo picture: per x, the test network's prediction and the mean and SD of T stochastic passes. */
export interface MonteCarloResult {
  kind: 'monte-carlo';
  id: number;
  xs: Float64Array;
  deterministic: Float64Array;
  mean: Float64Array;
  sd: Float64Array;
  /** the training points */
  trainX: Float64Array;
  trainY: Float64Array;
}

/** The answer of each one-off request. */
export type SampleResult = UnitDrawsResult | DropCountsResult | LayerSamplesResult | MaskResult | MonteCarloResult;

/** The result type answering a sampling request (or request body) of a given kind. */
export type ResultFor<R extends { kind: SampleRequest['kind'] }> = Extract<SampleResult, { kind: R['kind'] }>;

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

/** Everything a worker may send back. */
export type WorkerEvent = SampleResult | TrainStreamEvent | TrainDone | Cancelled | WorkerError;

/** Events that end a request; anything else is progress. */
export type FinalEvent = Exclude<WorkerEvent, TrainStreamEvent>;

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

/** Upper bound on masks in one drop-count or layer-samples request. */
export const MAX_SAMPLES = 200_000;

/** Upper bound on the index of a single mask draw. */
export const MAX_MASK_DRAW = 100_000;
