import { streamRng, Stream } from '../sim/random.ts';
import { sampleUnitDraws } from '../sim/unit-draws.ts';
import { MAX_UNIT_DRAWS, type UnitDrawsRequest, type WorkerEvent, type WorkerRequest } from './protocol.ts';

/** The slice of a dedicated worker's global scope this file uses (the DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerEvent, transfer: Transferable[]): void;
}

/** The simulation worker: a switch from requests to `src/sim`, results posted back. */
const scope = self as unknown as WorkerScope;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    switch (request.kind) {
      case 'unit-draws':
        unitDraws(request);
        break;
      default:
        throw new Error(`unknown request kind ${String((request as { kind: unknown }).kind)}`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({ kind: 'error', id: request.id, message });
  }
};

function unitDraws({ id, params }: UnitDrawsRequest): void {
  const { seed, count, ...unit } = params;
  if (!Number.isInteger(count) || count < 1 || count > MAX_UNIT_DRAWS) {
    throw new RangeError(`count must be an integer from 1 to ${MAX_UNIT_DRAWS}, got ${count}`);
  }
  const mask = new Uint8Array(count);
  const outputs = new Float64Array(count);
  const means = new Float64Array(count);
  sampleUnitDraws(unit, streamRng(seed, Stream.mask), mask, outputs, means);
  // A one-off result: transferring beats copying, and this worker runs no long typed-array loops.
  post({ kind: 'unit-draws', id, mask, outputs, means }, [mask.buffer, outputs.buffer, means.buffer]);
}

function post(message: WorkerEvent, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}
