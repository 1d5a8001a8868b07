/**
 * `node scripts/conv/spatial-dropout.ts [digits] [epochs] [seeds] [p] [channels]`: trains the
 * convolutional network of src/sim/conv on the first `digits` training digits of the course's
 * split (default 2000) for `epochs` epochs (10), once per dropout (none, element-wise,
 * channel-wise at drop probability p, default 0.3), paired (same initial weights and minibatch
 * order), for seeds 1 … `seeds` (3), with `channels` feature maps (8), and prints each run's
 * validation error on the split's 1,000 validation digits. For the first seed it also prints, on
 * the trained network without dropout, the correlation of neighbouring activations of its feature
 * maps and how well a dropped activation is predicted from its kept neighbours under element-wise
 * and channel masks. Prints only; writes nothing.
 */
import { readMnistPackage } from '../../src/data/mnist-source.ts';
import { evaluateDigits } from '../../src/sim/classifier/evaluation.ts';
import { fillChannelMask, fillElementMask, mapValues } from '../../src/sim/conv/masks.ts';
import { holePrediction, neighbourCorrelation } from '../../src/sim/conv/neighbours.ts';
import type { ConvNetwork } from '../../src/sim/conv/network.ts';
import { pairedConvRuns } from '../../src/sim/conv/run.ts';
import { CONV_DROPOUTS, type ConvDropout } from '../../src/sim/conv/shape.ts';
import { Stream, streamRng } from '../../src/sim/random.ts';
import { firstDigits, splitDigits } from '../../src/sim/digits/split.ts';
import type { Digits } from '../../src/sim/digits/digits.ts';

const [digits = 2000, epochs = 10, seeds = 3, p = 0.3, channels = 8] = process.argv.slice(2).map(Number);
const BATCH = 50;

/** The mean over channels of a per-channel measure, leaving out channels where it is NaN (maps that never fire). */
function channelMean(channels: number, measure: (channel: number) => number): { mean: number; channels: number } {
  const values = Array.from({ length: channels }, (_, c) => measure(c)).filter((v) => !Number.isNaN(v));
  return { mean: values.reduce((s, v) => s + v, 0) / values.length, channels: values.length };
}

/** Neighbour correlation and hole prediction on the ReLU maps of the first BATCH validation digits. */
function featureMeasures(network: ConvNetwork, validation: Digits, seed: number): void {
  network.loadDigits(validation, null, 0, BATCH);
  network.forward();
  const { maps } = network.workspace;
  const layout = network.layout;
  const { channels } = layout;
  const correlations = {
    horizontal: channelMean(channels, (c) => neighbourCorrelation(maps, layout, c).horizontal),
    vertical: channelMean(channels, (c) => neighbourCorrelation(maps, layout, c).vertical),
  };
  console.log(
    `neighbour correlation of ReLU maps (mean over ${correlations.horizontal.channels} live channels): horizontal ${correlations.horizontal.mean.toFixed(3)}, vertical ${correlations.vertical.mean.toFixed(3)}`,
  );
  const rng = streamRng(seed, Stream.mask);
  const element = new Uint8Array(mapValues(layout));
  fillElementMask(element, layout, 1 - p, rng);
  const channel = new Uint8Array(mapValues(layout));
  fillChannelMask(channel, new Uint8Array(BATCH * channels), layout, 1 - p, rng);
  for (const [name, mask] of [
    ['element-wise', element],
    ['channel', channel],
  ] as const) {
    const r2 = channelMean(channels, (c) => holePrediction(maps, mask, layout, c).r2);
    const error = channelMean(channels, (c) => holePrediction(maps, mask, layout, c).relativeError);
    const predictable = channelMean(channels, (c) => {
      const result = holePrediction(maps, mask, layout, c);
      return result.predictable / result.holes;
    });
    console.log(
      `${name} holes at p = ${p}: R² ${r2.mean.toFixed(3)}, relative error ${error.mean.toFixed(3)}, predictable ${(100 * predictable.mean).toFixed(1)} % (mean over ${r2.channels} channels)`,
    );
  }
}

const split = splitDigits(await readMnistPackage());
const train = firstDigits(split.train, digits);
console.log(
  `${digits} training digits, ${epochs} epochs, ${channels} channels, p = ${p}, batch ${BATCH}, η 0.05, μ 0.9`,
);
const errors: Record<ConvDropout, number[]> = { none: [], element: [], channel: [] };
for (let seed = 1; seed <= seeds; seed++) {
  const runs = pairedConvRuns({ channels, p, batchSize: BATCH, learningRate: 0.05, momentum: 0.9, seed }, train);
  const line = CONV_DROPOUTS.map((dropout) => {
    const run = runs[dropout];
    let loss = Number.NaN;
    for (let e = 0; e < epochs; e++) loss = run.trainEpoch();
    const { error } = evaluateDigits(run.network, split.validation);
    errors[dropout].push(error);
    return `${dropout} ${(100 * error).toFixed(1)} % (last training loss ${loss.toFixed(3)})`;
  });
  console.log(`seed ${seed}: validation error ${line.join(', ')}`);
  if (seed === 1) featureMeasures(runs.none.network, split.validation, seed);
}
for (const dropout of CONV_DROPOUTS) {
  const list = errors[dropout];
  console.log(
    `${dropout}: mean validation error ${((100 * list.reduce((s, v) => s + v, 0)) / list.length).toFixed(2)} %`,
  );
}
