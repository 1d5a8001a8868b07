import { describe, expect, it } from 'vitest';
import { Classifier } from '../../src/sim/classifier/classifier.ts';
import type { UpdateSettings } from '../../src/sim/optimizer.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';

const SIZES = [16, 12, 4];

/** A classifier that has run forward and backward on a seeded batch, ready to step. */
function ready(kernels: 'webassembly' | 'javascript' = 'webassembly') {
  const classifier = new Classifier({ sizes: SIZES, maxBatch: 6 }, kernels);
  classifier.initialize(new Pcg32(1, Stream.init));
  const data = new Pcg32(1, Stream.data);
  const inputs = Array.from({ length: 6 * 16 }, () => data.uniform());
  classifier.loadExamples(inputs, [0, 1, 2, 3, 0, 1], 6);
  classifier.forward();
  classifier.backward();
  return classifier;
}

/** Euclidean norm of column i of a row-major [nIn][nOut] matrix: unit i's incoming weights. */
function columnNorm(w: Float32Array, nOut: number, i: number): number {
  let sum = 0;
  for (let k = i; k < w.length; k += nOut) sum += w[k]! ** 2;
  return Math.sqrt(sum);
}

describe('a classifier step', () => {
  it('is SGD with momentum: v ← μ·v − η·g, w ← w + v, in float32', () => {
    const classifier = ready();
    const before = classifier.weights(0).slice();
    const gradient = classifier.weightGradients(0).slice();
    const settings: UpdateSettings = { learningRate: 0.1, momentum: 0.9, maxNorm: 0 };
    classifier.step(settings);
    const v1 = gradient.map((g) => Math.fround(-Math.fround(Math.fround(0.1) * g)));
    expect([...classifier.weights(0)]).toEqual([...before.map((w, k) => Math.fround(w + v1[k]!))]);
    // A second step on the same batch carries the first step's velocity.
    const after = classifier.weights(0).slice();
    classifier.forward();
    classifier.backward();
    const g2 = classifier.weightGradients(0).slice();
    classifier.step(settings);
    const mu = Math.fround(0.9);
    const v2 = g2.map((g, k) => Math.fround(Math.fround(mu * v1[k]!) - Math.fround(Math.fround(0.1) * g)));
    expect([...classifier.weights(0)]).toEqual([...after.map((w, k) => Math.fround(w + v2[k]!))]);
  });

  it('with max-norm c brings every unit’s incoming weights to norm ≤ c and leaves the others as they were', () => {
    const c = 1.2;
    const free = ready();
    free.step({ learningRate: 0.5, momentum: 0, maxNorm: 0 });
    const bound = ready();
    bound.step({ learningRate: 0.5, momentum: 0, maxNorm: c });
    let constrained = 0;
    for (let l = 0; l < 2; l++) {
      const nOut = SIZES[l + 1]!;
      for (let i = 0; i < nOut; i++) {
        const freeNorm = columnNorm(free.weights(l), nOut, i);
        const norm = columnNorm(bound.weights(l), nOut, i);
        const column = (w: Float32Array) => [...w].filter((_, k) => k % nOut === i);
        if (Math.fround(freeNorm) > c) {
          constrained++;
          // Scaled back along the same direction, to norm c within float32 rounding.
          expect(Math.abs(norm - c)).toBeLessThan(1e-5);
          const ratio = c / freeNorm;
          column(bound.weights(l)).forEach((w, j) => expect(w).toBeCloseTo(column(free.weights(l))[j]! * ratio, 5));
        } else {
          expect(column(bound.weights(l))).toEqual(column(free.weights(l)));
        }
      }
      // Biases are not constrained.
      expect([...bound.biases(l)]).toEqual([...free.biases(l)]);
    }
    // The test means something only if c binds on some units and not on others.
    expect(constrained).toBeGreaterThan(0);
    expect(constrained).toBeLessThan(SIZES[1]! + SIZES[2]!);
  });

  it('with maxNorm 0 or Infinity is unconstrained, in both kernel sets alike', () => {
    const results = (['webassembly', 'javascript'] as const).flatMap((kernels) =>
      [0, Infinity].map((maxNorm) => {
        const classifier = ready(kernels);
        classifier.step({ learningRate: 5, momentum: 0.5, maxNorm });
        return [...classifier.weights(0), ...classifier.weights(1)];
      }),
    );
    for (const other of results.slice(1)) expect(other).toEqual(results[0]);
    // A finite c would have bound here.
    const bound = ready();
    bound.step({ learningRate: 5, momentum: 0.5, maxNorm: 1 });
    expect([...bound.weights(0), ...bound.weights(1)]).not.toEqual(results[0]);
  });
});
