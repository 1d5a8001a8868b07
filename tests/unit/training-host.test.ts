import { describe, expect, it } from 'vitest';
import { OVERFITTING_PRESET } from '../../src/sim/presets.ts';
import { TrainerClient } from '../../src/worker/trainer-client.ts';
import { TrainingHost } from '../../src/worker/trainer-host.ts';
import { FakeScheduler } from './fake-scheduler.ts';
import {
  RECORD_FIELDS,
  type TrainerEvent as WorkerEvent,
  type TrainerRequest as WorkerRequest,
  type TrainRequest,
} from '../../src/worker/trainer-protocol.ts';

const request = (epochs: number, paired = true): TrainRequest => ({
  kind: 'train',
  id: 1,
  dataset: { ...OVERFITTING_PRESET.dataset, trainSize: 20, validationSize: 20, seed: 3 },
  training: {
    ...OVERFITTING_PRESET.training,
    shape: { ...OVERFITTING_PRESET.training.shape, sizes: [2, 8, 8, 1] },
    seed: 3,
  },
  epochs,
  paired,
});

function host(tick = 1) {
  const events: (WorkerEvent & { at: number })[] = [];
  const scheduler = new FakeScheduler(tick);
  const training = new TrainingHost((event) => events.push({ ...event, at: scheduler.time }), scheduler);
  return { events, scheduler, training };
}

describe('TrainingHost', () => {
  it('streams every epoch of both paired runs, then says it is done', () => {
    const { events, scheduler, training } = host();
    training.receive(request(50));
    scheduler.drain();
    const progress = events.filter((e) => e.kind === 'train-progress');
    const records = progress.flatMap((e) => (e.kind === 'train-progress' ? [...e.records] : []));
    const width = RECORD_FIELDS.length;
    expect(records).toHaveLength(50 * 2 * width);
    for (let epoch = 1; epoch <= 50; epoch++) {
      expect(records[(epoch - 1) * 2 * width]).toBe(epoch);
      expect(records[(epoch - 1) * 2 * width + width]).toBe(epoch);
    }
    expect(records.every(Number.isFinite)).toBe(true);
    expect(events.at(-1)).toMatchObject({ kind: 'train-done', id: 1, epochs: 50 });
  });

  it('sends progress at most about 30 times a second', () => {
    const { events, scheduler, training } = host(0.25);
    training.receive(request(400));
    scheduler.drain();
    const times = events.filter((e) => e.kind === 'train-progress').map((e) => e.at);
    expect(times.length).toBeGreaterThan(2);
    // every gap but the last (the final flush) is at least the 33 ms interval
    for (let i = 1; i < times.length - 1; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(33);
  });

  it('stops a run when cancelled, without finishing it', () => {
    const { events, scheduler, training } = host(1);
    training.receive(request(100_000));
    scheduler.drain(3);
    training.receive({ kind: 'cancel', id: 2, target: 1 });
    scheduler.drain();
    expect(events.at(-1)).toEqual(expect.objectContaining({ kind: 'cancelled', id: 1 }));
    expect(events.some((e) => e.kind === 'train-done')).toBe(false);
  });

  it('starts paused when asked, trains exactly one epoch per step, and resumes', () => {
    const { events, scheduler, training } = host();
    training.receive({ ...request(100), paused: true });
    scheduler.drain();
    expect(events.at(-1)).toMatchObject({ kind: 'train-paused', id: 1, epoch: 0 });
    const epochsSeen = () =>
      events
        .flatMap((e) => (e.kind === 'train-progress' ? [e.records.length / (2 * RECORD_FIELDS.length)] : []))
        .reduce((a, b) => a + b, 0);
    expect(epochsSeen()).toBe(0);
    training.receive({ kind: 'control', id: 2, target: 1, action: 'step' });
    scheduler.drain();
    expect(epochsSeen()).toBe(1);
    expect(events.at(-1)).toMatchObject({ kind: 'train-paused', epoch: 1 });
    training.receive({ kind: 'control', id: 3, target: 1, action: 'resume' });
    scheduler.drain();
    expect(epochsSeen()).toBe(100);
    expect(events.at(-1)).toMatchObject({ kind: 'train-done', epochs: 100 });
  });

  it('pauses a running run, and a cancel ends a paused one at once', () => {
    const { events, scheduler, training } = host();
    training.receive(request(100_000));
    scheduler.drain(2);
    training.receive({ kind: 'control', id: 2, target: 1, action: 'pause' });
    scheduler.drain();
    const paused = events.at(-1);
    expect(paused).toMatchObject({ kind: 'train-paused', id: 1 });
    expect(scheduler.tasks).toHaveLength(0);
    training.receive({ kind: 'cancel', id: 3, target: 1 });
    expect(events.at(-1)).toMatchObject({ kind: 'cancelled', id: 1 });
  });

  it('keeps to its pace: no more epochs than the elapsed time allows', () => {
    const { events, scheduler, training } = host(1);
    training.receive({ ...request(100_000, false), pace: 20 });
    scheduler.drain(2000);
    const records = events.flatMap((e) => (e.kind === 'train-progress' ? [...e.records] : []));
    const epochs = records.length / RECORD_FIELDS.length;
    const seconds = scheduler.time / 1000;
    expect(epochs).toBeGreaterThan(0);
    expect(epochs).toBeLessThanOrEqual(Math.ceil(seconds * 20) + 1);
  });

  it('sends decision grids of each run, the two runs different once dropout has acted', () => {
    const { events, scheduler, training } = host(5);
    training.receive({ ...request(60), grid: 12 });
    scheduler.drain();
    const grids = events.filter((e) => e.kind === 'train-grid');
    expect(grids.length).toBeGreaterThan(0);
    const last = grids.at(-1);
    if (last?.kind !== 'train-grid') throw new Error('no grid');
    expect(last).toMatchObject({ epoch: 60, resolution: 12 });
    expect(last.values).toHaveLength(2 * 144);
    expect([...last.values].every((v) => v >= 0 && v <= 1)).toBe(true);
    expect([...last.values.subarray(0, 144)]).not.toEqual([...last.values.subarray(144)]);
    expect(last.extent.xMin).toBeLessThan(last.extent.xMax);
  });

  it('counts a loss that grows a hundredfold as divergence, though it stays finite', () => {
    const { events, scheduler, training } = host();
    const base = request(400, false);
    training.receive({
      ...base,
      training: { ...base.training, update: { learningRate: 5, momentum: 0.99, maxNorm: 0 } },
    });
    scheduler.drain();
    expect(events.at(-1)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(
        /^training diverged at epoch \d+: the loss grew from \d+\.\d\d to \d+\.\d\d; lower the learning rate/,
      ),
    });
  });

  it('answers a Monte Carlo request with the curve, and a bad one with a plain error', () => {
    const { events, training } = host();
    const params = { p: 0.2, passes: 10, epochs: 20, trainSize: 20, seed: 1, points: 11 };
    training.receive({ kind: 'monte-carlo', id: 4, params });
    const answer = events.at(-1);
    if (answer?.kind !== 'monte-carlo') throw new Error(`expected a monte-carlo event, got ${answer?.kind}`);
    expect(answer.xs).toHaveLength(11);
    expect(answer.sd.every((s) => s >= 0)).toBe(true);
    expect(answer.trainX).toHaveLength(20);
    training.receive({ kind: 'monte-carlo', id: 5, params: { ...params, passes: 1 } });
    expect(events.at(-1)).toMatchObject({
      kind: 'error',
      id: 5,
      message: 'passes must be a whole number from 2 to 1000, got 1',
    });
  });

  it('reports a diverging run and invalid requests as error events with plain messages', () => {
    const { events, scheduler, training } = host();
    const base = request(200, false);
    training.receive({
      ...base,
      dataset: { kind: 'regression', trainSize: 20, validationSize: 20, noise: 0.1, seed: 1 },
      training: {
        ...base.training,
        shape: { sizes: [1, 8, 8, 1], activation: 'relu', output: 'linear-mse' },
        update: { learningRate: 10, momentum: 0.9, maxNorm: 0 },
      },
    });
    scheduler.drain();
    expect(events.at(-1)).toMatchObject({
      kind: 'error',
      id: 1,
      message: expect.stringMatching(/training diverged at epoch \d+/),
    });
    training.receive({ ...request(0), id: 7 });
    expect(events.at(-1)).toMatchObject({ kind: 'error', id: 7, message: expect.stringMatching(/epochs must be/) });
    // A sampling request reaches the trainer only from outside the types, and gets an error.
    training.receive({
      kind: 'unit-draws',
      id: 8,
      params: { h: 1, p: 0.5, scaling: 'none', seed: 1, count: 1 },
    } as unknown as WorkerRequest);
    expect(events.at(-1)).toMatchObject({ kind: 'error', id: 8 });
  });
});

