import { afterEach, describe, expect, it, vi } from 'vitest';
import { Classifier } from '../../src/sim/classifier/classifier.ts';
import { NO_DROPOUT, PAPER_DROPOUT, type DropProbabilities } from '../../src/sim/classifier/shape.ts';
import type { KernelChoice } from '../../src/sim/network-memory.ts';
import type { UpdateSettings } from '../../src/sim/optimizer.ts';
import { classifierArrays } from '../../src/sim/classifier/engine.ts';
import { fillMask, Pcg32, Stream } from '../../src/sim/random.ts';

interface Run {
  sizes: number[];
  batch: number;
  drop: DropProbabilities;
  update: UpdateSettings;
}

/**
 * Inputs like digits: about four in five exactly 0 (a blank pixel), the rest grey levels v / 255,
 * and a class each.
 */
function data(run: Run, seed: number) {
  const rng = new Pcg32(seed, Stream.data);
  const n = run.sizes[0]!;
  const inputs = Float32Array.from({ length: run.batch * n }, () =>
    rng.uniform() < 0.8 ? 0 : Math.floor(rng.uniform() * 256) / 255,
  );
  const classes = run.sizes.at(-1)!;
  const labels = Uint8Array.from({ length: run.batch }, () => Math.floor(rng.uniform() * classes));
  return { inputs, labels };
}

/** Trains a classifier of `run` for `steps` steps on a fresh batch each, and returns it with its losses. */
function train(run: Run, kernels: KernelChoice, steps: number, ClassifierClass = Classifier) {
  const classifier = new ClassifierClass({ sizes: run.sizes, maxBatch: run.batch }, kernels);
  classifier.initialize(new Pcg32(3, Stream.init));
  const masks = new Pcg32(5, Stream.mask);
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    const { inputs, labels } = data(run, step);
    classifier.loadExamples(inputs, labels, run.batch);
    classifier.forward(run.drop, masks);
    losses.push(classifier.loss());
    classifier.backward();
    classifier.step(run.update);
  }
  return { classifier, losses };
}

/** Every number of a classifier's parameters, gradients and last pass, as bit patterns, and its masks. */
function state(classifier: Classifier): number[] {
  const arrays: Float32Array[] = [];
  for (let l = 0; l < classifier.layers; l++) {
    arrays.push(classifier.weights(l), classifier.biases(l), classifier.weightGradients(l));
    arrays.push(classifier.biasGradients(l), classifier.activations(l), classifier.preActivations(l + 1));
  }
  arrays.push(classifier.activations(classifier.layers));
  const masks = Array.from({ length: classifier.layers }, (_, l) => [...classifier.masks(l)]);
  return [
    ...arrays.flatMap((array) => [...new Uint32Array(array.buffer, array.byteOffset, array.length)]),
    ...masks.flat(),
  ];
}

/** Indices where two lists differ. */
const differences = (a: number[], b: number[]) => a.flatMap((v, k) => (v === b[k] ? [] : [k]));

const PAPER_UPDATE: UpdateSettings = { learningRate: 0.05, momentum: 0.9, maxNorm: 3 };

