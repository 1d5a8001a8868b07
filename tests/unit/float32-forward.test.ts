import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluationFactor, type DropoutMode } from '../../src/sim/dropout.ts';
import { Float32Forward } from '../../src/sim/float32-forward.ts';
import { Network, type NetworkShape } from '../../src/sim/network.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';

type Shape = Omit<NetworkShape, 'maxBatch'>;

/** A network of `shape` with seeded weights and non-zero biases. */
function network(shape: Shape, maxBatch: number, seed: number): Network {
  const net = new Network({ ...shape, maxBatch });
  net.initialize(new Pcg32(seed, Stream.init));
  net.biases.forEach((b) => b.forEach((_, i) => (b[i] = 0.25 * Math.sin(seed + i))));
  return net;
}

/** `count` examples of n inputs spread over [−2.5, 2.5]. */
function inputs(count: number, n: number): Float64Array {
  return Float64Array.from({ length: count * n }, (_, k) => 2.5 * Math.sin(1.37 * k + 0.4));
}

/** The largest absolute difference between two arrays. */
function largestGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let gap = 0;
  for (let k = 0; k < a.length; k++) gap = Math.max(gap, Math.abs(a[k]! - b[k]!));
  return gap;
}

describe('the dense WebAssembly kernels', () => {
  it('run in this engine', () => {
    expect(Float32Forward.available).toBe(true);
  });

  it('compute tanh within 5e-7 of Math.tanh over [−12, 12], saturating beyond', () => {
    // A 1 → 1 → 1 network with unit weights and a linear output returns tanh(x) itself.
    const shape: Shape = { sizes: [1, 1, 1], activation: 'tanh', output: 'linear-mse' };
    const net = new Network({ ...shape, maxBatch: 1 });
    net.weights.forEach((w) => (w[0] = 1));
    const fast = new Float32Forward(shape);
    fast.load(net, [1, 1]);
    const count = 24_001;
    const xs = Float64Array.from({ length: count }, (_, i) => -12 + i / 1000);
    const out = new Float64Array(count);
    fast.forward(xs, count, out);
    // The reference is tanh of the input as rounded to single precision.
    expect(
      largestGap(
        out,
        xs.map((x) => Math.tanh(Math.fround(x))),
      ),
    ).toBeLessThan(5e-7);
    expect(out[0]).toBe(-1);
    expect(out[count - 1]).toBe(1);
    expect(out[12_000]).toBe(0);
  });
});

describe('Float32Forward', () => {
  const shapes: Shape[] = [
    { sizes: [2, 64, 64, 1], activation: 'tanh', output: 'sigmoid-bce' },
    { sizes: [2, 37, 5, 3], activation: 'relu', output: 'sigmoid-bce' },
    { sizes: [3, 18, 2], activation: 'tanh', output: 'linear-mse' },
    { sizes: [1, 1, 1], activation: 'relu', output: 'linear-mse' },
  ];

  it.each(shapes)('agrees with the Float64 network to 2e-6 for $sizes, $activation, $output', (shape) => {
    // 150 examples: two full chunks of 64 and a partial one; 37 and 18 units exercise both the
    // sixteen-wide and the four-wide blocks and the zero padding.
    const count = 150;
    const n0 = shape.sizes[0]!;
    const nOut = shape.sizes.at(-1)!;
    const net = network(shape, count, 7);
    const x = inputs(count, n0);
    const fast = new Float32Forward(shape);
    fast.load(
      net,
      shape.sizes.slice(0, -1).map(() => 1),
    );
    const out = new Float64Array(count * nOut + 3).fill(-7);
    fast.forward(x, count, out, 3);
    net.forward(x, count, false, { mode: 'none', p: shape.sizes.slice(0, -1).map(() => 0) }, new Pcg32(1, 1));
    const expected = net.activations[shape.sizes.length - 1]!.subarray(0, count * nOut);
    expect(out.subarray(0, 3)).toEqual(new Float64Array(3).fill(-7));
    expect(largestGap(out.subarray(3), expected)).toBeLessThan(2e-6);
    // Not a trivial agreement: the outputs vary across the examples.
    expect(Math.max(...expected) - Math.min(...expected)).toBeGreaterThan(0.05);
  });

  it.each<DropoutMode>(['classic', 'double-scaling', 'inverted'])(
    'folds the evaluation factor of %s dropout into the weights',
    (mode) => {
      const shape: Shape = { sizes: [2, 20, 20, 1], activation: 'tanh', output: 'sigmoid-bce' };
      const p = [0.2, 0.5, 0.3];
      const net = network(shape, 40, 3);
      const x = inputs(40, 2);
      const fast = new Float32Forward(shape);
      fast.load(
        net,
        p.map((pl) => evaluationFactor(mode, pl) ?? Number.NaN),
      );
      const out = new Float64Array(40);
      fast.forward(x, 40, out);
      net.forward(x, 40, false, { mode, p }, new Pcg32(1, 1));
      expect(largestGap(out, net.activations[3]!)).toBeLessThan(2e-6);
      // Inverted dropout evaluates with factor 1; the other two scale by q, which shows.
      net.forward(x, 40, false, { mode: 'none', p: [0, 0, 0] }, new Pcg32(1, 1));
      const gapToNone = largestGap(out, net.activations[3]!);
      if (mode === 'inverted') expect(gapToNone).toBeLessThan(2e-6);
      else expect(gapToNone).toBeGreaterThan(1e-3);
    },
  );

  it('loads new parameters over old ones', () => {
    const shape: Shape = { sizes: [2, 8, 1], activation: 'tanh', output: 'sigmoid-bce' };
    const [first, second] = [network(shape, 10, 1), network(shape, 10, 2)];
    const fast = new Float32Forward(shape);
    const x = inputs(10, 2);
    const out = new Float64Array(10);
    fast.load(first, [1, 1]);
    fast.forward(x, 10, out);
    fast.load(second, [1, 1]);
    fast.forward(x, 10, out);
    second.forward(x, 10, false, { mode: 'none', p: [0, 0] }, new Pcg32(1, 1));
    expect(largestGap(out, second.activations[2]!)).toBeLessThan(2e-6);
  });
});

describe('without WebAssembly', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('is not available, and the decision grid computes in Float64 exactly', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    vi.resetModules();
    const { Float32Forward: Unavailable } = await import('../../src/sim/float32-forward.ts');
    const { GridEvaluator, gridInputs } = await import('../../src/sim/decision-grid.ts');
    const { Network: Net } = await import('../../src/sim/network.ts');
    expect(Unavailable.available).toBe(false);
    const shape: Shape = { sizes: [2, 6, 1], activation: 'tanh', output: 'sigmoid-bce' };
    const net = new Net({ ...shape, maxBatch: 16 });
    net.initialize(new Pcg32(5, Stream.init));
    const extent = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
    const out = new Float64Array(16);
    new GridEvaluator(shape, extent, 4).evaluate(net, { mode: 'inverted', p: [0, 0.5] }, new Pcg32(1, 1), out);
    net.forward(gridInputs(extent, 4), 16, false, { mode: 'inverted', p: [0, 0.5] }, new Pcg32(1, 1));
    expect([...out]).toEqual([...net.activations[2]!.subarray(0, 16)]);
  });
});
