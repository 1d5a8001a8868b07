import { describe, expect, it } from 'vitest';
import { Classifier } from '../../src/sim/classifier/classifier.ts';
import { keptScale, NO_DROPOUT, type DropProbabilities } from '../../src/sim/classifier/shape.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';

const SIZES = [12, 7, 5, 3];
const BATCH = 4;

/** Parameters in double precision: weights[l] row-major [n_l][n_{l+1}], biases[l]. */
interface Parameters {
  weights: Float64Array[];
  biases: Float64Array[];
}

/**
 * The classifier's loss as a plain double-precision function of its parameters, for inputs,
 * labels and masks held fixed: x_0 = input ⊙ m_0 / q_in, z_{l+1} = b_l + x_l · W_l, x_l =
 * ReLU(z_l) ⊙ m_l / q_hidden, the mean of log Σ e^z − z_label.
 */
function referenceLoss(
  parameters: Parameters,
  inputs: Float64Array,
  labels: Uint8Array,
  masks: Uint8Array[],
  drop: DropProbabilities,
): number {
  let total = 0;
  for (let e = 0; e < BATCH; e++) {
    let x = Array.from(inputs.subarray(e * SIZES[0]!, (e + 1) * SIZES[0]!));
    for (let l = 0; l < SIZES.length - 1; l++) {
      const [nIn, nOut] = [SIZES[l]!, SIZES[l + 1]!];
      const scale = keptScale(l === 0 ? drop.input : drop.hidden);
      x = x.map((v, j) => (masks[l]![e * nIn + j] ? (l === 0 ? v : Math.max(v, 0)) * scale : 0));
      x = Array.from({ length: nOut }, (_, i) =>
        x.reduce((s, v, j) => s + v * parameters.weights[l]![j * nOut + i]!, parameters.biases[l]![i]!),
      );
    }
    const top = Math.max(...x);
    total += Math.log(x.reduce((s, z) => s + Math.exp(z - top), 0)) - (x[labels[e]!]! - top);
  }
  return total / BATCH;
}

/** A classifier of SIZES with seeded weights, biases away from 0 and a batch of inputs and labels. */
function setup(seed: number) {
  const classifier = new Classifier({ sizes: SIZES, maxBatch: BATCH });
  classifier.initialize(new Pcg32(seed, Stream.init));
  const data = new Pcg32(seed, Stream.data);
  for (let l = 0; l < classifier.layers; l++)
    classifier.biases(l).forEach((_, i, b) => (b[i] = 0.5 * data.uniform() - 0.1));
  // Values a float32 holds exactly, so that both sides see the same inputs.
  const inputs = Float64Array.from({ length: BATCH * SIZES[0]! }, () => Math.fround(2 * data.uniform() - 0.5));
  const labels = Uint8Array.from({ length: BATCH }, (_, e) => e % SIZES.at(-1)!);
  classifier.loadExamples(inputs, labels, BATCH);
  return { classifier, inputs, labels };
}

/**
 * The classifier's gradients against central differences (step 1e-6) of the reference in double
 * precision, with the masks of one training pass held fixed. Returns the largest error of each
 * parameter, relative to the larger of its gradient and a hundredth of the largest gradient of its
 * array (gradients near 0 are compared on their array's scale).
 */
function gradientErrors(drop: DropProbabilities, seed: number) {
  const { classifier, inputs, labels } = setup(seed);
  classifier.forward(drop, new Pcg32(seed, Stream.mask));
  const lossF32 = classifier.loss();
  classifier.backward();
  const masks = Array.from({ length: classifier.layers }, (_, l) => classifier.masks(l).slice());
  const parameters: Parameters = {
    weights: Array.from({ length: classifier.layers }, (_, l) => Float64Array.from(classifier.weights(l))),
    biases: Array.from({ length: classifier.layers }, (_, l) => Float64Array.from(classifier.biases(l))),
  };
  const loss = () => referenceLoss(parameters, inputs, labels, masks, drop);
  const groups = [
    ...parameters.weights.map((values, l) => ({ values, analytic: classifier.weightGradients(l) })),
    ...parameters.biases.map((values, l) => ({ values, analytic: classifier.biasGradients(l) })),
  ];
  const eps = 1e-6;
  let worst = 0;
  for (const { values, analytic } of groups) {
    const numeric = Array.from(values, (original, k) => {
      values[k] = original + eps;
      const up = loss();
      values[k] = original - eps;
      const down = loss();
      values[k] = original;
      return (up - down) / (2 * eps);
    });
    const scale = Math.max(...numeric.map(Math.abs)) / 100;
    numeric.forEach(
      (g, k) => (worst = Math.max(worst, Math.abs(analytic[k]! - g) / Math.max(Math.abs(g), scale, 1e-12))),
    );
  }
  return {
    worst,
    lossGap: Math.abs(lossF32 - loss()),
    dropped: masks.reduce((n, m) => n + m.filter((v) => v === 0).length, 0),
  };
}

describe('classifier gradients against finite differences in double precision', () => {
  // The backward pass runs in float32 (unit roundoff 6e-8); each gradient here is a sum of at most
  // a few dozen rounded products through three layers, so its relative error is bounded by a few
  // hundred roundoffs, about 1e-5 of the gradient's scale (measured: up to 6e-6). The differences
  // in double precision are good to about 1e-9. A wrong factor (a missing 1/q, a δ through a
  // dropped unit) is off by far more than 1e-4. The losses agree within 1e-5 (measured: 3e-7).
  const cases: [string, DropProbabilities][] = [
    ['without dropout', NO_DROPOUT],
    ['with input and hidden dropout, the masks held fixed', { input: 0.2, hidden: 0.5 }],
    ['with heavy dropout', { input: 0.5, hidden: 0.6 }],
  ];
  it.each(cases)('%s: every gradient within 1e-4 of its scale', (_, drop) => {
    for (const seed of [1, 2, 3]) {
      const { worst, lossGap, dropped } = gradientErrors(drop, seed);
      expect(worst).toBeLessThan(1e-4);
      expect(lossGap).toBeLessThan(1e-5);
      if (drop.hidden > 0) expect(dropped).toBeGreaterThan(0);
    }
  });

  it('the reference tells the inverted scaling apart: without 1/q its loss is off by far more than 1e-5', () => {
    const { classifier, inputs, labels } = setup(4);
    const drop = { input: 0.2, hidden: 0.5 };
    classifier.forward(drop, new Pcg32(4, Stream.mask));
    const masks = Array.from({ length: classifier.layers }, (_, l) => classifier.masks(l).slice());
    const parameters: Parameters = {
      weights: Array.from({ length: classifier.layers }, (_, l) => Float64Array.from(classifier.weights(l))),
      biases: Array.from({ length: classifier.layers }, (_, l) => Float64Array.from(classifier.biases(l))),
    };
    const unscaled = referenceLoss(parameters, inputs, labels, masks, NO_DROPOUT);
    expect(Math.abs(unscaled - classifier.loss())).toBeGreaterThan(1e-3);
  });
});
