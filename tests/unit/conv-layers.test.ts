import { describe, expect, it } from 'vitest';
import { applyMask, reluBackward, reluForward } from '../../src/sim/conv/activation.ts';
import { convBackward, convForward, kernelWeights, type ConvSize } from '../../src/sim/conv/conv2d.ts';
import { denseBackward, denseForward, type DenseSize } from '../../src/sim/conv/dense.ts';
import { maxPoolBackward, maxPoolForward } from '../../src/sim/conv/pool.ts';
import { Pcg32 } from '../../src/sim/random.ts';
import { fillNormal } from '../../src/sim/sampling.ts';

/** Normal draws, seeded. */
function draws(length: number, seed: number): Float64Array {
  const out = new Float64Array(length);
  fillNormal(out, new Pcg32(seed, 0));
  return out;
}

/** Σ r · out: a scalar whose gradient with respect to `out` is `r`. */
const dot = (r: Float64Array, out: Float64Array) => out.reduce((sum, v, k) => sum + v * r[k]!, 0);

/**
 * The largest relative error |analytic − numeric| / max(|analytic| + |numeric|, 1e-6) over every
 * entry of `x`, the numeric gradient of `loss` by central differences with step h = 1e-5. In
 * double precision the step's truncation error is O(h²) ≈ 1e-10 and rounding about 1e-16/h ≈ 1e-11,
 * so every layer here should stay below 1e-6.
 */
function worstRelativeError(x: Float64Array, analytic: Float64Array, loss: () => number): number {
  const h = 1e-5;
  let worst = 0;
  for (let k = 0; k < x.length; k++) {
    const keep = x[k]!;
    x[k] = keep + h;
    const up = loss();
    x[k] = keep - h;
    const down = loss();
    x[k] = keep;
    const numeric = (up - down) / (2 * h);
    worst = Math.max(
      worst,
      Math.abs(analytic[k]! - numeric) / Math.max(Math.abs(analytic[k]!) + Math.abs(numeric), 1e-6),
    );
  }
  return worst;
}

const BOUND = 1e-6;

describe('the 3×3 convolution with same zero padding', () => {
  const size: ConvSize = { batch: 2, inChannels: 2, outChannels: 3, height: 5, width: 4 };
  const inputs = size.batch * size.inChannels * size.height * size.width;
  const outputs = size.batch * size.outChannels * size.height * size.width;

  it('computes a hand-worked case: a centre tap copies, an edge tap reads the zero padding', () => {
    const one: ConvSize = { batch: 1, inChannels: 1, outChannels: 2, height: 2, width: 2 };
    const w = new Float64Array(18);
    w[4] = 2; // map 0: the centre tap, ×2
    w[9 + 5] = 1; // map 1: the tap to the right (dy 0, dx +1)
    const z = new Float64Array(8);
    convForward(one, Float64Array.of(1, 2, 3, 4), w, Float64Array.of(0.5, -1), z);
    expect([...z]).toEqual([2.5, 4.5, 6.5, 8.5, 1, -1, 3, -1]);
  });

  it('has the gradients of finite differences for weights, biases and inputs', () => {
    const input = draws(inputs, 1);
    const w = draws(kernelWeights(size), 2);
    const b = draws(size.outChannels, 3);
    const r = draws(outputs, 4);
    const z = new Float64Array(outputs);
    const loss = () => {
      convForward(size, input, w, b, z);
      return dot(r, z);
    };
    const [gw, gb, dInput] = [new Float64Array(w.length), new Float64Array(b.length), new Float64Array(inputs)];
    convBackward(size, input, w, r, gw, gb, dInput);
    expect(worstRelativeError(w, gw, loss)).toBeLessThan(BOUND);
    expect(worstRelativeError(b, gb, loss)).toBeLessThan(BOUND);
    expect(worstRelativeError(input, dInput, loss)).toBeLessThan(BOUND);
  });

  it('leaves the input gradient alone when asked for none, and overwrites stale gradients', () => {
    const [gw, gb] = [new Float64Array(kernelWeights(size)).fill(9), new Float64Array(size.outChannels).fill(9)];
    const args = [size, draws(inputs, 1), draws(gw.length, 2), draws(outputs, 4)] as const;
    convBackward(...args, gw, gb, null);
    const fresh = [new Float64Array(gw.length), new Float64Array(gb.length)] as const;
    convBackward(...args, ...fresh, new Float64Array(inputs));
    expect(gw).toEqual(fresh[0]);
    expect(gb).toEqual(fresh[1]);
  });
});

