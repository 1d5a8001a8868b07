import type { DropoutSettings, Network } from './network.ts';
import type { Rng } from './random.ts';

/**
 * Monte Carlo dropout: keeps dropout on at prediction time and runs `passes` stochastic
 * forward passes, each with fresh masks, writing the per-output mean and variance of the
 * predictions of `batch` examples into `mean` and `variance` ([batch][n_out]).
 * Masks use inverted scaling (Gaussian noise for the Gaussian mode), so each pass's
 * expected output matches the deterministic test network whatever the training mode.
 */
export function predictMonteCarlo(
  network: Network,
  inputs: Float64Array,
  batch: number,
  dropout: DropoutSettings,
  passes: number,
  rng: Rng,
  mean: Float64Array,
  variance: Float64Array,
): void {
  if (!Number.isInteger(passes) || passes < 1) throw new RangeError(`passes must be a whole number ≥ 1, got ${passes}`);
  const count = batch * (network.shape.sizes[network.layers] ?? 0);
  mean.fill(0, 0, count);
  variance.fill(0, 0, count);
  const predictions = network.activations[network.layers]!;
  const stochastic: DropoutSettings = { mode: dropout.mode === 'gaussian' ? 'gaussian' : 'inverted', p: dropout.p };
  // Welford's running mean and sum of squared deviations, per output
  for (let t = 1; t <= passes; t++) {
    network.forward(inputs, batch, true, stochastic, rng);
    for (let k = 0; k < count; k++) {
      const value = predictions[k]!;
      const delta = value - mean[k]!;
      mean[k]! += delta / t;
      variance[k]! += delta * (value - mean[k]!);
    }
  }
  for (let k = 0; k < count; k++) variance[k] = passes > 1 ? variance[k]! / (passes - 1) : 0;
}
