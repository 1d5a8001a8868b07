import { describe, expect, it } from 'vitest';
import { stepRatio } from '../../src/islands/effective-rate/summary.ts';
import { compareSteps } from '../../src/sim/effective-rate.ts';
import { exampleLayer } from '../../src/sim/layer-samples.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';

const layer = exampleLayer(new Pcg32(3, Stream.data));
const keep = Uint8Array.from({ length: layer.activations.length }, (_, j) => (j % 3 === 0 ? 0 : 1));

describe('one step under classic and inverted dropout', () => {
  it.each([0.1, 0.5, 0.8])('at p = %f, inverted moves each kept test weight 1/q² times as far as classic', (p) => {
    const { classic, inverted } = compareSteps(layer, keep, p, 0.5, 0.05);
    const q = 1 - p;
    for (let j = 0; j < keep.length; j++) {
      if (keep[j] === 0) {
        expect(Math.abs(classic.weightSteps[j]!)).toBe(0);
        expect(Math.abs(inverted.weightSteps[j]!)).toBe(0);
      } else {
        expect(inverted.weightSteps[j]! / classic.weightSteps[j]!).toBeCloseTo(1 / q ** 2, 10);
      }
    }
    expect(stepRatio(classic.weightSteps, inverted.weightSteps)).toBeCloseTo(1 / q ** 2, 10);
  });

  it('matches the gradient of half the squared error, by hand', () => {
    const p = 0.5;
    const { classic } = compareSteps(layer, keep, p, 0.5, 0.05);
    let z = layer.bias;
    for (let j = 0; j < keep.length; j++) z += layer.weights[j]! * keep[j]! * layer.activations[j]!;
    for (let j = 0; j < keep.length; j++) {
      const gradient = (z - 0.5) * keep[j]! * layer.activations[j]!;
      expect(classic.weightSteps[j]).toBeCloseTo(-0.05 * gradient * (1 - p), 12);
    }
  });
});
