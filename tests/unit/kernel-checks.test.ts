import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECK_KERNEL_ARRAYS } from '../../src/sim/kernel-checks.ts';
import { networkArrays } from '../../src/sim/network-memory.ts';

/** A 2 → 4 → 1 network's arrays in WebAssembly memory, and the kernels over them (checked under Vitest). */
function network() {
  const { arrays, engine } = networkArrays([2, 4, 1], 3, 'webassembly');
  expect(engine.name).toBe('webassembly');
  return { arrays, engine };
}

describe("the WebAssembly kernels' entry points in development builds and tests", () => {
  it('are checked here: Vitest, like a development build, sets import.meta.env.DEV', () => {
    expect(CHECK_KERNEL_ARRAYS).toBe(true);
  });

  it("run on the network's own arrays, views of its memory included", () => {
    const { arrays, engine } = network();
    const [x, z] = [arrays.activations[0]!, arrays.preActivations[1]!];
    arrays.weights[0]!.fill(1);
    x.set([1, 2, 3, 4, 5, 6]);
    engine.affine({ x, w: arrays.weights[0]!, b: arrays.biases[0]!, z, nIn: 2, nOut: 4 }, 0, 3);
    expect([...z.subarray(0, 4)]).toEqual([3, 3, 3, 3]);
    engine.affine({ x: x.subarray(0, 2), w: arrays.weights[0]!, b: arrays.biases[0]!, z, nIn: 2, nOut: 4 }, 0, 1);
  });

  it('refuse an array from outside the memory, naming it, and leave the memory untouched', () => {
    const { arrays, engine } = network();
    const z = arrays.preActivations[1]!;
    z.fill(7);
    const foreign = new Float64Array(6).fill(1);
    expect(() =>
      engine.affine({ x: foreign, w: arrays.weights[0]!, b: arrays.biases[0]!, z, nIn: 2, nOut: 4 }, 0, 3),
    ).toThrow(/WebAssembly kernel affine: x is not an array of the network's memory/);
    expect([...z]).toEqual(Array(12).fill(7));
    const other = networkArrays([2, 4, 1], 3, 'webassembly').arrays;
    expect(() =>
      engine.forward(
        {
          x: arrays.activations[0]!,
          w: other.weights[0]!,
          b: arrays.biases[0]!,
          z,
          nIn: 2,
          nOut: 4,
          inputs: arrays.live[0]!,
          outputs: arrays.live[1]!,
        },
        0,
        3,
      ),
    ).toThrow(/WebAssembly kernel forward: w is not an array/);
  });

  it('refuse a foreign array in the backward pass too', () => {
    const { arrays, engine } = network();
    const pass = {
      x: arrays.activations[1]!,
      upper: arrays.deltas[2]!,
      w: arrays.weights[1]!,
      gw: new Float64Array(4),
      gb: arrays.biasGrads[1]!,
      lower: arrays.deltas[1]!,
      r: arrays.multipliers[1]!,
      z: arrays.preActivations[1]!,
      a: arrays.activations[1]!,
      nIn: 4,
      nOut: 1,
      inputs: arrays.live[1]!,
      outputs: arrays.live[2]!,
      forgotten: undefined,
      relu: false,
      scratch: arrays.scratch,
    };
    expect(() => engine.backward(pass, 0, 3)).toThrow(/WebAssembly kernel backward: gw is not an array/);
    expect(() => engine.backward({ ...pass, gw: arrays.weightGrads[1]! }, 0, 3)).not.toThrow();
  });

  it('do not check the JavaScript kernels, which take any array', () => {
    const { arrays, engine } = networkArrays([2, 4, 1], 3, 'javascript');
    const z = new Float64Array(12);
    const x = new Float64Array([1, 1, 1, 1, 1, 1]);
    engine.affine({ x, w: arrays.weights[0]!.fill(2), b: arrays.biases[0]!, z, nIn: 2, nOut: 4 }, 0, 3);
    expect([...z.subarray(0, 4)]).toEqual([4, 4, 4, 4]);
  });
});

describe("the WebAssembly kernels' entry points in a production build", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('are called directly: without import.meta.env.DEV there is no check on the hot path', async () => {
    vi.stubEnv('DEV', false);
    vi.resetModules();
    const checks = await import('../../src/sim/kernel-checks.ts');
    expect(checks.CHECK_KERNEL_ARRAYS).toBe(false);
    const memory = await import('../../src/sim/network-memory.ts');
    const { arrays, engine } = memory.networkArrays([2, 4, 1], 3, 'webassembly');
    const z = arrays.preActivations[1]!;
    // Unchecked, a foreign array is read from the memory at its own byte offset: no error.
    expect(() =>
      engine.affine({ x: new Float64Array(6), w: arrays.weights[0]!, b: arrays.biases[0]!, z, nIn: 2, nOut: 4 }, 0, 3),
    ).not.toThrow();
  });
});
