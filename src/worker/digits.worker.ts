import { DIGITS_ASSET } from 'virtual:mnist-digits';
import { makeJob } from '../sim/digits/experiments/jobs.ts';
import type { DigitsEvent, DigitsRequest } from './digits-protocol.ts';
import { DigitsHost } from './digits-host.ts';
import { loadDigits, webCryptoSha256 } from './digits-loader.ts';
import { WORKER_SCHEDULER } from './scheduler.ts';

/** What this file uses of the worker's global scope. */
interface WorkerScope {
  postMessage(message: DigitsEvent): void;
  onmessage: ((message: MessageEvent<DigitsRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const digest = webCryptoSha256();
const load = (onProgress: (received: number, total: number) => void) =>
  loadDigits(DIGITS_ASSET, { fetch: (url, init) => fetch(url, init), digest, onProgress });
const host = new DigitsHost((event) => scope.postMessage(event), WORKER_SCHEDULER, load, makeJob);

/** The digits worker: fetches the digits once, then trains and measures points in slices. */
scope.onmessage = (message) => host.receive(message.data);
