import { streamRng, Stream } from '../sim/random.ts';
import { sampleUnitDraws, UNIT_SCALINGS } from '../sim/unit-draws.ts';
import { MAX_UNIT_DRAWS, type UnitDrawsRequest, type WorkerEvent, type WorkerRequest } from './protocol.ts';

/** An event to post back, with the buffers to transfer rather than copy. */
export interface Reply {
  event: WorkerEvent;
  transfer: Transferable[];
}

/**
 * Answers one request by calling `src/sim`. Never throws: a failure becomes an
 * error event carrying the request's id and a plain message.
 */
export function handleRequest(request: WorkerRequest): Reply {
  try {
    switch (request.kind) {
      case 'unit-draws':
        return unitDraws(request);
      default:
        throw new Error(`the sampling worker does not handle ${String((request as { kind: unknown }).kind)}`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { event: { kind: 'error', id: request.id, message }, transfer: [] };
  }
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
