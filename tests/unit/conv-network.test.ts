import { describe, expect, it } from 'vitest';
import { ConvNetwork } from '../../src/sim/conv/network.ts';
import { CONV_DROPOUTS, type ConvShape, type Floats } from '../../src/sim/conv/shape.ts';
import { PARAMETER_NAMES } from '../../src/sim/conv/workspace.ts';
import { Pcg32, Stream, streamRng } from '../../src/sim/random.ts';
import { fillNormal } from '../../src/sim/sampling.ts';

const SMALL: ConvShape = { side: 6, channels: 3, classes: 4, maxBatch: 4, precision: 'float64' };

/** A network of `shape` with He-normal weights, small random biases and a batch of 3 random images loaded. */
function loadedNetwork(shape: ConvShape, seed = 1): ConvNetwork {
  const network = new ConvNetwork(shape);
  network.initialize(streamRng(seed, Stream.init));
  const { convBiases, denseBiases } = network.workspace.parameters;
  const biases = new Float64Array(convBiases.length + denseBiases.length);
  fillNormal(biases, new Pcg32(seed, 9), 0, 0.1);
  convBiases.set(biases.subarray(0, convBiases.length));
  denseBiases.set(biases.subarray(convBiases.length));
  const images = new Float64Array(3 * shape.side ** 2);
  fillNormal(images, new Pcg32(seed, 10));
  network.loadExamples(images, [2, 0, 3], 3);
  return network;
}

/**
 * The largest relative error between ∂L/∂(each parameter) of the backward pass and central
 * differences with step h = 1e-5, the mask held fixed: |a − n| / max(|a| + |n|, 1e-4). In double
 * precision such a difference is off by about 1e-10 (h² times the third derivative, and rounding
 * of 1e-16 in the loss over h), which the floor of 1e-4 keeps below 1e-6 for tiny gradients too.
 */
function worstRelativeError(network: ConvNetwork): number {
  const h = 1e-5;
  const { parameters, gradients } = network.workspace;
  let worst = 0;
  for (const name of PARAMETER_NAMES) {
    const [values, analytic] = [parameters[name], gradients[name]];
    for (let k = 0; k < values.length; k++) {
      const keep = values[k]!;
      const loss = (value: number) => {
        values[k] = value;
        network.forwardSameMask();
        return network.loss();
      };
      const numeric = (loss(keep + h) - loss(keep - h)) / (2 * h);
      values[k] = keep;
      const a = analytic[k]!;
      worst = Math.max(worst, Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), 1e-4));
    }
  }
  return worst;
}

describe('the whole network’s gradients', () => {
  // A ReLU or a pooling max that a step of 1e-5 flipped would show as an error near 1; none does
  // for these seeds. A wrong mask or scale in the backward pass shows as an error near 1 too.
  it.each(CONV_DROPOUTS)('match finite differences to 1e-6 with a fixed %s mask at p = 0.5', (dropout) => {
    const network = loadedNetwork(SMALL);
    network.forward(dropout, 0.5, streamRng(2, Stream.mask));
    network.backward();
    expect(worstRelativeError(network)).toBeLessThan(1e-6);
  });

  it('in single precision agree with those of double precision to 1e-4 of the largest', () => {
    const single = loadedNetwork({ ...SMALL, precision: 'float32' });
    const double = loadedNetwork(SMALL);
    double.copyParameters(single);
    for (const network of [single, double]) {
      network.forward('element', 0.5, streamRng(2, Stream.mask));
      network.backward();
    }
    expect(single.workspace.mask).toEqual(double.workspace.mask);
    for (const name of PARAMETER_NAMES) {
      const [s, d] = [single.workspace.gradients[name], double.workspace.gradients[name]];
      const largest = Math.max(...d.map(Math.abs));
      d.forEach((v, k) => expect(Math.abs(s[k]! - v)).toBeLessThan(1e-4 * largest));
    }
  });
});

describe('a forward pass', () => {
  const dropped = (network: ConvNetwork): Floats => network.workspace.dropped.subarray(0, 3 * 3 * 36);

  it('at test time drops nothing and scales nothing', () => {
    const network = loadedNetwork(SMALL);
    network.forward();
    expect(dropped(network)).toEqual(network.workspace.maps.subarray(0, 3 * 3 * 36));
  });

  it.each(['element', 'channel'] as const)(
    'with %s dropout sends kept activations × 1/q and dropped ones as 0',
    (dropout) => {
      const network = loadedNetwork(SMALL);
      network.forward(dropout, 0.25, streamRng(3, Stream.mask));
      const { maps, mask } = network.workspace;
      dropped(network).forEach((v, k) => expect(v).toBe(mask[k] === 0 ? 0 : maps[k]! * (1 / 0.75)));
      expect(mask.subarray(0, 3 * 3 * 36).includes(0)).toBe(true);
    },
  );

  it('with channel dropout pools a dropped map to zeros', () => {
    const network = loadedNetwork(SMALL);
    network.forward('channel', 0.5, streamRng(3, Stream.mask));
    const { channelMask, pooled } = network.workspace;
    const droppedMaps = [...channelMask.subarray(0, 9)].flatMap((kept, m) => (kept === 0 ? [m] : []));
    expect(droppedMaps.length).toBeGreaterThan(0);
    for (const m of droppedMaps) expect(pooled.subarray(m * 9, (m + 1) * 9).every((v) => v === 0)).toBe(true);
  });
});

describe('training steps', () => {
  it('lower the loss on a fixed batch and write only into the workspace’s arrays', () => {
    const network = loadedNetwork({ ...SMALL, precision: 'float32' });
    const arrays = Object.values(network.workspace).flatMap((v: object) =>
      ArrayBuffer.isView(v) ? [v] : Object.values(v),
    );
    network.forward();
    const before = network.loss();
    for (let s = 0; s < 30; s++) {
      network.forward('channel', 0.25, streamRng(s, Stream.mask));
      network.backward();
      network.step({ learningRate: 0.05, momentum: 0.9 });
    }
    network.forward();
    expect(network.loss()).toBeLessThan(0.5 * before);
    const after = Object.values(network.workspace).flatMap((v: object) =>
      ArrayBuffer.isView(v) ? [v] : Object.values(v),
    );
    after.forEach((array, k) => expect(array).toBe(arrays[k]));
  });

  it('say what to run first when called out of order', () => {
    const network = new ConvNetwork(SMALL);
    expect(() => network.forward()).toThrow('forward: load a batch first (loadDigits or loadExamples)');
    network.loadExamples(new Float64Array(36), [1], 1);
    expect(() => network.backward()).toThrow('backward: run forward() on the loaded batch first');
    network.forward();
    expect(() => network.step({ learningRate: 0.1, momentum: 0 })).toThrow(
      'step: run forward() and backward() on the loaded batch first',
    );
    expect(() => network.forward('element', 0.5)).toThrow('forward: a training pass with dropout needs a generator');
    expect(() => network.forward('element', 1, streamRng(1, Stream.mask))).toThrow(
      'drop probability p must be in [0, 1)',
    );
  });

  it.each([
    [{ side: 7 }, 'conv side: use an even whole number ≥ 2 (2×2 pooling halves it), got 7'],
    [{ channels: 0 }, 'conv channels: use a whole number ≥ 1, got 0'],
    [{ classes: 1 }, 'conv classes: a softmax needs a whole number ≥ 2, got 1'],
  ])('refuse the shape %o, saying why', (change, message) => {
    expect(() => new ConvNetwork({ ...SMALL, ...change })).toThrow(new RangeError(message));
  });
});
