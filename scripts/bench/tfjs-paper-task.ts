import * as tf from '@tensorflow/tfjs-core';
import type { Classifier } from '../../src/sim/classifier/classifier.ts';
import { epochOrder, type DigitsRunOptions } from '../../src/sim/classifier/run.ts';
import { DIGIT_PIXELS, type Digits } from '../../src/sim/digits/digits.ts';

/**
 * The paper task in TensorFlow.js, on whichever backend is active, as its core API does it: the
 * same initial weights (copied from `initial`), the same digits and each epoch's order, inverted
 * dropout (tf.dropout), softmax cross-entropy, SGD with momentum (tf.train.momentum: the same
 * update as ours at a constant rate) and max-norm on each unit's incoming weights, in float32.
 * `dropout` false trains the arm without dropout.
 */
export function tfjsPaperTask(initial: Classifier, train: Digits, options: DigitsRunOptions, dropout = true) {
  const { sizes, batchSize, learningRate, momentum, maxNorm, seed } = options;
  const x = tf.tensor2d(
    Float32Array.from(train.pixels, (v) => v / 255),
    [train.count, DIGIT_PIXELS],
  );
  const y = tf.oneHot(tf.tensor1d(Int32Array.from(train.labels), 'int32'), sizes.at(-1)!);
  const weights = sizes.slice(1).map((n, l) => tf.variable(tf.tensor2d(initial.weights(l).slice(), [sizes[l]!, n])));
  const biases = sizes.slice(1).map((_, l) => tf.variable(tf.tensor1d(initial.biases(l).slice())));
  const optimizer = tf.train.momentum(learningRate, momentum);
  const batches = Math.ceil(train.count / batchSize);
  let epoch = 0;
  let batch = 0;
  let order = tf.tensor1d(Int32Array.from(epochOrder(seed, 0, train.count)), 'int32');

  const loss = (input: tf.Tensor2D, labels: tf.Tensor2D): tf.Scalar => {
    let h = dropout ? (tf.dropout(input, options.dropout.input) as tf.Tensor2D) : input;
    for (let l = 0; l < weights.length; l++) {
      const z = tf.add(tf.matMul(h, weights[l]!), biases[l]!) as tf.Tensor2D;
      if (l === weights.length - 1) return tf.losses.softmaxCrossEntropy(labels, z) as tf.Scalar;
      h = tf.relu(z);
      if (dropout) h = tf.dropout(h, options.dropout.hidden) as tf.Tensor2D;
    }
    throw new Error('unreachable: the last layer returns');
  };

  const step = (): number => {
    const value = tf.tidy(() => {
      const size = Math.min(batchSize, train.count - batch * batchSize);
      const indices = order.slice(batch * batchSize, size);
      const [input, labels] = [tf.gather(x, indices) as tf.Tensor2D, tf.gather(y, indices) as tf.Tensor2D];
      const cost = optimizer.minimize(() => loss(input, labels), true)!;
      for (const w of weights) {
        const norms = tf.sqrt(tf.sum(tf.square(w), 0));
        w.assign(tf.mul(w, tf.minimum(1, tf.div(maxNorm, tf.maximum(norms, 1e-12)))));
      }
      return cost;
    });
    batch++;
    if (batch === batches) {
      batch = 0;
      epoch++;
      order.dispose();
      order = tf.tensor1d(Int32Array.from(epochOrder(seed, epoch, train.count)), 'int32');
    }
    const result = value.dataSync()[0]!;
    value.dispose();
    return result;
  };

  return {
    step: () => void step(),
    /** one epoch; returns its mean loss per minibatch */
    trainEpoch: () => {
      let total = 0;
      for (let b = 0; b < batches; b++) total += step();
      return total / batches;
    },
    sync: () => weights[0]!.dataSync(),
  };
}