describe('the WebAssembly kernels of a classifier', () => {
  it('run in this engine, every array in one memory', () => {
    const classifier = new Classifier({ sizes: [784, 64, 64, 10], maxBatch: 10 });
    expect(classifier.kernels).toBe('webassembly');
    const buffers = new Set(
      [classifier.weights(0), classifier.activations(1), classifier.masks(0)].map((a) => a.buffer),
    );
    expect(buffers.size).toBe(1);
    expect(new Classifier({ sizes: [4, 3], maxBatch: 2 }, 'javascript').kernels).toBe('javascript');
  });

  // Widths of 64 and 256 fill the kernels' blocks of 32 outputs; 10, 13 and 7 leave blocks of
  // four and single outputs; a tight max-norm binds on some units.
  const runs: [string, Run][] = [
    [
      'a digits network, the paper’s dropout',
      { sizes: [784, 64, 64, 10], batch: 24, drop: PAPER_DROPOUT, update: PAPER_UPDATE },
    ],
    ['without dropout', { sizes: [784, 64, 64, 10], batch: 24, drop: NO_DROPOUT, update: PAPER_UPDATE }],
    [
      'odd widths, a binding max-norm',
      {
        sizes: [37, 13, 7, 3],
        batch: 9,
        drop: { input: 0.3, hidden: 0.6 },
        update: { learningRate: 0.5, momentum: 0.5, maxNorm: 0.4 },
      },
    ],
    [
      'one hidden layer of 256, no momentum or max-norm',
      { sizes: [50, 256, 10], batch: 17, drop: PAPER_DROPOUT, update: { learningRate: 0.1, momentum: 0, maxNorm: 0 } },
    ],
    ['no hidden layer', { sizes: [30, 5], batch: 6, drop: { input: 0.5, hidden: 0 }, update: PAPER_UPDATE }],
  ];

  it.each(runs)('give the same bits as the JavaScript kernels over 8 steps: %s', (_, run) => {
    const wasm = train(run, 'webassembly', 8);
    const js = train(run, 'javascript', 8);
    expect(wasm.classifier.kernels).toBe('webassembly');
    expect(js.classifier.kernels).toBe('javascript');
    expect(differences(wasm.losses, js.losses)).toEqual([]);
    expect(differences(state(wasm.classifier), state(js.classifier))).toEqual([]);
    expect(js.losses.at(-1)).not.toBe(js.losses[0]);
  });

  it('give the same bits for the same seed, and other bits for another mask seed', () => {
    const run = runs[0]![1];
    expect(
      differences(state(train(run, 'webassembly', 3).classifier), state(train(run, 'webassembly', 3).classifier)),
    ).toEqual([]);
    const other = new Classifier({ sizes: run.sizes, maxBatch: run.batch });
    other.initialize(new Pcg32(3, Stream.init));
    const { inputs, labels } = data(run, 0);
    other.loadExamples(inputs, labels, run.batch);
    other.forward(run.drop, new Pcg32(6, Stream.mask));
    const same = train(run, 'webassembly', 1).classifier;
    expect([...other.masks(1)]).not.toEqual([...same.masks(1)]);
  });
});

describe('the WebAssembly mask fill', () => {
  // Keep probabilities with and without a rest beyond a multiple of 1/256, and counts that end
  // in the middle of a word.
  it.each([
    [0.8, 78_400],
    [0.5, 25_600],
    [1 / 3, 1001],
    [0.999, 50],
    [0.01, 7],
  ])(
    'draws at q = %f over %i units exactly what random.ts fillMask draws, and leaves the generator where it would',
    (q, count) => {
      const { arrays, kernels } = classifierArrays([count, 2], 1, 'webassembly');
      expect(kernels.name).toBe('webassembly');
      const pass = {
        mask: arrays.masks[0]!,
        generator: arrays.generator,
        ties: arrays.ties,
        bounds: arrays.maskBounds[0]!,
      };
      const [wasm, js] = [new Pcg32(5, Stream.mask), new Pcg32(5, Stream.mask)];
      const expected = new Uint8Array(count);
      for (let draw = 0; draw < 2; draw++) {
        kernels.drawMask(pass, wasm, count, q);
        fillMask(js, expected, count, q, 1);
        expect(pass.mask.subarray(0, count)).toEqual(expected);
        expect(wasm.nextUint32()).toBe(js.nextUint32());
      }
    },
  );
});

describe('without WebAssembly', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('a classifier runs the JavaScript kernels, and trains to the same bits', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    vi.resetModules();
    const { Classifier: Unassisted } = await import('../../src/sim/classifier/classifier.ts');
    const run: Run = { sizes: [20, 16, 16, 4], batch: 8, drop: PAPER_DROPOUT, update: PAPER_UPDATE };
    const fallback = train(run, 'webassembly', 4, Unassisted);
    expect(fallback.classifier.kernels).toBe('javascript');
    vi.unstubAllGlobals();
    const wasm = train(run, 'webassembly', 4);
    expect(wasm.classifier.kernels).toBe('webassembly');
    expect(differences(state(fallback.classifier), state(wasm.classifier))).toEqual([]);
  });
});
