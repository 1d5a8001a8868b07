import { describe, expect, it } from 'vitest';
import { Classifier } from '../../src/sim/classifier/classifier.ts';
import { DigitsEvaluation, evaluateDigits } from '../../src/sim/classifier/evaluation.ts';
import { MonteCarloAveraging } from '../../src/sim/classifier/monte-carlo.ts';
import { DigitsRun } from '../../src/sim/classifier/run.ts';
import { NO_DROPOUT, PAPER_DROPOUT } from '../../src/sim/classifier/shape.ts';
import { DIGIT_PIXELS, type Digits } from '../../src/sim/digits/digits.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';

/**
 * Synthetic digits: class c lights the pixels of its own stripe of rows brightly and a few others
 * at random, so that a small network learns them in a few epochs.
 */
function stripes(count: number, seed: number): Digits {
  const rng = new Pcg32(seed, Stream.data);
  const pixels = new Uint8Array(count * DIGIT_PIXELS);
  const labels = Uint8Array.from({ length: count }, () => Math.floor(rng.uniform() * 10));
  labels.forEach((c, i) => {
    for (let k = 0; k < DIGIT_PIXELS; k++) {
      const row = Math.floor(k / 28);
      const own = row >= 2 * c + 4 && row < 2 * c + 6;
      pixels[i * DIGIT_PIXELS + k] = own && rng.uniform() < 0.7 ? 200 : rng.uniform() < 0.1 ? 120 : 0;
    }
  });
  return { count, pixels, labels };
}

const TRAIN = stripes(300, 1);
const TEST = stripes(230, 2);

/** A run of 784 → 32 → 32 → 10 trained for `epochs` on TRAIN with the paper's dropout. */
function trained(epochs: number): DigitsRun {
  const run = new DigitsRun(
    {
      sizes: [784, 32, 32, 10],
      dropout: PAPER_DROPOUT,
      batchSize: 50,
      learningRate: 0.05,
      momentum: 0.9,
      maxNorm: 3,
      seed: 3,
    },
    TRAIN,
  );
  for (let e = 0; e < epochs; e++) run.trainEpoch();
  return run;
}

describe('scoring a classifier on digits', () => {
  it('gives the mean loss and the fraction misclassified, the same in one go or a batch at a time', () => {
    const run = trained(3);
    const whole = evaluateDigits(run.classifier, TEST);
    const sliced = new DigitsEvaluation(run.classifier, TEST);
    let calls = 0;
    while (!sliced.advance(1)) calls++;
    // 230 digits in batches of 50: five batches, the last of 30.
    expect(calls).toBe(4);
    expect(sliced.score).toEqual(whole);
    expect(whole.count).toBe(230);
    expect(whole.error).toBeLessThan(0.2);
    // By hand, batch by batch.
    let wrong = 0;
    let loss = 0;
    for (let start = 0; start < 230; start += 50) {
      const count = Math.min(50, 230 - start);
      run.classifier.loadDigits(TEST, null, start, count);
      run.classifier.forward();
      wrong += run.classifier.errors();
      loss += run.classifier.loss() * count;
    }
    expect(whole.error).toBe(wrong / 230);
    expect(whole.loss).toBeCloseTo(loss / 230, 12);
  });
});

describe('Monte Carlo model averaging', () => {
  it('without dropout, every thinned network is the test network: every error rate is the scaled error', () => {
    const run = trained(2);
    const averaging = new MonteCarloAveraging(run.classifier, TEST, NO_DROPOUT, 4, new Pcg32(1, Stream.mask));
    expect(averaging.advance(Infinity)).toBe(true);
    const rates = averaging.errorRates();
    expect(rates.length).toBe(4);
    expect(averaging.scaledError).toBe(evaluateDigits(run.classifier, TEST).error);
    for (const rate of rates) expect(rate).toBe(averaging.scaledError);
  });

  it('with dropout, averages thinned networks towards the scaled network, and slices to the same numbers', () => {
    const run = trained(6);
    const samples = 30;
    const whole = new MonteCarloAveraging(run.classifier, TEST, PAPER_DROPOUT, samples, new Pcg32(2, Stream.mask));
    whole.advance(Infinity);
    const rates = whole.errorRates();
    // One thinned network errs more than the average of thirty, which comes within a few digits of the test network.
    expect(rates[0]).toBeGreaterThan(rates[samples - 1]!);
    expect(Math.abs(rates[samples - 1]! - whole.scaledError)).toBeLessThan(0.05);
    const copy = new Classifier(run.classifier.shape);
    copy.copyParameters(run.classifier);
    const sliced = new MonteCarloAveraging(copy, TEST, PAPER_DROPOUT, samples, new Pcg32(2, Stream.mask));
    let calls = 0;
    while (!sliced.advance(7)) calls++;
    // (1 + 30) passes for each of 5 batches, 7 at a time.
    expect(calls).toBe(Math.ceil((5 * 31) / 7) - 1);
    expect([...sliced.errorRates()]).toEqual([...rates]);
    expect(sliced.scaledError).toBe(whole.scaledError);
  });

  it('reports partial results while it runs, over the digits scored so far', () => {
    const run = trained(1);
    const averaging = new MonteCarloAveraging(run.classifier, TEST, PAPER_DROPOUT, 5, new Pcg32(3, Stream.mask));
    averaging.advance(3);
    const rates = averaging.errorRates();
    expect(Number.isFinite(rates[1])).toBe(true);
    expect(Number.isNaN(rates[2])).toBe(true);
    expect(() => new MonteCarloAveraging(run.classifier, TEST, PAPER_DROPOUT, 0, new Pcg32(3, Stream.mask))).toThrow(
      /samples must be a whole number ≥ 1/,
    );
  });
});
