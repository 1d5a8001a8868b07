import { WORKER_SCHEDULER } from './scheduler.ts';
import { TrainingHost } from './trainer-host.ts';
import type { TrainerEvent, TrainerRequest } from './trainer-protocol.ts';

/** The slice of a dedicated worker's global scope this file uses (the DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<TrainerRequest>) => void) | null;
  postMessage(message: TrainerEvent): void;
}

const scope = self as unknown as WorkerScope;
const host = new TrainingHost((event) => scope.postMessage(event), WORKER_SCHEDULER);

/** The training worker: requests go to the host, which trains in slices and streams progress. */
scope.onmessage = (message) => host.receive(message.data);
