import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../src/sim/datasets.ts';
import { datasetExtent, gridInputs, GridEvaluator } from '../../src/sim/decision-grid.ts';
import { Network } from '../../src/sim/network.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';

describe('decision grid', () => {
  it('covers every point of the data with a 10 % margin', () => {
    const { train, validation } = makeDataset({
      kind: 'moons',
      trainSize: 50,
      validationSize: 50,
      noise: 0.1,
      seed: 2,
    });
    const extent = datasetExtent(train, validation);
    for (const data of [train, validation]) {
      for (let e = 0; e < data.size; e++) {
        expect(data.inputs[2 * e]).toBeGreaterThan(extent.xMin);
        expect(data.inputs[2 * e]).toBeLessThan(extent.xMax);
        expect(data.inputs[2 * e + 1]).toBeGreaterThan(extent.yMin);
        expect(data.inputs[2 * e + 1]).toBeLessThan(extent.yMax);
      }
    }
  });

  it('lists cell centres row by row from the top-left', () => {
    const points = gridInputs({ xMin: 0, xMax: 4, yMin: 0, yMax: 2 }, 2);
    expect([...points]).toEqual([1, 1.5, 3, 1.5, 1, 0.5, 3, 0.5]);
  });

  it('evaluates the test network at every cell', () => {
    const shape = { sizes: [2, 5, 1], activation: 'tanh', output: 'sigmoid-bce' } as const;
    const network = new Network({ ...shape, maxBatch: 9 });
    network.initialize(new Pcg32(4, Stream.init));
    const extent = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
    const evaluator = new GridEvaluator(shape, extent, 3);
    const out = new Float64Array(10).fill(-1);
    evaluator.evaluate(network, { mode: 'classic', p: [0, 0.5] }, new Pcg32(1, Stream.mask), out, 1);
    expect(out[0]).toBe(-1);
    network.forward(gridInputs(extent, 3), 9, false, { mode: 'classic', p: [0, 0.5] }, new Pcg32(1, Stream.mask));
    // Single precision where WebAssembly SIMD runs (tests/unit/float32-forward.test.ts).
    const expected = network.activations[2]!.subarray(0, 9);
    out.subarray(1).forEach((value, k) => expect(Math.abs(value - expected[k]!)).toBeLessThan(2e-6));
    // …and not the Float64 values themselves: the kernels did the work.
    expect(out.subarray(1).some((value, k) => value !== expected[k])).toBe(true);
    expect(() => new GridEvaluator(shape, extent, 1)).toThrow(/resolution/);
  });

  it('evaluates dropout left on at evaluation in Float64, with the masks of its random stream', () => {
    const shape = { sizes: [2, 5, 1], activation: 'tanh', output: 'sigmoid-bce' } as const;
    const network = new Network({ ...shape, maxBatch: 9 });
    network.initialize(new Pcg32(4, Stream.init));
    const extent = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
    const dropout = { mode: 'on-at-eval', p: [0, 0.5] } as const;
    const out = new Float64Array(9);
    new GridEvaluator(shape, extent, 3).evaluate(network, dropout, new Pcg32(1, Stream.mask), out);
    network.forward(gridInputs(extent, 3), 9, false, dropout, new Pcg32(1, Stream.mask));
    expect([...out]).toEqual([...network.activations[2]!.subarray(0, 9)]);
  });
});
