import { DIGITS_ASSET } from 'virtual:mnist-digits';
import { spatialJob, type SpatialResult } from '../sim/conv/spatial-job.ts';
import type { SpatialPoint } from '../sim/conv/spatial-setup.ts';
import type { DigitsEvent, DigitsRequest } from './digits-protocol.ts';
import { DigitsHost } from './digits-host.ts';
import { loadDigits, webCryptoSha256 } from './digits-loader.ts';
import { WORKER_SCHEDULER } from './scheduler.ts';

/** What this file uses of the worker's global scope. */
interface WorkerScope {
  postMessage(message: DigitsEvent<SpatialResult>): void;
  onmessage: ((message: MessageEvent<DigitsRequest<SpatialPoint>>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const digest = webCryptoSha256();
const load = (onProgress: (received: number, total: number) => void) =>
  loadDigits(DIGITS_ASSET, { fetch: (url, init) => fetch(url, init), digest, onProgress });
const host = new DigitsHost<SpatialPoint, SpatialResult>(
  (event) => scope.postMessage(event),
  WORKER_SCHEDULER,
  load,
  spatialJob,
);

/** The spatial-dropout worker: fetches the digits once, then trains the three convolutional runs of a point in slices. */
scope.onmessage = (message) => host.receive(message.data);
