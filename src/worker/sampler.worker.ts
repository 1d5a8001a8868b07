import { handleRequest } from './handle.ts';
import type { WorkerEvent, WorkerRequest } from './protocol.ts';

/** The slice of a dedicated worker's global scope this file uses (the DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerEvent, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

/** The sampling worker: each request is answered by `handleRequest` and posted back. */
scope.onmessage = (message) => {
  const { event, transfer } = handleRequest(message.data);
  scope.postMessage(event, transfer);
};
