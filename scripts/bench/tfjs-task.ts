import * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../../src/sim/network.ts';
import { grid, referenceData } from './reference-task.ts';

/**
 * The same reference task in TensorFlow.js, on whichever backend is active: the same
 * initial weights, the same data, inverted dropout (tf.dropout), full-batch SGD.
 */
export function tfjsTask(initial: Network) {
  const { train } = referenceData();
  // TensorFlow.js computes in float32.
  const f32 = (values: Float64Array) => Float32Array.from(values);
  const x = tf.tensor2d(f32(train.inputs), [train.size, 2]);
  const y = tf.tensor2d(f32(train.targets), [train.size, 1]);
  const sizes = initial.shape.sizes;
  const weights = initial.weights.map((w, l) => tf.variable(tf.tensor2d(f32(w), [sizes[l]!, sizes[l + 1]!])));
  const biases = initial.biases.map((b) => tf.variable(tf.tensor1d(f32(b))));
  const optimizer = tf.train.sgd(0.1);
  const gridPoints = tf.tensor2d(f32(grid()), [100 * 100, 2]);

  const logits = (input: tf.Tensor2D, drop: number): tf.Tensor2D => {
    let h: tf.Tensor2D = input;
    for (let l = 0; l < weights.length; l++) {
      const z = tf.add(tf.matMul(h, weights[l]!), biases[l]!) as tf.Tensor2D;
      if (l === weights.length - 1) return z;
      h = tf.tanh(z);
      if (drop > 0) h = tf.dropout(h, drop) as tf.Tensor2D;
    }
    return h;
  };

  return {
    step: () => {
      tf.tidy(() => {
        optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(y, logits(x, 0.5)) as tf.Scalar, false);
      });
    },
    evaluateGrid: () => {
      tf.tidy(() => tf.sigmoid(logits(gridPoints, 0)).dataSync());
    },
    sync: () => weights[0]!.dataSync(),
  };
}
