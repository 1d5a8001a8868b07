/**
 * `npm run bench -- conv`: one training step of the spatial-dropout network (src/sim/conv, the
 * simulation's shape) on a minibatch of real digits, in Dropout Lab's network and in TensorFlow.js
 * (CPU and WASM backends) in this process, with the same initial weights and digits. Prints steps
 * per second and the ratios.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readMnistPackage } from '../../src/data/mnist-source.ts';
import { ConvNetwork } from '../../src/sim/conv/network.ts';
import type { ConvDropout } from '../../src/sim/conv/shape.ts';
import { SPATIAL_LESSON_P, SPATIAL_SETUP } from '../../src/sim/conv/spatial-setup.ts';
import { firstDigits, splitDigits } from '../../src/sim/digits/split.ts';
import { Stream, streamRng } from '../../src/sim/random.ts';
import { median, stepsPerSecond } from './measure.ts';
import { tfjsConvTask } from './tfjs-conv-task.ts';

const STEPS = 40;
const REPEATS = 5;
const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);

/** Our step: forward with a fresh mask, backward, momentum update, on the loaded minibatch. */
function ourTask(network: ConvNetwork, dropout: ConvDropout, p: number) {
  const masks = streamRng(1, Stream.mask);
  const update = { learningRate: SPATIAL_SETUP.learningRate, momentum: SPATIAL_SETUP.momentum };
  return () => {
    network.forward(dropout, p, masks);
    network.backward();
    network.step(update);
  };
}

export async function convBenchmark(): Promise<void> {
  const { channels, batchSize } = SPATIAL_SETUP;
  const p = SPATIAL_LESSON_P;
  console.log(
    `\nconvolutional step: ${batchSize} digits, conv 3×3 × ${channels} → ReLU → dropout p = ${p} → max-pool 2×2 → dense 10, softmax, momentum SGD\n`,
  );
  const batch = firstDigits(splitDigits(await readMnistPackage()).train, batchSize);
  for (const dropout of ['element', 'channel'] as const) {
    const shape = { side: 28, channels, classes: 10, maxBatch: batchSize, precision: 'float32' } as const;
    const network = new ConvNetwork(shape);
    network.initialize(streamRng(1, Stream.init));
    const peers = [] as { name: string; backend: string; step: () => void; sync: () => unknown }[];
    for (const backend of ['cpu', 'wasm'] as const) {
      await tf.setBackend(backend);
      peers.push({ name: `tfjs-core, ${backend} backend`, backend, ...tfjsConvTask(network, batch, dropout, p) });
    }
    network.loadDigits(batch, null, 0, batchSize);
    const mine = ourTask(network, dropout, p);
    const rates = { ours: [] as number[], peers: peers.map(() => [] as number[]) };
    // Interleaved, so machine noise falls on every contender alike.
    for (let round = 0; round < 3; round++) {
      rates.ours.push(stepsPerSecond(mine, STEPS, REPEATS, 10));
      for (const [i, peer] of peers.entries()) {
        await tf.setBackend(peer.backend);
        rates.peers[i]!.push(stepsPerSecond(peer.step, STEPS, REPEATS, 10));
        peer.sync();
      }
    }
    const ours = median(rates.ours);
    console.log(`${dropout} dropout: training steps per second (median)      ours ÷ peer`);
    console.log(`  dropout-lab              ${fmt(ours)}`);
    peers.forEach((peer, i) => {
      const value = median(rates.peers[i]!);
      console.log(`  ${peer.name.padEnd(24)} ${fmt(value)}        ${fmt(ours / value, 2)}×`);
    });
  }
}
