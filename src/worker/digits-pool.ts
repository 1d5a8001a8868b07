import type { DigitsPoint } from '../sim/digits/experiments/points.ts';
import { DigitsClient, startDigitsWorker, type DigitsRunHandle } from './digits-client.ts';
import type { Cancelled, RunDone, RunStreamEvent } from './digits-protocol.ts';

/**
 * Workers for a machine with `cores` logical cores: one per core but one (the page keeps a core),
 * at least one and at most four (each holds the digits, about 8 MB, and a network).
 */
export function poolSize(cores: number | undefined): number {
  const usable = Number.isFinite(cores) && (cores ?? 0) >= 1 ? Math.floor(cores ?? 1) - 1 : 1;
  return Math.min(4, Math.max(1, usable));
}

/** A run waiting for a worker, or running on one. */
interface Queued {
  point: DigitsPoint;
  onProgress: (event: RunStreamEvent) => void;
  paused: boolean;
  cancelled: boolean;
  resolve: (event: RunDone | Cancelled) => void;
  reject: (error: Error) => void;
  handle: DigitsRunHandle | undefined;
}

/**
 * Several digits workers sharing a queue of points: a run starts on the first free worker, so the
 * two arms of a pair, or the points of a sweep, train at once where the machine has the cores.
 * Each worker fetches the digits once (the browser's cache and the service worker serve the rest).
 */
export class DigitsPool {
  readonly #clients: DigitsClient[];
  readonly #busy: boolean[];
  readonly #queue: Queued[] = [];

  constructor(size: number, start: () => Worker = startDigitsWorker) {
    this.#clients = Array.from({ length: size }, () => new DigitsClient(start));
    this.#busy = this.#clients.map(() => false);
  }

  /** Workers in the pool. */
  get size(): number {
    return this.#clients.length;
  }

  /** Queues a run of `point`; it starts as soon as a worker is free. */
  run(point: DigitsPoint, onProgress: (event: RunStreamEvent) => void): DigitsRunHandle {
    let queued!: Queued;
    const done = new Promise<RunDone | Cancelled>((resolve, reject) => {
      queued = { point, onProgress, paused: false, cancelled: false, resolve, reject, handle: undefined };
    });
    this.#queue.push(queued);
    this.#next();
    return {
      done,
      cancel: () => {
        queued.cancelled = true;
        if (queued.handle) queued.handle.cancel();
        else this.#drop(queued, { kind: 'cancelled', id: 0 });
      },
      control: (action) => {
        queued.paused = action === 'pause';
        queued.handle?.control(action);
      },
    };
  }

  /** Stops every worker; runs still pending reject. */
  dispose(): void {
    for (const queued of this.#queue.splice(0)) queued.reject(new Error('the simulation was closed'));
    for (const client of this.#clients) client.dispose();
  }

  #drop(queued: Queued, event: Cancelled): void {
    const at = this.#queue.indexOf(queued);
    if (at >= 0) this.#queue.splice(at, 1);
    queued.resolve(event);
  }

  #next(): void {
    for (const [w, client] of this.#clients.entries()) {
      if (this.#busy[w]) continue;
      const queued = this.#queue.shift();
      if (!queued) return;
      this.#busy[w] = true;
      queued.handle = client.run(queued.point, queued.onProgress, queued.paused);
      queued.handle.done.then(queued.resolve, queued.reject).finally(() => {
        this.#busy[w] = false;
        this.#next();
      });
    }
  }
}
