/**
 * `npm run bench`: the reference training task of DESIGN.md in Dropout Lab's network and in
 * TensorFlow.js (CPU and WASM backends) in this one process, the cost of a detached buffer on
 * typed-array loops, and the dropout paper's digit task in Dropout Lab's classifier against
 * TensorFlow.js (paper-bench.ts). Prints medians and ratios; not part of the tests.
 * The main-thread section (main-thread-bench.ts) records the long tasks of the built site's pages in
 * Chromium while their simulations work.
 * The convolutional section (conv-bench.ts) times a training step of the spatial-dropout network.
 * The Lighthouse section (lighthouse-bench.ts) scores four routes of the built site, mobile and desktop.
 * `npm run bench -- reference`, `-- paper`, `-- conv`, `-- main-thread` or `-- lighthouse` runs one section; `-- full` times TensorFlow.js
 * through the whole paired run of the paper task (two minutes more) instead of a fifth of it.
 */
import { cpus } from 'node:os';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
// The union package registers tfjs-core's gradients, which its CommonJS build leaves out.
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { convBenchmark } from './conv-bench.ts';
import { lighthouseBenchmark } from './lighthouse-bench.ts';
import { mainThreadBenchmark } from './main-thread-bench.ts';
import { median, milliseconds, stepsPerSecond } from './measure.ts';
import { paperBenchmark } from './paper-bench.ts';
import { ours } from './reference-task.ts';
import { tfjsTask } from './tfjs-task.ts';

const STEPS = 200;
const REPEATS = 7;
const GRID_REPEATS = 15;

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);

async function main(): Promise<void> {
  const full = process.argv.includes('full');
  const sections = process.argv.slice(2).filter((name) => name !== 'full');
  const unknown = sections.filter(
    (name) => !['reference', 'paper', 'conv', 'main-thread', 'lighthouse'].includes(name),
  );
  if (unknown.length > 0)
    throw new Error(
      `npm run bench -- [reference] [paper] [conv] [main-thread] [lighthouse] [full]: no section ${unknown.join(', ')}`,
    );
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`);
  const require = createRequire(import.meta.url);
  setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
  await tf.setBackend('wasm');
  const [simd, threads] = await Promise.all(
    ['WASM_HAS_SIMD_SUPPORT', 'WASM_HAS_MULTITHREAD_SUPPORT'].map((flag) => tf.env().getAsync(flag)),
  );
  console.log(
    `tfjs ${tf.version_core}, wasm backend: SIMD ${simd ? 'on' : 'off'}, ${threads ? 'multithreaded' : 'one thread'}`,
  );
  if (sections.length === 0 || sections.includes('reference')) await referenceBenchmark();
  if (sections.length === 0 || sections.includes('paper')) await paperBenchmark(full);
  if (sections.length === 0 || sections.includes('conv')) await convBenchmark();
  if (sections.length === 0 || sections.includes('main-thread')) await mainThreadBenchmark();
  if (sections.length === 0 || sections.includes('lighthouse')) await lighthouseBenchmark();
}

async function referenceBenchmark(): Promise<void> {
  console.log(
    '\nreference task: 200 two-moons points, 2→64→64→1 tanh, inverted dropout p = 0.5, full-batch GD lr 0.1\n',
  );

  const mine = ours();
  const initial = mine.trainer.network;
  const peers: { name: string; task: ReturnType<typeof tfjsTask> }[] = [];
  await tf.setBackend('cpu');
  peers.push({ name: 'tfjs-core, cpu backend', task: tfjsTask(initial) });
  await tf.setBackend('wasm');
  peers.push({ name: 'tfjs-core, wasm backend', task: tfjsTask(initial) });

  // Interleave the measurements so machine noise falls on every contender alike.
  const steps = {
    ours: [] as number[],
    javaScript: [] as number[],
    plain: [] as number[],
    plainJavaScript: [] as number[],
    peers: peers.map(() => [] as number[]),
  };
  const grids = { ours: [] as number[], float64: [] as number[], peers: peers.map(() => [] as number[]) };
  const fresh = ours();
  for (let round = 0; round < 3; round++) {
    steps.ours.push(stepsPerSecond(fresh.step, STEPS, REPEATS));
    steps.javaScript.push(stepsPerSecond(fresh.stepJavaScript, STEPS, REPEATS));
    steps.plain.push(stepsPerSecond(fresh.stepWithoutDropout, STEPS, REPEATS));
    steps.plainJavaScript.push(stepsPerSecond(fresh.stepWithoutDropoutJavaScript, STEPS, REPEATS));
    grids.ours.push(milliseconds(fresh.evaluateGrid, GRID_REPEATS));
    grids.float64.push(milliseconds(fresh.evaluateGridFloat64, GRID_REPEATS));
    for (const [i, peer] of peers.entries()) {
      await tf.setBackend(i === 0 ? 'cpu' : 'wasm');
      steps.peers[i]!.push(stepsPerSecond(peer.task.step, STEPS, REPEATS));
      peer.task.sync();
      grids.peers[i]!.push(milliseconds(peer.task.evaluateGrid, GRID_REPEATS));
    }
  }
  const ourSteps = median(steps.ours);
  const ourGrid = median(grids.ours);
  console.log('training steps per second (median)                  ours ÷ peer');
  console.log(`  dropout-lab              ${fmt(ourSteps)}`);
  const javaScript = median(steps.javaScript);
  console.log(`  dropout-lab, JavaScript  ${fmt(javaScript)}        ${fmt(ourSteps / javaScript, 2)}×`);
  peers.forEach((peer, i) => {
    const value = median(steps.peers[i]!);
    console.log(`  ${peer.name.padEnd(24)} ${fmt(value)}        ${fmt(ourSteps / value, 2)}×`);
  });
  const plain = median(steps.plain);
  const plainJavaScript = median(steps.plainJavaScript);
  console.log('\nwithout dropout (the paired run of the lab), steps per second      ours ÷ JavaScript');
  console.log(`  dropout-lab              ${fmt(plain)}`);
  console.log(`  dropout-lab, JavaScript  ${fmt(plainJavaScript)}        ${fmt(plain / plainJavaScript, 2)}×`);
  console.log('\n100 × 100 decision grid, milliseconds (median)     peer ÷ ours');
  console.log(`  dropout-lab              ${fmt(ourGrid, 2)}`);
  const float64 = median(grids.float64);
  console.log(`  dropout-lab, Float64     ${fmt(float64, 2)}        ${fmt(float64 / ourGrid, 2)}×`);
  peers.forEach((peer, i) => {
    const value = median(grids.peers[i]!);
    console.log(`  ${peer.name.padEnd(24)} ${fmt(value, 2)}        ${fmt(value / ourGrid, 2)}×`);
  });

  const withDetach: number[] = [];
  const without: number[] = [];
  for (let round = 0; round < 3; round++) {
    without.push(await inWorker(false));
    withDetach.push(await inWorker(true));
  }
  const ratio = median(withDetach) / median(without);
  console.log(
    `\ndetached buffer: training steps per second in an isolate that has detached a buffer, ÷ one that has not: ${ratio.toFixed(2)}×`,
  );
}

function inWorker(detach: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./detach-worker.ts', import.meta.url), {
      workerData: { detach, steps: STEPS, repeats: REPEATS },
    });
    worker.once('message', (rate: number) => {
      resolve(rate);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

await main();
