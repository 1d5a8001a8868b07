import { describe, expect, it } from 'vitest';
import type { DigitsJob } from '../../src/sim/digits/job.ts';
import type { DigitsPoint, PointResult, SizeResult } from '../../src/sim/digits/experiments/points.ts';
import type { DigitSplit } from '../../src/sim/digits/split.ts';
import { DigitsHost, type LoadDigits } from '../../src/worker/digits-host.ts';
import type { DigitsEvent, DigitsRequest } from '../../src/worker/digits-protocol.ts';
import { FakeScheduler } from './fake-scheduler.ts';

const POINT: DigitsPoint = { experiment: 'size', arm: 'plain', hidden: 128, seed: 1, size: 100, updates: 50 };
const EMPTY = { count: 0, pixels: new Uint8Array(0), labels: new Uint8Array(0) };
const SPLIT: DigitSplit = { train: EMPTY, validation: EMPTY, test: EMPTY };

/** A job of `total` steps whose result says how many it took, and whose steps can be made to throw. */
class CountingJob implements DigitsJob<PointResult> {
  done = 0;
  constructor(
    readonly total: number,
    private readonly failAt = Number.POSITIVE_INFINITY,
  ) {}
  step(): void {
    if (this.done === this.failAt) throw new Error('the network diverged');
    if (this.done < this.total) this.done += 1;
  }
  result(): SizeResult {
    return { experiment: 'size', testError: this.done, trainError: this.total };
  }
}

/** A loader that waits to be settled by the test, counting its calls. */
function controlledLoad() {
  const calls: {
    resolve: (split: DigitSplit) => void;
    reject: (error: Error) => void;
    progress: (r: number, t: number) => void;
  }[] = [];
  const load: LoadDigits = (progress) =>
    new Promise<DigitSplit>((resolve, reject) => calls.push({ resolve, reject, progress }));
  return { calls, load };
}

function setup(total = 1000, options: { tick?: number; failAt?: number } = {}) {
  const events: (DigitsEvent & { at: number })[] = [];
  const scheduler = new FakeScheduler(options.tick ?? 1);
  const { calls, load } = controlledLoad();
  const jobs: CountingJob[] = [];
  const host = new DigitsHost(
    (event) => events.push({ ...event, at: scheduler.time }),
    scheduler,
    load,
    () => {
      const job = new CountingJob(total, options.failAt);
      jobs.push(job);
      return job;
    },
  );
  const send = (request: DigitsRequest) => host.receive(request);
  return { events, scheduler, calls, jobs, send };
}

/** Lets the host's awaits of the loader settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('DigitsHost', () => {
  it('loads the digits once, reports their progress, runs the job to the end and says so', async () => {
    const { events, scheduler, calls, jobs, send } = setup(1000);
    send({ kind: 'run', id: 1, point: POINT });
    calls[0]!.progress(10, 100);
    expect(events.at(-1)).toEqual(expect.objectContaining({ kind: 'data-progress', id: 1, received: 10, total: 100 }));
    calls[0]!.resolve(SPLIT);
    await settle();
    scheduler.drain();
    expect(jobs[0]!.done).toBe(1000);
    expect(events.at(-1)).toMatchObject({ kind: 'run-done', id: 1, result: { testError: 1000 } });
    const progress = events.filter((e) => e.kind === 'run-progress');
    expect(progress.length).toBeGreaterThan(0);
    // a second run uses the digits already loaded
    send({ kind: 'run', id: 2, point: POINT });
    await settle();
    scheduler.drain();
    expect(calls).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ kind: 'run-done', id: 2 });
  });

  it('yields to the message loop every slice and reports progress at most every 100 ms', async () => {
    const { events, scheduler, calls, send } = setup(100_000, { tick: 0.5 });
    send({ kind: 'run', id: 1, point: POINT });
    calls[0]!.resolve(SPLIT);
    await settle();
    scheduler.drain();
    const times = events.filter((e) => e.kind === 'run-progress').map((e) => e.at);
    expect(times.length).toBeGreaterThan(5);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(100);
  });

  it('pauses, resumes and cancels a run between slices', async () => {
    const { events, scheduler, calls, jobs, send } = setup(100_000);
    send({ kind: 'run', id: 1, point: POINT });
    calls[0]!.resolve(SPLIT);
    await settle();
    scheduler.drain(2);
    send({ kind: 'control', id: 2, target: 1, action: 'pause' });
    scheduler.drain();
    expect(events.at(-1)).toMatchObject({ kind: 'run-paused', id: 1 });
    const pausedAt = jobs[0]!.done;
    expect(scheduler.tasks).toHaveLength(0);
    send({ kind: 'control', id: 3, target: 1, action: 'resume' });
    scheduler.drain(3);
    expect(jobs[0]!.done).toBeGreaterThan(pausedAt);
    send({ kind: 'cancel', id: 4, target: 1 });
    scheduler.drain();
    expect(events.at(-1)).toMatchObject({ kind: 'cancelled', id: 1 });
    expect(jobs[0]!.done).toBeLessThan(100_000);
    expect(events.some((e) => e.kind === 'run-done')).toBe(false);
  });

  it('starts paused when asked, and cancels at once a run still waiting for its digits', async () => {
    const { events, scheduler, calls, jobs, send } = setup(10);
    send({ kind: 'run', id: 1, point: POINT, paused: true });
    send({ kind: 'run', id: 2, point: POINT });
    send({ kind: 'cancel', id: 3, target: 2 });
    expect(events.at(-1)).toMatchObject({ kind: 'cancelled', id: 2 });
    calls[0]!.resolve(SPLIT);
    await settle();
    scheduler.drain();
    expect(events.at(-1)).toMatchObject({ kind: 'run-paused', id: 1, done: 0 });
    expect(jobs).toHaveLength(1);
    send({ kind: 'control', id: 4, target: 1, action: 'resume' });
    scheduler.drain();
    expect(events.at(-1)).toMatchObject({ kind: 'run-done', id: 1 });
  });

  it('reports a failed download as the run’s error, and tries again on the next run', async () => {
    const { events, scheduler, calls, send } = setup(5);
    send({ kind: 'run', id: 1, point: POINT });
    calls[0]!.reject(new Error('The digit data could not be downloaded (HTTP 404).'));
    await settle();
    expect(events.at(-1)).toEqual(
      expect.objectContaining({ kind: 'error', id: 1, message: 'The digit data could not be downloaded (HTTP 404).' }),
    );
    send({ kind: 'run', id: 2, point: POINT });
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(SPLIT);
    await settle();
    scheduler.drain();
    expect(events.at(-1)).toMatchObject({ kind: 'run-done', id: 2 });
  });

  it('ends a run whose job throws with an error event, and answers an unknown request plainly', async () => {
    const { events, scheduler, calls, send } = setup(100, { failAt: 7 });
    send({ kind: 'run', id: 1, point: POINT });
    calls[0]!.resolve(SPLIT);
    await settle();
    scheduler.drain();
    expect(events.at(-1)).toEqual(expect.objectContaining({ kind: 'error', id: 1, message: 'the network diverged' }));
    send({ kind: 'sample', id: 9 } as unknown as DigitsRequest);
    expect(events.at(-1)).toEqual(
      expect.objectContaining({ kind: 'error', id: 9, message: 'the digits worker does not handle sample' }),
    );
  });
});
