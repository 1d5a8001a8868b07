import type { RequestBody, WorkerError } from './protocol.ts';

/** Raised for a request whose answer was overtaken by a newer request on the same channel. */
export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer request');
    this.name = 'SupersededError';
  }
}

/** A request in flight: what to do with the events that answer it. */
export interface Pending<Event> {
  resolve: (event: Event) => void;
  reject: (error: Error) => void;
  /** called with each event that reports progress rather than ending the request */
  progress?: (event: Event) => void;
}

/** What every message of a protocol carries. */
interface Message {
  kind: string;
  id: number;
}

/**
 * The main thread's side of one worker, typed by its protocol: `OneOff` are the requests that
 * one `Result` of the same kind answers, `Event` everything the worker sends. Requests return
 * promises; a worker that crashes rejects what was pending with its message and is started
 * again on the next request. `sampler-client.ts` and `trainer-client.ts` are the two clients.
 */
export class WorkerClient<OneOff extends Message, Result extends Message, Event extends Message> {
  readonly #start: () => Worker;
  readonly #isProgress: (event: Event) => boolean;
  #worker: Worker | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, Pending<Event>>();
  /** newest request id per channel, for newest-wins */
  readonly #latest = new Map<string, number>();

  /** `isProgress` tells an event that reports progress of its request from one that ends it. */
  constructor(start: () => Worker, isProgress: (event: Event) => boolean = () => false) {
    this.#start = start;
    this.#isProgress = isProgress;
  }

  /** Sends a one-off request and resolves with its result, or rejects with the worker's error message. */
  request<B extends RequestBody<OneOff>>(body: B): Promise<Extract<Result, { kind: B['kind'] }>> {
    return new Promise((resolve, reject) => {
      this.post(body, {
        resolve: (event) => resolve(event as unknown as Extract<Result, { kind: B['kind'] }>),
        reject,
      });
    });
  }

  /**
   * Like {@link request}, but only the newest request on `channel` resolves: when an
   * older request's answer arrives after a newer request was sent on the same channel,
   * the older one rejects with {@link SupersededError}, and so does its failure, so stale
   * results and errors never reach the page.
   */
  async latest<B extends RequestBody<OneOff>>(channel: string, body: B): Promise<Extract<Result, { kind: B['kind'] }>> {
    const id = this.#nextId;
    this.#latest.set(channel, id);
    const overtaken = () => this.#latest.get(channel) !== id;
    try {
      const result = await this.request(body);
      if (overtaken()) throw new SupersededError();
      return result;
    } catch (error) {
      // A failure of an overtaken request is as stale as its answer would have been.
      if (overtaken()) throw new SupersededError();
      throw error;
    }
  }

  /** Stops the worker and rejects everything pending. */
  dispose(): void {
    this.#fail(new Error('the simulation was closed'));
  }

  /** Posts `body` with a fresh id, which it returns; the events carrying that id go to `pending`. */
  protected post(body: object, pending: Pending<Event>): number {
    const id = this.#nextId++;
    const worker = this.#ensureWorker();
    this.#pending.set(id, pending);
    worker.postMessage({ ...body, id });
    return id;
  }

  /** Posts `body` with a fresh id and expects no answer (a control of a running request), if `target` still runs. */
  protected postAbout(target: number, body: object): void {
    if (this.#pending.has(target)) this.#worker?.postMessage({ ...body, id: this.#nextId++, target });
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.#start();
    worker.onmessage = (event: MessageEvent<Event>) => this.#settle(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.#fail(new Error(`the simulation stopped: ${event.message || 'the worker failed to run'}`));
    };
    worker.onmessageerror = () => this.#fail(new Error('the simulation sent a message that could not be read'));
    this.#worker = worker;
    return worker;
  }

  #settle(event: Event): void {
    const pending = this.#pending.get(event.id);
    if (!pending) return;
    if (this.#isProgress(event)) {
      pending.progress?.(event);
      return;
    }
    this.#pending.delete(event.id);
    if (event.kind === 'error') pending.reject(new Error((event as unknown as WorkerError).message));
    else pending.resolve(event);
  }

  #fail(error: Error): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