describe('ReLU and the dropout mask', () => {
  it('passes gradients where z > 0 and through kept units × 1/q, matching finite differences', () => {
    // Values at least 0.01 from the kink at 0, far beyond the step of 1e-5.
    const z = draws(40, 5).map((v) => (Math.abs(v) < 0.01 ? 0.5 : v));
    const mask = Uint8Array.from({ length: 40 }, (_, k) => Number(k % 3 !== 0));
    const r = draws(40, 6);
    const [a, out] = [new Float64Array(40), new Float64Array(40)];
    const loss = () => {
      reluForward(z, a, 40);
      applyMask(a, mask, 1 / 0.7, out, 40);
      return dot(r, out);
    };
    const dz = new Float64Array(40);
    applyMask(r, mask, 1 / 0.7, dz, 40);
    reluBackward(z, dz, dz, 40);
    expect(worstRelativeError(z, dz, loss)).toBeLessThan(BOUND);
    loss();
    out.forEach((v, k) => expect(v).toBe(mask[k] === 0 ? 0 : Math.max(z[k]!, 0) * (1 / 0.7)));
  });
});

describe('2×2 max-pooling', () => {
  it('keeps the largest of each block, the first of a tie, and remembers where it was', () => {
    const input = Float64Array.of(1, 5, 2, 2, 3, 0, 2, 2, -1, -2, 0, 0, -3, -4, 0, 0);
    const [out, argmax] = [new Float64Array(4), new Int32Array(4)];
    maxPoolForward(input, out, argmax, 1, 4, 4);
    expect([...out]).toEqual([5, 2, -1, 0]);
    expect([...argmax]).toEqual([1, 2, 8, 10]);
  });

  it('sends each gradient to its block’s max, matching finite differences', () => {
    const input = draws(2 * 6 * 4, 7);
    const r = draws(2 * 3 * 2, 8);
    const [out, argmax] = [new Float64Array(12), new Int32Array(12)];
    const loss = () => {
      maxPoolForward(input, out, argmax, 2, 6, 4);
      return dot(r, out);
    };
    loss();
    const dInput = new Float64Array(input.length);
    maxPoolBackward(r, argmax, dInput, 12, input.length);
    expect(worstRelativeError(input, dInput, loss)).toBeLessThan(BOUND);
    expect(dInput.filter((v) => v !== 0).length).toBe(12);
  });
});

describe('the dense layer', () => {
  it('has the gradients of finite differences for weights, biases and inputs, zero inputs included', () => {
    const size: DenseSize = { batch: 3, nIn: 7, nOut: 4 };
    const x = draws(21, 9);
    x[3] = 0; // a dropped input skips its row forward; its weights' gradients are still 0 and its δ is still sent
    const [w, b, r] = [draws(28, 10), draws(4, 11), draws(12, 12)];
    const z = new Float64Array(12);
    const loss = () => {
      denseForward(size, x, w, b, z);
      return dot(r, z);
    };
    const [gw, gb, dx] = [new Float64Array(28), new Float64Array(4), new Float64Array(21)];
    denseBackward(size, x, w, r, gw, gb, dx);
    expect(worstRelativeError(w, gw, loss)).toBeLessThan(BOUND);
    expect(worstRelativeError(b, gb, loss)).toBeLessThan(BOUND);
    expect(worstRelativeError(x, dx, loss)).toBeLessThan(BOUND);
  });
});
