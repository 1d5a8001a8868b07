import { handleRequest } from './sampler-handlers.ts';
import type { SamplerEvent, SamplerRequest } from './sampler-protocol.ts';

/** The slice of a dedicated worker's global scope this file uses (the DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<SamplerRequest>) => void) | null;
  postMessage(message: SamplerEvent, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

/** The sampling worker: each request is answered by `handleRequest` and posted back. */
scope.onmessage = (message) => {
  const { event, transfer } = handleRequest(message.data);
  scope.postMessage(event, transfer);
};
