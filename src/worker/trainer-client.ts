import type { RequestBody } from './protocol.ts';
import type {
  Cancelled,
  MonteCarloRequest,
  MonteCarloResult,
  TrainDone,
  TrainerEvent,
  TrainRequest,
  TrainStreamEvent,
} from './trainer-protocol.ts';
import { WorkerClient } from './worker-client.ts';

/** Starts the training worker, which streams progress and copies results out. */
export function startTrainerWorker(): Worker {
  return new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'dropout-lab-trainer' });
}

/** A training run in progress: its end, and a way to stop it. */
export interface RunHandle {
  /** resolves with `train-done`, or `cancelled` once {@link cancel} has taken effect; rejects with the worker's error */
  done: Promise<TrainDone | Cancelled>;
  /** asks the worker to stop after its current slice */
  cancel(): void;
  /** pauses, resumes, or (while paused) trains one more epoch */
  control(action: 'pause' | 'resume' | 'step'): void;
}

/** Whether an event reports progress of a training run (anything else ends its request). */
function isStreamEvent(event: TrainerEvent): event is TrainStreamEvent {
  return event.kind === 'train-progress' || event.kind === 'train-grid' || event.kind === 'train-paused';
}

/** The client of the training worker: Monte Carlo pictures as one-off requests, and training runs. */
export class TrainerClient extends WorkerClient<MonteCarloRequest, MonteCarloResult, TrainerEvent> {
  constructor(start: () => Worker = startTrainerWorker) {
    super(start, isStreamEvent);
  }

  /**
   * Starts a training run; `onProgress` receives its losses in batches as they come, and its
   * decision grids and pauses.
   */
  train(body: RequestBody<TrainRequest>, onProgress: (event: TrainStreamEvent) => void): RunHandle {
    let id = 0;
    const done = new Promise<TrainDone | Cancelled>((resolve, reject) => {
      id = this.post(body, {
        resolve: (event) => resolve(event as TrainDone | Cancelled),
        reject,
        progress: (event) => onProgress(event as TrainStreamEvent),
      });
    });
    return {
      done,
      cancel: () => this.postAbout(id, { kind: 'cancel' }),
      control: (action) => this.postAbout(id, { kind: 'control', action }),
    };
  }
}
