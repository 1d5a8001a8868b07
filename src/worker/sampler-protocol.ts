import type { DropCountParams } from '../sim/drop-counts.ts';
import type { DropoutMode } from '../sim/dropout.ts';
import type { NetworkParameters } from '../sim/feature-maps/parameters.ts';
import type { PairRemovals } from '../sim/feature-maps/removals.ts';
import type { UnitDrawsParams } from '../sim/unit-draws.ts';
import type { WorkerError } from './protocol.ts';

/**
 * The sampling worker's protocol (`sampler.worker.ts`, answered by `sampler-handlers.ts`): one-off
 * samples, each request answered by one result of its kind carrying its `id`, or by an error.
 * Results travel in transferred buffers.
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

/** Train the feature-map pair of a seed (src/sim/feature-maps/setup.ts): one with dropout, one without. */
export interface FeatureMapNetworkRequest {
  kind: 'feature-map-network';
  id: number;
  params: {
    /** seed of the data, the initial weights and the minibatches, an integer in [0, 2^32) */
    seed: number;
  };
}

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

/** The trained weights and biases of both networks of the pair, copied (the worker trained them, see sampler-handlers.ts). */
export interface FeatureMapNetworkResult {
  kind: 'feature-map-network';
  id: number;
  /** trained with the setup's dropout */
  withDropout: NetworkParameters;
  /** trained from the same weights on the same minibatches, without dropout */
  withoutDropout: NetworkParameters;
  /** each network scored whole and with each hidden unit removed alone at test time */
  removals: PairRemovals;
}

/** Everything the main thread may ask of the sampling worker. */
export type SamplerRequest = UnitDrawsRequest | DropCountsRequest | LayerSamplesRequest | FeatureMapNetworkRequest;

/** The result answering each request. */
export type SamplerResult = UnitDrawsResult | DropCountsResult | LayerSamplesResult | FeatureMapNetworkResult;

/** Everything the sampling worker may send back. */
export type SamplerEvent = SamplerResult | WorkerError;

/** Upper bound on draws in one request, so a bad parameter cannot exhaust memory. */
export const MAX_UNIT_DRAWS = 100_000;

/** Upper bound on masks in one drop-count or layer-samples request. */
export const MAX_SAMPLES = 200_000;
