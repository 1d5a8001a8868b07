import { describe, expect, it } from 'vitest';
import { Classifier } from '../../src/sim/classifier/classifier.ts';
import { PAPER_DROPOUT, type DropProbabilities } from '../../src/sim/classifier/shape.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';

/** A classifier of `sizes` with seeded weights, small positive biases and a batch of inputs in [0, 1). */
function setup(sizes: number[], batch: number, seed = 1) {
  const classifier = new Classifier({ sizes, maxBatch: batch });
  classifier.initialize(new Pcg32(seed, Stream.init));
  for (let l = 0; l < classifier.layers; l++) classifier.biases(l).fill(0.05);
  const data = new Pcg32(seed, Stream.data);
  const inputs = Float32Array.from({ length: batch * sizes[0]! }, () => data.uniform());
  const labels = Uint8Array.from({ length: batch }, (_, e) => e % sizes.at(-1)!);
  classifier.loadExamples(inputs, labels, batch);
  return { classifier, inputs };
}

/** Fraction of zeros in the first `count` entries of a mask. */
const dropFraction = (mask: Uint8Array, count: number) => mask.subarray(0, count).filter((m) => m === 0).length / count;

describe('dropout masks', () => {
  it('drop each input unit with p = 0.2 and each hidden unit with p = 0.5, within 5 standard errors', () => {
    // 100 examples: 78 400 input draws (standard error √(pq/n) = 0.0014) and 25 600 per hidden
    // layer (0.0031). Five standard errors is a false alarm about once in 1.7 million.
    const { classifier } = setup([784, 256, 256, 10], 100);
    classifier.forward(PAPER_DROPOUT, new Pcg32(2, Stream.mask));
    const bound = (p: number, n: number) => 5 * Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(dropFraction(classifier.masks(0), 78_400) - 0.2)).toBeLessThan(bound(0.2, 78_400));
    for (const l of [1, 2]) {
      expect(Math.abs(dropFraction(classifier.masks(l), 25_600) - 0.5)).toBeLessThan(bound(0.5, 25_600));
    }
  });

  it('are drawn afresh for every example and every pass, and not at all at evaluation', () => {
    const { classifier } = setup([20, 16, 4], 8);
    const rng = new Pcg32(3, Stream.mask);
    classifier.forward(PAPER_DROPOUT, rng);
    const first = classifier.masks(1).slice(0, 8 * 16);
    expect([...first.subarray(0, 16)]).not.toEqual([...first.subarray(16, 32)]);
    classifier.forward(PAPER_DROPOUT, rng);
    expect([...classifier.masks(1).subarray(0, 8 * 16)]).not.toEqual([...first]);
    classifier.forward();
    expect(
      classifier
        .masks(0)
        .subarray(0, 8 * 20)
        .every((m) => m === 1),
    ).toBe(true);
    expect(
      classifier
        .masks(1)
        .subarray(0, 8 * 16)
        .every((m) => m === 1),
    ).toBe(true);
  });
});

