import { describe, expect, it } from 'vitest';
import { LiveRuns, type RunPool } from '../../src/islands/digits/live-runs.svelte.ts';
import type { DigitsPoint, SizeResult } from '../../src/sim/digits/experiments/points.ts';
import type { DigitsRunHandle } from '../../src/worker/digits-client.ts';
import type { Cancelled, RunDone, RunStreamEvent } from '../../src/worker/digits-protocol.ts';

/** A run the fake pool holds: its point, what the test makes its worker send, and what the lab asked of it. */
interface FakeRun {
  point: DigitsPoint;
  send: (event: RunStreamEvent) => void;
  end: (event: RunDone | Cancelled) => void;
  fail: (error: Error) => void;
  asked: string[];
}

function fakePool(): { pool: RunPool; runs: FakeRun[]; disposed: () => boolean } {
  const runs: FakeRun[] = [];
  let disposed = false;
  const pool: RunPool = {
    run(point, onProgress): DigitsRunHandle {
      const asked: string[] = [];
      let end!: FakeRun['end'];
      let fail!: FakeRun['fail'];
      const done = new Promise<RunDone | Cancelled>((resolve, reject) => {
        end = resolve;
        fail = reject;
      });
      runs.push({ point, send: onProgress, end, fail, asked });
      return { done, cancel: () => asked.push('cancel'), control: (action) => asked.push(action) };
    },
    dispose: () => (disposed = true),
  };
  return { pool, runs, disposed: () => disposed };
}

const POINTS: DigitsPoint[] = (['dropout', 'plain'] as const).map((arm) => ({
  experiment: 'size',
  arm,
  hidden: 256,
  seed: 1,
  size: 100,
  updates: 2000,
}));
const result = (testError: number): SizeResult => ({ experiment: 'size', testError, trainError: 0 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a learner’s run in the digits lab', () => {
  it('makes its workers only when the first run starts, and reports download, progress and time left', () => {
    const fake = fakePool();
    let made = 0;
    let now = 0;
    const runs = new LiveRuns(
      () => {
        made += 1;
        return fake.pool;
      },
      () => now,
    );
    expect(made).toBe(0);
    runs.start(POINTS);
    expect([made, runs.status, runs.runs.length]).toEqual([1, 'running', 2]);
    fake.runs[0]!.send({ kind: 'data-progress', id: 1, received: 500, total: 1000 });
    expect(runs.download).toEqual({ received: 500, total: 1000 });
    fake.runs[0]!.send({ kind: 'run-progress', id: 1, done: 0, total: 100, result: result(Number.NaN) });
    now = 4000;
    fake.runs[0]!.send({ kind: 'run-progress', id: 1, done: 50, total: 100, result: result(Number.NaN) });
    expect(runs.download).toBeUndefined();
    // A quarter of the work (half of one of two networks) in 4 s: 12 s to go.
    expect(runs.remaining).toBeCloseTo(12, 9);
  });

  it('leaves paused time out of the estimate, and passes pause and resume to every network', () => {
    const fake = fakePool();
    let now = 0;
    const runs = new LiveRuns(
      () => fake.pool,
      () => now,
    );
    runs.start(POINTS);
    fake.runs[0]!.send({ kind: 'run-progress', id: 1, done: 0, total: 100, result: result(Number.NaN) });
    now = 2000;
    runs.pause();
    now = 60_000;
    runs.resume();
    now = 62_000;
    fake.runs[0]!.send({ kind: 'run-progress', id: 1, done: 100, total: 100, result: result(0.2) });
    fake.runs[1]!.send({ kind: 'run-progress', id: 2, done: 0, total: 100, result: result(Number.NaN) });
    expect(runs.remaining).toBeCloseTo(4, 9);
    expect(fake.runs.map((run) => run.asked)).toEqual([
      ['pause', 'resume'],
      ['pause', 'resume'],
    ]);
  });

  it('ends when every network is done, with their results', async () => {
    const fake = fakePool();
    const runs = new LiveRuns(() => fake.pool);
    runs.start(POINTS);
    fake.runs[0]!.end({ kind: 'run-done', id: 1, result: result(0.25) });
    await settle();
    expect(runs.status).toBe('running');
    fake.runs[1]!.end({ kind: 'run-done', id: 2, result: result(0.27) });
    await settle();
    expect(runs.status).toBe('done');
    expect(runs.runs.map((run) => [run.finished, run.result])).toEqual([
      [true, result(0.25)],
      [true, result(0.27)],
    ]);
  });

  it('on an error stops the other networks and says why', async () => {
    const fake = fakePool();
    const runs = new LiveRuns(() => fake.pool);
    runs.start(POINTS);
    fake.runs[0]!.fail(new Error('The digit data is corrupted (checksum mismatch).'));
    await settle();
    expect([runs.status, runs.error]).toEqual(['failed', 'The digit data is corrupted (checksum mismatch).']);
    expect(fake.runs[1]!.asked).toContain('cancel');
  });

  it('when cancelled drops what its workers still send, and a new run starts clean', async () => {
    const fake = fakePool();
    const runs = new LiveRuns(() => fake.pool);
    runs.start(POINTS);
    runs.cancel();
    expect([runs.status, runs.runs]).toEqual(['cancelled', []]);
    fake.runs[0]!.send({ kind: 'run-progress', id: 1, done: 5, total: 100, result: result(Number.NaN) });
    fake.runs[0]!.fail(new Error('late'));
    await settle();
    expect([runs.status, runs.error, runs.runs]).toEqual(['cancelled', '', []]);
    runs.start(POINTS.slice(0, 1));
    expect([runs.status, runs.runs.length]).toEqual(['running', 1]);
    runs.dispose();
    expect(fake.disposed()).toBe(true);
  });

  it('when cleared forgets a finished run and its workers still sending, and is idle again', async () => {
    const fake = fakePool();
    const runs = new LiveRuns(() => fake.pool);
    runs.start(POINTS.slice(0, 1));
    fake.runs[0]!.end({ kind: 'run-done', id: 1, result: result(0.25) });
    await settle();
    expect(runs.status).toBe('done');
    runs.start(POINTS);
    runs.clear();
    expect([runs.status, runs.runs, runs.error]).toEqual(['idle', [], '']);
    fake.runs[1]!.send({ kind: 'run-progress', id: 2, done: 5, total: 100, result: result(0.3) });
    await settle();
    expect([runs.status, runs.runs]).toEqual(['idle', []]);
  });
});
