import { makeDataset, type DatasetSplit } from '../../src/sim/datasets.ts';
import { Float32Forward } from '../../src/sim/float32-forward.ts';
import { Network } from '../../src/sim/network.ts';
import { streamRng, Stream } from '../../src/sim/random.ts';
import { Trainer, type TrainingConfig } from '../../src/sim/train.ts';

/**
 * The reference training task of DESIGN.md: 200 two-moons points with 10 % label noise;
 * 2 → 64 → 64 → 1, tanh, sigmoid output, binary cross-entropy; inverted dropout p = 0.5
 * on both hidden layers; full-batch gradient descent at learning rate 0.1.
 */
export const REFERENCE: TrainingConfig = {
  shape: { sizes: [2, 64, 64, 1], activation: 'tanh', output: 'sigmoid-bce' },
  dropout: { mode: 'inverted', p: [0, 0.5, 0.5] },
  schedule: { kind: 'constant' },
  update: { learningRate: 0.1, momentum: 0, maxNorm: 0 },
  l2: 0,
  batchSize: 200,
  seed: 1,
};

/** The reference dataset. */
export function referenceData(): DatasetSplit {
  return makeDataset({ kind: 'moons', trainSize: 200, validationSize: 200, noise: 0.1, seed: 1 });
}

/** The 100 × 100 grid over [−2, 2]² on which decision boundaries are drawn, row-major (x, y) pairs. */
export function grid(): Float64Array {
  const points = new Float64Array(100 * 100 * 2);
  for (let row = 0; row < 100; row++) {
    for (let col = 0; col < 100; col++) {
      const k = 2 * (row * 100 + col);
      points[k] = -2 + (4 * col) / 99;
      points[k + 1] = -2 + (4 * row) / 99;
    }
  }
  return points;
}

/**
 * Dropout Lab's side: a trainer whose step is one full-batch epoch (and one that runs the
 * JavaScript kernels, the fallback where WebAssembly is refused); the same two without
 * dropout, as the lab's paired run trains; and the decision grid
 * evaluated as the training lab does it (single precision, WebAssembly SIMD) and by the
 * Float64 network (the fallback where WebAssembly is refused).
 */
export function ours() {
  const { train } = referenceData();
  const trainer = new Trainer(REFERENCE, train);
  const inJavaScript = new Trainer(REFERENCE, train, 'javascript');
  const undropped: TrainingConfig = { ...REFERENCE, dropout: { mode: 'none', p: [0, 0, 0] } };
  const plain = new Trainer(undropped, train);
  const plainInJavaScript = new Trainer(undropped, train, 'javascript');
  const network = new Network({ ...REFERENCE.shape, maxBatch: 100 * 100 }, 'javascript');
  const fast = new Float32Forward(REFERENCE.shape);
  const points = grid();
  const out = new Float64Array(100 * 100);
  const rng = streamRng(1, Stream.mask);
  const none = { mode: 'none' as const, p: [0, 0, 0] };
  return {
    trainer,
    step: () => void trainer.trainEpoch(),
    stepJavaScript: () => void inJavaScript.trainEpoch(),
    stepWithoutDropout: () => void plain.trainEpoch(),
    stepWithoutDropoutJavaScript: () => void plainInJavaScript.trainEpoch(),
    evaluateGrid: () => {
      fast.load(trainer.network, [1, 1, 1]);
      fast.forward(points, 100 * 100, out);
    },
    evaluateGridFloat64: () => {
      network.copyParameters(trainer.network);
      network.forward(points, 100 * 100, false, none, rng);
    },
  };
}