describe('inverted scaling', () => {
  const drop: DropProbabilities = { input: 0.2, hidden: 0.5 };

  it('sends a kept unit’s activation times 1/q and a dropped unit exactly 0', () => {
    const { classifier, inputs } = setup([20, 16, 4], 8);
    classifier.forward();
    const plain = classifier.activations(1).slice(0, 8 * 16);
    classifier.forward({ input: 0, hidden: 0.5 }, new Pcg32(4, Stream.mask));
    const sent = classifier.activations(1);
    const mask = classifier.masks(1);
    for (let k = 0; k < 8 * 16; k++) expect(sent[k]).toBe(mask[k] ? plain[k]! * 2 : 0);
    classifier.forward(drop, new Pcg32(4, Stream.mask));
    for (let k = 0; k < 8 * 20; k++) {
      expect(classifier.activations(0)[k]).toBe(classifier.masks(0)[k] ? Math.fround(inputs[k]! * 1.25) : 0);
    }
  });

  it('keeps the expected activation of every layer: the mean over 4 000 passes is within 5 standard errors', () => {
    // Inputs are not dropped here, so the first hidden layer's ReLU(z) is the same in every pass
    // and its mean sent value over N passes estimates ReLU(z) with standard error
    // ReLU(z)·√(p/q)/√N. Summed over the layer's units and examples, as z-scores.
    const passes = 4000;
    const { classifier, inputs } = setup([20, 16, 4], 8);
    classifier.forward();
    const plain = classifier.activations(1).slice(0, 8 * 16);
    const sums = new Float64Array(8 * 16);
    const inputSums = new Float64Array(8 * 20);
    const rng = new Pcg32(5, Stream.mask);
    for (let t = 0; t < passes; t++) {
      classifier.forward({ input: 0, hidden: 0.5 }, rng);
      for (let k = 0; k < sums.length; k++) sums[k]! += classifier.activations(1)[k]!;
      classifier.forward({ input: 0.2, hidden: 0 }, rng);
      for (let k = 0; k < inputSums.length; k++) inputSums[k]! += classifier.activations(0)[k]!;
    }
    const zScore = (sum: Float64Array, expected: ArrayLike<number>, p: number) => {
      let gap = 0;
      let variance = 0;
      sum.forEach((s, k) => {
        gap += s / passes - expected[k]!;
        variance += (expected[k]! ** 2 * (p / (1 - p))) / passes;
      });
      return gap / Math.sqrt(variance);
    };
    expect(plain.some((a) => a > 0)).toBe(true);
    expect(Math.abs(zScore(sums, plain, 0.5))).toBeLessThan(5);
    expect(Math.abs(zScore(inputSums, inputs, 0.2))).toBeLessThan(5);
  });

  it('is off at evaluation: the test network sends ReLU(z) unscaled', () => {
    const { classifier } = setup([20, 16, 4], 8);
    classifier.forward();
    const z = classifier.preActivations(1);
    classifier
      .activations(1)
      .subarray(0, 8 * 16)
      .forEach((a, k) => expect(a).toBe(Math.max(z[k]!, 0)));
  });
});

describe('dropped units', () => {
  it('cost nothing: with every dropped unit’s outgoing weights set to NaN, one example trains to finite numbers', () => {
    const { classifier } = setup([30, 24, 24, 5], 1, 6);
    const rng = new Pcg32(7, Stream.mask);
    classifier.forward(PAPER_DROPOUT, rng);
    // Poison the rows of the units this pass dropped, then replay the same masks.
    const masks = [0, 1, 2].map((l) => classifier.masks(l).slice());
    masks.forEach((mask, l) => {
      const n = classifier.shape.sizes[l + 1]!;
      mask.subarray(0, classifier.shape.sizes[l]!).forEach((m, j) => {
        if (m === 0) classifier.weights(l).fill(Number.NaN, j * n, (j + 1) * n);
      });
    });
    expect(masks.every((mask) => mask.includes(0))).toBe(true);
    classifier.forward(PAPER_DROPOUT, new Pcg32(7, Stream.mask));
    expect([0, 1, 2].every((l) => classifier.masks(l).every((m, k) => m === masks[l]![k]))).toBe(true);
    expect(Number.isFinite(classifier.loss())).toBe(true);
    classifier.backward();
    for (let l = 0; l < 3; l++) {
      const n = classifier.shape.sizes[l + 1]!;
      const gradients = classifier.weightGradients(l);
      expect(gradients.every(Number.isFinite)).toBe(true);
      // A dropped unit's row of gradients is exactly 0.
      masks[l]!.subarray(0, classifier.shape.sizes[l]!).forEach((m, j) => {
        if (m === 0) expect(gradients.subarray(j * n, (j + 1) * n).every((g) => g === 0)).toBe(true);
      });
    }
  });

  it('and units that send 0 are left out of the work: the live count is the count of values other than 0', () => {
    const { classifier } = setup([784, 128, 128, 10], 20);
    classifier.forward();
    const undropped = [0, 1, 2].map((l) => classifier.liveCount(l));
    classifier.forward(PAPER_DROPOUT, new Pcg32(8, Stream.mask));
    [0, 1, 2].forEach((l) => {
      const n = classifier.shape.sizes[l]!;
      const live = classifier.liveCount(l);
      expect(live).toBe(
        classifier
          .activations(l)
          .subarray(0, 20 * n)
          .filter((v) => v !== 0).length,
      );
      expect(live).toBeLessThan(undropped[l]!);
    });
    // Inputs in (0, 1) all send something without dropout; about 80 % of them with it.
    expect(undropped[0]).toBe(20 * 784);
    expect(classifier.liveCount(0) / (20 * 784)).toBeGreaterThan(0.78);
    expect(classifier.liveCount(0) / (20 * 784)).toBeLessThan(0.82);
  });
});
