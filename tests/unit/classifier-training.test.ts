import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateDigits } from '../../src/sim/classifier/evaluation.ts';
import { DigitsRun, epochOrder, pairedRuns, type DigitsRunOptions } from '../../src/sim/classifier/run.ts';
import { NO_DROPOUT, PAPER_DROPOUT } from '../../src/sim/classifier/shape.ts';
import { DIGIT_PIXELS, type Digits } from '../../src/sim/digits/digits.ts';
import { readMnistPackage } from '../../src/data/mnist-source.ts';

/** Every `step`-th digit from `offset` of the package (which lists all 0s, then all 1s, …): every class, in order. */
function every(all: Digits, step: number, offset: number): Digits {
  const count = Math.floor((all.count - offset) / step);
  const pixels = new Uint8Array(count * DIGIT_PIXELS);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const d = offset + i * step;
    pixels.set(all.pixels.subarray(d * DIGIT_PIXELS, (d + 1) * DIGIT_PIXELS), i * DIGIT_PIXELS);
    labels[i] = all.labels[d]!;
  }
  return { count, pixels, labels };
}

const OPTIONS: DigitsRunOptions = {
  sizes: [784, 64, 64, 10],
  dropout: PAPER_DROPOUT,
  batchSize: 50,
  learningRate: 0.05,
  momentum: 0.9,
  maxNorm: 3,
  seed: 7,
};

/** Every bit of a run's parameters. */
function parameters(run: DigitsRun): number[] {
  const { classifier } = run;
  const arrays = Array.from({ length: classifier.layers }, (_, l) => [
    classifier.weights(l),
    classifier.biases(l),
  ]).flat();
  return arrays.flatMap((a) => [...new Uint32Array(a.buffer, a.byteOffset, a.length)]);
}

let train: Digits;
let test: Digits;
beforeAll(async () => {
  const all = await readMnistPackage();
  train = every(all, 20, 0);
  test = every(all, 50, 7);
});

describe('a run on 500 handwritten digits', () => {
  it('lowers the training loss epoch by epoch and classifies held-out digits far better than chance', () => {
    const run = new DigitsRun(OPTIONS, train);
    expect(train.count).toBe(500);
    expect(run.batchesPerEpoch).toBe(10);
    const before = evaluateDigits(run.classifier, test);
    const losses = Array.from({ length: 8 }, () => run.trainEpoch());
    const after = evaluateDigits(run.classifier, test);
    expect(losses[7]).toBeLessThan(0.6 * losses[0]!);
    expect(after.loss).toBeLessThan(0.5 * before.loss);
    // 10 classes: chance is an error of 0.9.
    expect(after.error).toBeLessThan(0.3);
    expect(after.count).toBe(test.count);
  });

  it('is reproduced bit for bit by its seed, with either kernels; another seed gives another run', () => {
    const runs = [new DigitsRun(OPTIONS, train), new DigitsRun(OPTIONS, train, 'javascript')];
    for (const run of runs) run.trainBatches(15);
    expect(runs[1]!.classifier.kernels).toBe('javascript');
    expect(parameters(runs[1]!)).toEqual(parameters(runs[0]!));
    const other = new DigitsRun({ ...OPTIONS, seed: 8 }, train);
    other.trainBatches(15);
    expect(parameters(other)).not.toEqual(parameters(runs[0]!));
  });

  it('counts batches and epochs, the last batch of an epoch taking what is left', () => {
    const run = new DigitsRun({ ...OPTIONS, batchSize: 120 }, train);
    expect(run.batchesPerEpoch).toBe(5);
    expect(Number.isNaN(run.lastEpochLoss)).toBe(true);
    run.trainBatches(4);
    expect([run.epoch, run.batchInEpoch]).toEqual([0, 4]);
    run.trainBatches(3);
    expect([run.epoch, run.batchInEpoch]).toEqual([1, 2]);
    expect(run.lastEpochLoss).toBeGreaterThan(0);
    const loss = run.trainEpoch();
    expect([run.epoch, run.batchInEpoch]).toEqual([2, 0]);
    expect(loss).toBe(run.lastEpochLoss);
  });

  it('visits the digits of each epoch in that epoch’s own shuffle', () => {
    const orders = [0, 1].map((epoch) => epochOrder(OPTIONS.seed, epoch, train.count));
    for (const order of orders) expect([...order].sort((a, b) => a - b)).toEqual([...train.labels.keys()]);
    expect([...orders[1]!]).not.toEqual([...orders[0]!]);
    expect([...epochOrder(OPTIONS.seed, 1, train.count)]).toEqual([...orders[1]!]);
    // The first batch of epoch 1 of a run without dropout is exactly those digits' pixels.
    const run = new DigitsRun({ ...OPTIONS, dropout: NO_DROPOUT }, train);
    run.trainEpoch();
    run.trainBatches(1);
    const inputs = run.classifier.activations(0);
    orders[1]!.subarray(0, 50).forEach((digit, e) => {
      const pixels = train.pixels.subarray(digit * DIGIT_PIXELS, (digit + 1) * DIGIT_PIXELS);
      expect([...inputs.subarray(e * DIGIT_PIXELS, (e + 1) * DIGIT_PIXELS)]).toEqual(
        [...pixels].map((v) => Math.fround(v / 255)),
      );
    });
  });
});

describe('paired runs', () => {
  it('share their initial weights and their minibatches; only dropout differs', () => {
    const { dropout, ...shared } = OPTIONS;
    const pair = pairedRuns(shared, train);
    expect(pair.with.options.dropout).toEqual(PAPER_DROPOUT);
    expect(pair.without.options.dropout).toEqual(NO_DROPOUT);
    expect(parameters(pair.without)).toEqual(parameters(pair.with));
    for (const run of [pair.with, pair.without]) run.trainBatches(13);
    // Batch 13 is the same digits in both: where the with-run keeps an input, it sends that input's pixel × 1.25.
    const [kept, plain] = [pair.with.classifier, pair.without.classifier];
    const mask = kept.masks(0);
    let compared = 0;
    for (let k = 0; k < 50 * DIGIT_PIXELS; k++) {
      if (mask[k]) {
        expect(kept.activations(0)[k]).toBe(Math.fround(plain.activations(0)[k]! * 1.25));
        compared++;
      } else expect(kept.activations(0)[k]).toBe(0);
    }
    expect(compared).toBeGreaterThan(0.75 * 50 * DIGIT_PIXELS);
    expect(parameters(pair.without)).not.toEqual(parameters(pair.with));
    // The run without dropout is the plain run of the same options.
    const alone = new DigitsRun({ ...OPTIONS, dropout: NO_DROPOUT }, train);
    alone.trainBatches(13);
    expect(parameters(alone)).toEqual(parameters(pair.without));
  });
});
