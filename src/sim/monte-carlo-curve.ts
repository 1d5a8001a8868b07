import { makeDataset, type Dataset } from './datasets.ts';
import { predictMonteCarlo } from './monte-carlo.ts';
import { streamRng, Stream } from './random.ts';
import { Trainer, type TrainingConfig } from './train.ts';

/** What the Monte Carlo dropout picture is drawn from. */
export interface McCurveSettings {
  /** drop probability of both hidden layers, in training and in the stochastic passes */
  p: number;
  /** stochastic forward passes T */
  passes: number;
  /** training epochs before predicting */
  epochs: number;
  /** training points of the noisy 1-D regression, all in x ∈ [−1, 1] */
  trainSize: number;
  seed: number;
}

/** The inputs the curve is drawn over: x from −2 to 2, twice the data's range, so the band can widen outside it. */
export function curveInputs(points: number): Float64Array {
  return Float64Array.from({ length: points }, (_, i) => -2 + (4 * i) / (points - 1));
}

/** The network trained for the picture: 1 → 64 → 64 → 1, ReLU, squared error, inverted dropout. */
export function mcTrainingConfig({ p, seed }: McCurveSettings): TrainingConfig {
  return {
    shape: { sizes: [1, 64, 64, 1], activation: 'relu', output: 'linear-mse' },
    dropout: { mode: 'inverted', p: [0, p, p] },
    schedule: { kind: 'constant' },
    update: { learningRate: 0.02, momentum: 0.9, maxNorm: 0 },
    l2: 0,
    batchSize: 10,
    seed,
  };
}

/** The Monte Carlo dropout picture: per x, the test network's prediction and the mean and SD of T stochastic passes. */
export interface McPicture {
  xs: Float64Array;
  deterministic: Float64Array;
  mean: Float64Array;
  sd: Float64Array;
  /** the training points */
  trainX: Float64Array;
  trainY: Float64Array;
}

/** The band the picture draws: the Monte Carlo mean ± 2 standard deviations, per x. */
export function mcBand({ mean, sd }: Pick<McPicture, 'mean' | 'sd'>): { lows: Float64Array; highs: Float64Array } {
  return {
    lows: mean.map((m, i) => m - 2 * (sd[i] ?? 0)),
    highs: mean.map((m, i) => m + 2 * (sd[i] ?? 0)),
  };
}

/**
 * Trains the regression network with dropout, then predicts at `xs` twice: with the
 * deterministic test network, and as the mean and standard deviation of `passes` passes
 * with dropout left on (Monte Carlo dropout).
 */
export function monteCarloCurve(settings: McCurveSettings, xs: Float64Array) {
  const { train } = makeDataset({
    kind: 'regression',
    trainSize: settings.trainSize,
    validationSize: 1,
    noise: 0.1,
    seed: settings.seed,
  });
  const config = mcTrainingConfig(settings);
  const trainer = new Trainer(config, train);
  for (let e = 0; e < settings.epochs; e++) trainer.trainEpoch();
  const { network } = trainer;
  const mean = new Float64Array(xs.length);
  const variance = new Float64Array(xs.length);
  const deterministic = new Float64Array(xs.length);
  const rng = streamRng(settings.seed, Stream.mask);
  const chunk = network.shape.maxBatch;
  for (let start = 0; start < xs.length; start += chunk) {
    const end = Math.min(xs.length, start + chunk);
    const inputs = xs.subarray(start, end);
    network.forward(inputs, end - start, false, config.dropout, rng);
    deterministic.set(network.activations[network.layers]!.subarray(0, end - start), start);
    predictMonteCarlo(
      network,
      inputs,
      end - start,
      config.dropout,
      settings.passes,
      rng,
      mean.subarray(start, end),
      variance.subarray(start, end),
    );
  }
  const sd = variance.map(Math.sqrt);
  return { train: train satisfies Dataset, mean, sd, deterministic };
}
