import * as tf from '@tensorflow/tfjs-core';
import type { ConvNetwork } from '../../src/sim/conv/network.ts';
import type { ConvDropout } from '../../src/sim/conv/shape.ts';
import { DIGIT_PIXELS, DIGIT_SIDE, type Digits } from '../../src/sim/digits/digits.ts';

/**
 * One training step of the spatial-dropout network in TensorFlow.js, on whichever backend is
 * active: the same initial weights (copied from `initial`), the same minibatch of digits, conv 3×3
 * 'same' → ReLU → inverted dropout (tf.dropout; whole channels by its noise shape) → max-pool 2×2 →
 * dense → softmax cross-entropy, SGD with momentum, in float32. The WASM backend has no kernel for
 * a 2-D convolution's filter gradient, so the convolution is a 3-D one over a depth of 1, whose
 * gradients it has: the same arithmetic.
 */
export function tfjsConvTask(initial: ConvNetwork, batch: Digits, dropout: ConvDropout, p: number) {
  const { channels, classes } = initial.shape;
  const { parameters } = initial.workspace;
  const side = DIGIT_SIDE;
  const pooled = side / 2;
  const x = tf.tensor5d(
    Float32Array.from(batch.pixels, (v) => v / 255),
    [batch.count, 1, side, side, 1],
  );
  const y = tf.oneHot(tf.tensor1d(Int32Array.from(batch.labels), 'int32'), classes);
  // Ours: kernels [C][1][3][3], dense [C·H·H][K] over maps [C][H][H]; TF: [1][3][3][1][C] and [H·H·C][K].
  const kernels = new Float32Array(9 * channels);
  for (let c = 0; c < channels; c++)
    for (let t = 0; t < 9; t++) kernels[t * channels + c] = parameters.convWeights[c * 9 + t]!;
  const dense = new Float32Array(pooled * pooled * channels * classes);
  for (let c = 0; c < channels; c++)
    for (let s = 0; s < pooled * pooled; s++)
      for (let k = 0; k < classes; k++)
        dense[(s * channels + c) * classes + k] = parameters.denseWeights[(c * pooled * pooled + s) * classes + k]!;
  const w = tf.variable(tf.tensor5d(kernels, [1, 3, 3, 1, channels]));
  const b = tf.variable(tf.tensor1d(Float32Array.from(parameters.convBiases)));
  const v = tf.variable(tf.tensor2d(dense, [pooled * pooled * channels, classes]));
  const c0 = tf.variable(tf.tensor1d(Float32Array.from(parameters.denseBiases)));
  const optimizer = tf.train.momentum(0.05, 0.9);
  const noiseShape = dropout === 'channel' ? [batch.count, 1, 1, channels] : undefined;

  const loss = (): tf.Scalar => {
    const z = tf.add(tf.conv3d(x, w, 1, 'same'), b).reshape([batch.count, side, side, channels]) as tf.Tensor4D;
    let maps: tf.Tensor4D = tf.relu(z);
    if (dropout !== 'none') maps = tf.dropout(maps, p, noiseShape) as tf.Tensor4D;
    const pool = tf.maxPool(maps, 2, 2, 'valid').reshape([batch.count, pooled * pooled * channels]) as tf.Tensor2D;
    return tf.losses.softmaxCrossEntropy(y, tf.add(tf.matMul(pool, v), c0)) as tf.Scalar;
  };

  return {
    step: () => {
      tf.tidy(() => {
        optimizer.minimize(loss, false);
      });
    },
    sync: () => w.dataSync(),
    /** pixels in the minibatch, for the printout */
    pixels: batch.count * DIGIT_PIXELS,
  };
}
