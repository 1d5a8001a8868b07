import { describe, expect, it } from 'vitest';
import { Classifier } from '../../src/sim/classifier/classifier.ts';
import {
  assertClassifierShape,
  assertDropProbabilities,
  keptScale,
  NO_DROPOUT,
  PAPER_DROPOUT,
} from '../../src/sim/classifier/shape.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';

describe('classifier shapes', () => {
  it('accept the paper’s networks', () => {
    for (const h of [256, 512, 1024])
      expect(() => assertClassifierShape({ sizes: [784, h, h, 10], maxBatch: 100 })).not.toThrow();
  });

  it.each([
    [[784], 100, /list at least the inputs and the classes/],
    [[784, 0, 10], 100, /layer 1 has 0 units; each layer needs a whole number of units from 1 to 4096/],
    [[784, 2.5, 10], 100, /layer 1 has 2.5 units/],
    [[784, 5000, 10], 100, /layer 1 has 5000 units/],
    [[784, 64, 1], 100, /a softmax needs at least 2 classes in the last layer, got 1/],
    [[784, 64, 10], 0, /maxBatch: use a whole number of examples ≥ 1, got 0/],
  ])('reject sizes %j with maxBatch %d, saying why', (sizes, maxBatch, message) => {
    expect(() => assertClassifierShape({ sizes, maxBatch })).toThrow(RangeError);
    expect(() => new Classifier({ sizes, maxBatch })).toThrow(message);
  });
});

describe('drop probabilities', () => {
  it('are the paper’s 0.2 on inputs and 0.5 on hidden units, or none', () => {
    expect(PAPER_DROPOUT).toEqual({ input: 0.2, hidden: 0.5 });
    expect(NO_DROPOUT).toEqual({ input: 0, hidden: 0 });
    expect([keptScale(0), keptScale(0.2), keptScale(0.5)]).toEqual([1, 1.25, 2]);
  });

  it.each([
    [{ input: 1, hidden: 0.5 }, /input drop probability p must be in \[0, 1\) \(p = 1 would drop every unit/],
    [{ input: 0.2, hidden: -0.1 }, /hidden drop probability p must be in \[0, 1\)/],
    [{ input: Number.NaN, hidden: 0.5 }, /input drop probability/],
  ])('reject %j', (drop, message) => {
    expect(() => assertDropProbabilities(drop)).toThrow(message);
  });
});

describe('a classifier used out of order', () => {
  const classifier = () => new Classifier({ sizes: [4, 3, 2], maxBatch: 2 });

  it('says what to call first', () => {
    const c = classifier();
    expect(() => c.forward()).toThrow(/forward: load a batch first/);
    c.loadExamples([0, 1, 0, 1, 1, 0, 1, 0], [0, 1], 2);
    expect(() => c.loss()).toThrow(/loss: run forward\(\)/);
    expect(() => c.backward()).toThrow(/backward: run forward\(\)/);
    c.forward();
    expect(() => c.step({ learningRate: 0.1, momentum: 0, maxNorm: 0 })).toThrow(
      /step: run forward\(\) and backward\(\)/,
    );
    c.backward();
    c.step({ learningRate: 0.1, momentum: 0, maxNorm: 0 });
    expect(() => c.step({ learningRate: 0.1, momentum: 0, maxNorm: 0 })).toThrow(/a step needs a fresh backward pass/);
    expect(() => c.forward(PAPER_DROPOUT, undefined as unknown as Pcg32)).toThrow(/needs a generator for its masks/);
  });

  it('rejects batches, labels and layers it does not have', () => {
    const c = classifier();
    expect(() => c.loadExamples([0, 0, 0, 0], [0], 3)).toThrow(/batch of 3: load 1…2 examples/);
    expect(() => c.loadExamples([0, 0, 0, 0], [2], 1)).toThrow(/label 2 is not a class 0…1/);
    expect(() => c.loadDigits({ count: 0, pixels: new Uint8Array(), labels: new Uint8Array() }, null, 0, 1)).toThrow(
      /digits have 784 pixels, this classifier 4 inputs/,
    );
    expect(() => c.weights(2)).toThrow(/weight layer 2 is not 0…1/);
    expect(() => c.activations(3)).toThrow(/activations: layer 3 is not 0…2/);
    c.initialize(new Pcg32(1, Stream.init));
    expect(() => new Classifier({ sizes: [4, 5, 2], maxBatch: 2 }).copyParameters(c)).toThrow(
      /sizes \[4, 3, 2\] differ/,
    );
  });
});
