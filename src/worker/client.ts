import type {
  Cancelled,
  ResultFor,
  SampleRequest,
  TrainDone,
  TrainRequest,
  TrainStreamEvent,
  WorkerEvent,
  WorkerRequest,
} from './protocol.ts';

/** A request as the caller writes it: the client assigns the id. */
export type RequestBody<R extends WorkerRequest> = R extends unknown ? Omit<R, 'id'> : never;

/** Raised for a request whose answer was overtaken by a newer request on the same channel. */
export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer request');
    this.name = 'SupersededError';
  }
}

interface Pending {
  resolve: (event: WorkerEvent) => void;
  reject: (error: Error) => void;
  /** called with each streamed event of a training run */
  progress?: (event: TrainStreamEvent) => void;
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

/**
 * Starts the sampling worker (one-off samples, returned by transfer) as a module worker;
 * Vite bundles it and resolves the base path.
 */
export function startSamplerWorker(): Worker {
  return new Worker(new URL('./sampler.worker.ts', import.meta.url), { type: 'module', name: 'dropout-lab-sampler' });
}

/** Starts the training worker, which streams progress and copies results out. */
export function startTrainerWorker(): Worker {
  return new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'dropout-lab-trainer' });
}

/**
 * The main thread's side of the worker protocol. Requests return promises; a worker
 * that crashes rejects what was pending with its message and is started again on the
 * next request.
 */
export class SimClient {
  readonly #start: () => Worker;
  #worker: Worker | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  /** newest request id per channel, for newest-wins */
  readonly #latest = new Map<string, number>();

  constructor(start: () => Worker = startSamplerWorker) {
    this.#start = start;
  }

  /** Sends a sampling request and resolves with its result, or rejects with the worker's error message. */
  request<B extends RequestBody<SampleRequest>>(body: B): Promise<ResultFor<B>> {
    const id = this.#nextId++;
    const worker = this.#ensureWorker();
    return new Promise<ResultFor<B>>((resolve, reject) => {
      this.#pending.set(id, { resolve: (event) => resolve(event as ResultFor<B>), reject });
      worker.postMessage({ ...body, id } satisfies WorkerRequest);
    });
  }

  /**
   * Starts a training run; `onProgress` receives its losses in batches as they come, and its
   * decision grids and pauses.
   */
  train(body: RequestBody<TrainRequest>, onProgress: (event: TrainStreamEvent) => void): RunHandle {
    const id = this.#nextId++;
    const worker = this.#ensureWorker();
    const done = new Promise<TrainDone | Cancelled>((resolve, reject) => {
      this.#pending.set(id, {
        resolve: (event) => resolve(event as TrainDone | Cancelled),
        reject,
        progress: onProgress,
      });
      worker.postMessage({ ...body, id } satisfies WorkerRequest);
    });
    return {
      done,
      cancel: () => {
        if (this.#pending.has(id))
          this.#worker?.postMessage({ kind: 'cancel', id: this.#nextId++, target: id } satisfies WorkerRequest);
      },
      control: (action) => {
        if (this.#pending.has(id))
          this.#worker?.postMessage({
            kind: 'control',
            id: this.#nextId++,
            target: id,
            action,
          } satisfies WorkerRequest);
      },
    };
  }

  /**
   * Like {@link request}, but only the newest request on `channel` resolves: when an
   * older request's answer arrives after a newer request was sent on the same channel,
   * the older one rejects with {@link SupersededError}, so stale results never reach
   * the page.
   */
  async latest<B extends RequestBody<SampleRequest>>(channel: string, body: B): Promise<ResultFor<B>> {
    const id = this.#nextId;
    this.#latest.set(channel, id);
    const result = await this.request(body);
    if (this.#latest.get(channel) !== id) throw new SupersededError();
    return result;
  }

  /** Stops the worker and rejects everything pending. */
  dispose(): void {
    this.#fail(new Error('the simulation was closed'));
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.#start();
    worker.onmessage = (event: MessageEvent<WorkerEvent>) => this.#settle(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.#fail(new Error(`the simulation stopped: ${event.message || 'the worker failed to run'}`));
    };
    worker.onmessageerror = () => this.#fail(new Error('the simulation sent a message that could not be read'));
    this.#worker = worker;
    return worker;
  }

  #settle(event: WorkerEvent): void {
    const pending = this.#pending.get(event.id);
    if (!pending) return;
    if (event.kind === 'train-progress' || event.kind === 'train-grid' || event.kind === 'train-paused') {
      pending.progress?.(event);
      return;
    }
    this.#pending.delete(event.id);
    if (event.kind === 'error') pending.reject(new Error(event.message));
    else pending.resolve(event);
  }

  #fail(error: Error): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
