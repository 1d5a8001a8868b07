import { describe, expect, it } from 'vitest';
import { SamplerClient } from '../../src/worker/sampler-client.ts';
import { handleRequest } from '../../src/worker/sampler-handlers.ts';
import type {
  SamplerEvent as WorkerEvent,
  SamplerRequest as WorkerRequest,
} from '../../src/worker/sampler-protocol.ts';
import { SupersededError } from '../../src/worker/worker-client.ts';

/**
 * A stand-in for `Worker` that runs the real request handler in this thread, answering
 * asynchronously in the order given by `delays` (ms per request), so the client's
 * protocol handling is exercised without a browser. `crash` makes it fail like a
 * worker whose script threw.
 */
class InProcessWorker {
  onmessage: ((event: MessageEvent<WorkerEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  constructor(
    private readonly delays: number[] = [],
    private readonly crash = false,
  ) {}
  postMessage(request: WorkerRequest): void {
    const delay = this.delays.shift() ?? 0;
    setTimeout(() => {
      if (this.terminated) return;
      if (this.crash) {
        this.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
        return;
      }
      this.onmessage?.({ data: handleRequest(request).event } as MessageEvent<WorkerEvent>);
    }, delay);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const draws = (seed: number, p = 0.5) =>
  ({ kind: 'unit-draws', params: { h: 1, p, scaling: 'none', seed, count: 16 } }) as const;

describe('handleRequest', () => {
  it('transfers the three result buffers instead of copying them', () => {
    const { event, transfer } = handleRequest({ id: 9, ...draws(3) });
    if (event.kind !== 'unit-draws') throw new Error(`expected draws, got ${event.kind}`);
    expect(event.id).toBe(9);
    expect(transfer).toEqual([event.mask.buffer, event.outputs.buffer, event.means.buffer]);
  });

  it('answers an unknown scaling with an error event naming the problem', () => {
    const request = { id: 4, kind: 'unit-draws', params: { ...draws(1).params, scaling: 'sideways' } };
    const { event, transfer } = handleRequest(request as unknown as WorkerRequest);
    expect(event).toEqual({ kind: 'error', id: 4, message: 'scaling must be one of none, inverted, got sideways' });
    expect(transfer).toEqual([]);
  });
});

describe('SamplerClient', () => {
  it('resolves a request with the result carrying the same id', async () => {
    const client = new SamplerClient(() => new InProcessWorker() as unknown as Worker);
    const result = await client.request(draws(3));
    expect(result.kind).toBe('unit-draws');
    expect(result.mask).toHaveLength(16);
    expect(result.means).toHaveLength(16);
  });

  it('rejects with the worker’s message when a request is invalid', async () => {
    const client = new SamplerClient(() => new InProcessWorker() as unknown as Worker);
    await expect(client.request(draws(3, 1.5))).rejects.toThrow(/drop probability p must be in/);
    await expect(
      client.request({ kind: 'unit-draws', params: { h: 1, p: 0.5, scaling: 'none', seed: 1, count: 0 } }),
    ).rejects.toThrow(/count must be an integer/);
  });

  it('newest wins for failures too: an older request failing later is superseded, not an error', async () => {
    const client = new SamplerClient(() => new InProcessWorker([30, 0]) as unknown as Worker);
    const older = client.latest('draws', draws(1, 1.5));
    const newer = client.latest('draws', draws(2));
    await expect(newer).resolves.toMatchObject({ kind: 'unit-draws' });
    await expect(older).rejects.toBeInstanceOf(SupersededError);
    // Alone on its channel, the same invalid request fails with the worker's message.
    await expect(client.latest('other', draws(1, 1.5))).rejects.toThrow(/drop probability p must be/);
  });

  it('newest wins: an older request answered later is superseded', async () => {
    const client = new SamplerClient(() => new InProcessWorker([30, 0]) as unknown as Worker);
    const older = client.latest('draws', draws(1));
    const newer = client.latest('draws', draws(2));
    await expect(newer).resolves.toMatchObject({ kind: 'unit-draws' });
    await expect(older).rejects.toBeInstanceOf(SupersededError);
  });

  it('newest wins per channel: requests on other channels are unaffected', async () => {
    const client = new SamplerClient(() => new InProcessWorker() as unknown as Worker);
    const a = client.latest('a', draws(1));
    const b = client.latest('b', draws(2));
    await expect(Promise.all([a, b])).resolves.toHaveLength(2);
  });

  it('rejects pending requests when the worker crashes, then starts a new worker', async () => {
    const started: InProcessWorker[] = [];
    const client = new SamplerClient(() => {
      const worker = new InProcessWorker([], started.length === 0);
      started.push(worker);
      return worker as unknown as Worker;
    });
    await expect(client.request(draws(1))).rejects.toThrow(/the simulation stopped: boom/);
    expect(started[0]?.terminated).toBe(true);
    await expect(client.request(draws(1))).resolves.toMatchObject({ kind: 'unit-draws' });
    expect(started).toHaveLength(2);
  });

  it('dispose rejects what is pending and terminates the worker', async () => {
    let worker: InProcessWorker | undefined;
    const client = new SamplerClient(() => {
      worker = new InProcessWorker([50]);
      return worker as unknown as Worker;
    });
    const pending = client.request(draws(1));
    client.dispose();
    await expect(pending).rejects.toThrow(/closed/);
    expect(worker?.terminated).toBe(true);
  });
});
