/**
 * A classifier's softmax output over n classes, for `batch` examples of logits z ([batch][n],
 * float32) and labels 0…n − 1. Computed in double precision and stored in float32; the same code
 * serves both kernel sets, so their outputs agree bit for bit as their logits do. The convolutional
 * network (src/sim/conv) uses it too, with float32 or float64 arrays.
 */

/** Logits, probabilities or deltas, [batch][n], in either precision. */
type Floats = Float32Array | Float64Array;

/**
 * p = softmax(z) per example, computed as e^{z − max z} / Σ e^{z − max z}, so that no
 * exponential overflows whatever the logits.
 */
export function softmax(z: Floats, probabilities: Floats, batch: number, n: number): void {
  for (let e = 0; e < batch; e++) {
    const row = e * n;
    const top = rowMax(z, row, n);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += Math.exp(z[row + k]! - top);
    for (let k = 0; k < n; k++) probabilities[row + k] = Math.exp(z[row + k]! - top) / sum;
  }
}

/**
 * The mean cross-entropy −log p_label over the batch, from the logits as log Σ e^{z − max z}
 * − (z_label − max z): no probability is rounded to 0 on the way, so no logarithm needs a clamp.
 */
export function crossEntropy(z: Floats, labels: Uint8Array, batch: number, n: number): number {
  let total = 0;
  for (let e = 0; e < batch; e++) {
    const row = e * n;
    const top = rowMax(z, row, n);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += Math.exp(z[row + k]! - top);
    total += Math.log(sum) - (z[row + labels[e]!]! - top);
  }
  return total / batch;
}

/** δ = ∂(mean cross-entropy)/∂z = (p − onehot(label)) / batch. */
export function outputDeltas(probabilities: Floats, labels: Uint8Array, delta: Floats, batch: number, n: number): void {
  for (let e = 0; e < batch; e++) {
    const row = e * n;
    for (let k = 0; k < n; k++) delta[row + k] = (probabilities[row + k]! - Number(k === labels[e])) / batch;
  }
}

/** The class with the highest score of row `e` of `scores` ([rows][n]); the first of a tie. */
export function predictedClass(scores: ArrayLike<number>, e: number, n: number): number {
  const row = e * n;
  let best = 0;
  for (let k = 1; k < n; k++) if (scores[row + k]! > scores[row + best]!) best = k;
  return best;
}

/** How many of the batch's examples the scores (logits or probabilities) put in the wrong class. */
export function misclassified(scores: ArrayLike<number>, labels: Uint8Array, batch: number, n: number): number {
  let wrong = 0;
  for (let e = 0; e < batch; e++) wrong += Number(predictedClass(scores, e, n) !== labels[e]);
  return wrong;
}

function rowMax(z: Floats, row: number, n: number): number {
  let top = z[row]!;
  for (let k = 1; k < n; k++) top = Math.max(top, z[row + k]!);
  return top;
}
