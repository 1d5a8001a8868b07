import { readMnistPackage } from '../../src/data/mnist-source.ts';
import { DigitsRun, pairedRuns, type DigitsRunOptions } from '../../src/sim/classifier/run.ts';
import { PAPER_DROPOUT } from '../../src/sim/classifier/shape.ts';
import { DIGIT_PIXELS, type Digits } from '../../src/sim/digits/digits.ts';

/**
 * The paper task: the dropout paper's network for handwritten digits, 784 → H → H → 10 with ReLU
 * hidden units and a softmax output, minibatches of 100, inverted dropout p = 0.2 on the inputs
 * and 0.5 on the hidden units, SGD with momentum 0.9 at learning rate 0.05, max-norm 3 on every
 * unit's incoming weights. One step = one minibatch: forward, backward and update.
 */
export function paperOptions(hidden: number): DigitsRunOptions {
  return {
    sizes: [784, hidden, hidden, 10],
    dropout: PAPER_DROPOUT,
    batchSize: 100,
    learningRate: 0.05,
    momentum: 0.9,
    maxNorm: 3,
    seed: 1,
  };
}

/** Training digits of the paired run. */
export const TRAINING_DIGITS = 2000;

/** Epochs of the paired run. */
export const PAIRED_EPOCHS = 50;

/** Every fifth digit of the mnist package's 10 000 (which lists all 0s, then all 1s, …): 2 000 digits of every class. */
export async function trainingDigits(): Promise<Digits> {
  const all = await readMnistPackage();
  const step = all.count / TRAINING_DIGITS;
  const pixels = new Uint8Array(TRAINING_DIGITS * DIGIT_PIXELS);
  const labels = new Uint8Array(TRAINING_DIGITS);
  for (let i = 0; i < TRAINING_DIGITS; i++) {
    const d = Math.floor(i * step);
    pixels.set(all.pixels.subarray(d * DIGIT_PIXELS, (d + 1) * DIGIT_PIXELS), i * DIGIT_PIXELS);
    labels[i] = all.labels[d]!;
  }
  return { count: TRAINING_DIGITS, pixels, labels };
}

/** Dropout Lab's side of the paper task: a run whose step is one minibatch. */
export function ours(train: Digits, hidden: number, kernels: 'webassembly' | 'javascript' = 'webassembly') {
  const run = new DigitsRun(paperOptions(hidden), train, kernels);
  return { run, step: () => void run.trainBatches(1) };
}

/**
 * The paired run, with and without dropout from the same initial weights on the same
 * minibatches: `trainEpoch` trains each arm for one epoch; `losses` gives each arm's last
 * epoch's training loss.
 */
export function oursPaired(train: Digits) {
  const pair = pairedRuns(paperOptions(256), train);
  return {
    trainEpoch: () => {
      pair.with.trainEpoch();
      pair.without.trainEpoch();
    },
    losses: (): [number, number] => [pair.with.lastEpochLoss, pair.without.lastEpochLoss],
  };
}
