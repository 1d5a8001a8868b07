import { sampleDropCounts } from '../sim/drop-counts.ts';
import { messageOf } from '../sim/message-of.ts';
import { dispatch, type Handlers } from './dispatch.ts';
import type { RequestBody } from './protocol.ts';
import { DROPOUT_MODES } from '../sim/dropout.ts';
import { parametersOf } from '../sim/feature-maps/parameters.ts';
import { removalsOfPair } from '../sim/feature-maps/removals.ts';
import { trainFeatureMapPair } from '../sim/feature-maps/setup.ts';
import { layerFor, samplePreActivations } from '../sim/layer-samples.ts';
import { MAX_SEED, streamRng, Stream } from '../sim/random.ts';
import { sampleUnitDraws, UNIT_SCALINGS } from '../sim/unit-draws.ts';
import {
  MAX_SAMPLES,
  MAX_UNIT_DRAWS,
  type DropCountsRequest,
  type FeatureMapNetworkRequest,
  type LayerSamplesRequest,
  type SamplerEvent,
  type SamplerRequest,
  type SamplerResult,
  type UnitDrawsRequest,
} from './sampler-protocol.ts';

/** An event to post back, with the buffers to transfer rather than copy. */
export interface Reply {
  event: SamplerEvent;
  transfer: Transferable[];
}

/** What answers each kind of request the sampling worker receives. */
const HANDLERS: Handlers<SamplerRequest, Reply> = {
  'unit-draws': unitDraws,
  'drop-counts': dropCounts,
  'layer-samples': layerSamples,
  'feature-map-network': featureMapNetwork,
};

/**
 * Answers one request of the sampling worker by calling `src/sim`. Never throws: a failure
 * becomes an error event carrying the request's id and a plain message.
 */
export function handleRequest(request: SamplerRequest): Reply {
  try {
    return dispatch('sampling', HANDLERS, request, (error) => ({ event: error, transfer: [] }));
  } catch (error) {
    return { event: { kind: 'error', id: request.id, message: messageOf(error) }, transfer: [] };
  }
}

/**
 * The result of a request answered here and now, for a page built ahead of time (a printed
 * picture): what the worker would send, or its error thrown.
 */
export function sampled<B extends RequestBody<SamplerRequest>>(body: B): Extract<SamplerResult, { kind: B['kind'] }> {
  const { event } = handleRequest({ ...body, id: 0 } as SamplerRequest);
  if (event.kind === 'error') throw new Error(`sampling ${body.kind}: ${event.message}`);
  return event as Extract<SamplerResult, { kind: B['kind'] }>;
}

function unitDraws({ id, params }: UnitDrawsRequest): Reply {
  const { seed, count, ...unit } = params;
  if (!UNIT_SCALINGS.includes(unit.scaling)) {
    throw new RangeError(`scaling must be one of ${UNIT_SCALINGS.join(', ')}, got ${String(unit.scaling)}`);
  }
  if (!Number.isInteger(count) || count < 1 || count > MAX_UNIT_DRAWS) {
    throw new RangeError(`count must be an integer from 1 to ${MAX_UNIT_DRAWS}, got ${count}`);
  }
  const mask = new Uint8Array(count);
  const outputs = new Float64Array(count);
  const means = new Float64Array(count);
  sampleUnitDraws(unit, streamRng(seed, Stream.mask), mask, outputs, means);
  // A one-off sample: transferred, not copied. This is the sampling worker; training runs in a
  // worker of its own, because detaching a buffer slows every typed-array loop of an isolate.
  return {
    event: { kind: 'unit-draws', id, mask, outputs, means },
    transfer: [mask.buffer, outputs.buffer, means.buffer],
  };
}

function dropCounts({ id, params }: DropCountsRequest): Reply {
  const { n, p, masks, seed } = params;
  assertWhole('n', n, 1, 1_000_000);
  assertWhole('masks', masks, 1, MAX_SAMPLES);
  assertProbability(p);
  const counts = new Int32Array(masks);
  sampleDropCounts({ n, p }, streamRng(seed, Stream.mask), counts);
  return { event: { kind: 'drop-counts', id, counts }, transfer: [counts.buffer] };
}

function layerSamples({ id, params }: LayerSamplesRequest): Reply {
  const { mode, p, samples, seed } = params;
  if (!DROPOUT_MODES.includes(mode)) throw new RangeError(`mode must be one of ${DROPOUT_MODES.join(', ')}`);
  assertWhole('samples', samples, 1, MAX_SAMPLES);
  assertProbability(p);
  const values = new Float64Array(samples);
  const layer = layerFor(seed);
  samplePreActivations(layer, mode, p, streamRng(seed, Stream.mask), values);
  return { event: { kind: 'layer-samples', id, values }, transfer: [values.buffer] };
}

function featureMapNetwork({ id, params }: FeatureMapNetworkRequest): Reply {
  assertWhole('seed', params.seed, 0, MAX_SEED);
  const pair = trainFeatureMapPair(params.seed);
  const { withDropout, withoutDropout } = pair;
  // A hundred-odd numbers per network: copied, not transferred, because this request trains, and a
  // detached buffer would slow every typed-array loop of the worker's next training.
  return {
    event: {
      kind: 'feature-map-network',
      id,
      withDropout: parametersOf(withDropout.network),
      withoutDropout: parametersOf(withoutDropout.network),
      removals: removalsOfPair(pair),
    },
    transfer: [],
  };
}

function assertWhole(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
}

function assertProbability(p: number): void {
  if (!(p >= 0 && p < 1)) throw new RangeError(`the drop probability p must be at least 0 and below 1, got ${p}`);
}
