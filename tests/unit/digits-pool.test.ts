import { describe, expect, it } from 'vitest';
import type { DigitsPoint, SizeResult } from '../../src/sim/digits/experiments/points.ts';
import type { DigitSplit } from '../../src/sim/digits/split.ts';
import { DigitsHost } from '../../src/worker/digits-host.ts';
import { DigitsPool, poolSize } from '../../src/worker/digits-pool.ts';
import type { DigitsEvent, DigitsRequest } from '../../src/worker/digits-protocol.ts';
import { WORKER_SCHEDULER } from '../../src/worker/scheduler.ts';

const EMPTY = { count: 0, pixels: new Uint8Array(0), labels: new Uint8Array(0) };
const SPLIT: DigitSplit = { train: EMPTY, validation: EMPTY, test: EMPTY };
const point = (seed: number): DigitsPoint => ({
  experiment: 'size',
  arm: 'plain',
  hidden: 128,
  seed,
  size: 100,
  updates: 1,
});

/**
 * A stand-in for `Worker` that runs the real digits host in this thread on the real scheduler,
 * with jobs of `steps` steps whose result is their point's seed; it records how many runs were
 * under way in all workers at once.
 */
class InProcessWorker {
  static running = 0;
  static mostAtOnce = 0;
  static started: number[] = [];
  onmessage: ((event: MessageEvent<DigitsEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  readonly #host: DigitsHost;

  constructor(steps: number) {
    const post = (event: DigitsEvent) => {
      if (event.kind === 'run-done' || event.kind === 'cancelled' || event.kind === 'error')
        InProcessWorker.running -= 1;
      this.onmessage?.({ data: event } as MessageEvent<DigitsEvent>);
    };
    this.#host = new DigitsHost(
      post,
      WORKER_SCHEDULER,
      () => Promise.resolve(SPLIT),
      (p) => {
        let done = 0;
        return {
          total: steps,
          get done() {
            return done;
          },
          step: () => void (done += 1),
          result: (): SizeResult => ({ experiment: 'size', testError: p.seed, trainError: done }),
        };
      },
    );
  }

  postMessage(request: DigitsRequest): void {
    if (request.kind === 'run') {
      InProcessWorker.started.push(request.point.seed);
      InProcessWorker.running += 1;
      InProcessWorker.mostAtOnce = Math.max(InProcessWorker.mostAtOnce, InProcessWorker.running);
    }
    setTimeout(() => this.#host.receive(request), 0);
  }

  terminate(): void {}
}

function reset(): void {
  InProcessWorker.running = 0;
  InProcessWorker.mostAtOnce = 0;
  InProcessWorker.started = [];
}

describe('poolSize', () => {
  it('leaves the page one core, keeps at least one worker and at most four', () => {
    expect([undefined, 0, 1, 2, 3, 4, 5, 8, 64].map((cores) => poolSize(cores))).toEqual([1, 1, 1, 1, 2, 3, 4, 4, 4]);
  });
});

describe('DigitsPool', () => {
  it('runs as many points at once as it has workers, and every point to its end', async () => {
    reset();
    const pool = new DigitsPool(2, () => new InProcessWorker(2000) as unknown as Worker);
    const handles = [1, 2, 3, 4, 5].map((seed) => pool.run(point(seed), () => {}));
    const ends = await Promise.all(handles.map((handle) => handle.done));
    expect(ends.map((end) => (end.kind === 'run-done' ? (end.result as SizeResult).testError : -1))).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(InProcessWorker.mostAtOnce).toBe(2);
    pool.dispose();
  });

  it('cancels a queued point without starting it, and a running one in its worker', async () => {
    reset();
    const pool = new DigitsPool(1, () => new InProcessWorker(5_000_000) as unknown as Worker);
    const first = pool.run(point(1), () => {});
    const second = pool.run(point(2), () => {});
    second.cancel();
    expect(await second.done).toMatchObject({ kind: 'cancelled' });
    first.cancel();
    expect(await first.done).toMatchObject({ kind: 'cancelled' });
    expect(InProcessWorker.started).toEqual([1]);
    pool.dispose();
  });

  it('rejects the points still waiting when it is disposed', async () => {
    reset();
    const pool = new DigitsPool(1, () => new InProcessWorker(5_000_000) as unknown as Worker);
    const first = pool.run(point(1), () => {});
    const waiting = pool.run(point(2), () => {});
    pool.dispose();
    await expect(waiting.done).rejects.toThrow('the simulation was closed');
    await expect(first.done).rejects.toThrow('the simulation was closed');
  });
});