/** A stand-in for the trainer worker: the real host behind a Worker-shaped object. */
class InProcessTrainer {
  onmessage: ((event: MessageEvent<WorkerEvent>) => void) | null = null;
  onerror = null;
  onmessageerror = null;
  readonly scheduler = new FakeScheduler(1);
  readonly #host = new TrainingHost(
    (event) => this.onmessage?.({ data: event } as MessageEvent<WorkerEvent>),
    this.scheduler,
  );
  postMessage(request: WorkerRequest): void {
    this.#host.receive(request);
  }
  terminate(): void {}
}

describe('TrainerClient.train', () => {
  it('delivers progress to the callback and resolves with train-done', async () => {
    const worker = new InProcessTrainer();
    const client = new TrainerClient(() => worker as unknown as Worker);
    let epochs = 0;
    const { id, ...body } = request(30);
    const run = client.train(body, (event) => {
      if (event.kind === 'train-progress') epochs += event.records.length / (2 * RECORD_FIELDS.length);
    });
    worker.scheduler.drain();
    await expect(run.done).resolves.toMatchObject({ kind: 'train-done', epochs: 30 });
    expect(epochs).toBe(30);
  });

  it('cancel ends the run with a cancelled event', async () => {
    const worker = new InProcessTrainer();
    const client = new TrainerClient(() => worker as unknown as Worker);
    const { id, ...body } = request(100_000);
    const run = client.train(body, () => {});
    worker.scheduler.drain(2);
    run.cancel();
    worker.scheduler.drain();
    await expect(run.done).resolves.toMatchObject({ kind: 'cancelled' });
  });
});
