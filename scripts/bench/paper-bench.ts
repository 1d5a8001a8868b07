import * as tf from '@tensorflow/tfjs-core';
import { median, stepsPerSecond } from './measure.ts';
import { ours, oursPaired, PAIRED_EPOCHS, paperOptions, trainingDigits, TRAINING_DIGITS } from './paper-task.ts';
import { tfjsPaperTask } from './tfjs-paper-task.ts';

/**
 * The paper task of paper-task.ts in Dropout Lab's classifier and in TensorFlow.js (WASM and CPU
 * backends, registered and located by bench.ts), in this process: one training step at H = 256
 * (medians of interleaved rounds), the step at H = 512 and 1024 against WASM, and the full paired
 * run against WASM, once, epoch by epoch in turn. TensorFlow.js takes about two minutes for the
 * paired run, so by default it trains one epoch in five and its time is scaled up (its dense passes
 * cost the same in every epoch); `full` times all of them. Prints rates and ratios.
 */

const ROUNDS = 3;
const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);

/** Steps per second of `step`: the median of `repeats` runs of `steps` steps, after as many to warm up. */
const rate = (step: () => void, steps: number, repeats = 5) => stepsPerSecond(step, steps, repeats);

export async function paperBenchmark(full: boolean): Promise<void> {
  const train = await trainingDigits();
  console.log(
    `\npaper task: ${TRAINING_DIGITS} mnist digits, 784→H→H→10 ReLU, softmax, minibatch 100, inverted dropout 0.2 inputs / 0.5 hidden,`,
  );
  console.log('SGD lr 0.05 momentum 0.9, max-norm 3; one step = one minibatch\n');

  const wasm = ours(train, 256);
  const javaScript = ours(train, 256, 'javascript');
  const initial = wasm.run.classifier;
  await tf.setBackend('cpu');
  const cpu = tfjsPaperTask(initial, train, paperOptions(256));
  await tf.setBackend('wasm');
  const tfWasm = tfjsPaperTask(initial, train, paperOptions(256));
  const steps = { wasm: [] as number[], javaScript: [] as number[], cpu: [] as number[], tfWasm: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    steps.wasm.push(rate(wasm.step, 60));
    steps.javaScript.push(rate(javaScript.step, 10));
    await tf.setBackend('wasm');
    steps.tfWasm.push(rate(tfWasm.step, 8));
    await tf.setBackend('cpu');
    steps.cpu.push(rate(cpu.step, 2));
  }
  const ourRate = median(steps.wasm);
  console.log('H = 256, training steps per second (median)          ours ÷ peer');
  console.log(`  dropout-lab              ${fmt(ourRate)}`);
  const rows: [string, number[]][] = [
    ['dropout-lab, JavaScript', steps.javaScript],
    ['tfjs-core, cpu backend', steps.cpu],
    ['tfjs-core, wasm backend', steps.tfWasm],
  ];
  for (const [name, values] of rows) {
    console.log(`  ${name.padEnd(24)} ${fmt(median(values))}        ${fmt(ourRate / median(values), 2)}×`);
  }
  console.log(`  the JavaScript kernels ÷ tfjs wasm: ${(median(steps.javaScript) / median(steps.tfWasm)).toFixed(2)}×`);
  const { classifier } = wasm.run;
  const live = [0, 1, 2].map((l) => (classifier.liveCount(l) / classifier.batch).toFixed(0));
  console.log(
    `  units that sent something in the last batch, per digit: ${live[0]} of 784 inputs, ${live[1]} and ${live[2]} of 256 hidden`,
  );

  await tf.setBackend('wasm');
  console.log('\nwider hidden layers, steps per second (median of 2)   ours   tfjs wasm   ours ÷ wasm');
  for (const hidden of [512, 1024]) {
    const mine = ours(train, hidden);
    const theirs = tfjsPaperTask(mine.run.classifier, train, paperOptions(hidden));
    const [a, b]: [number[], number[]] = [[], []];
    for (let round = 0; round < 2; round++) {
      a.push(rate(mine.step, 20));
      b.push(rate(theirs.step, 2, 3));
    }
    console.log(
      `  H = ${String(hidden).padEnd(46)}${fmt(median(a))} ${fmt(median(b))}   ${fmt(median(a) / median(b), 2)}×`,
    );
  }

  console.log(`\npaired run: both arms, ${PAIRED_EPOCHS} epochs of ${TRAINING_DIGITS} digits each, H = 256 (once)`);
  const mine = oursPaired(train);
  const arms = [true, false].map((dropout) =>
    tfjsPaperTask(ours(train, 256).run.classifier, train, paperOptions(256), dropout),
  );
  const tfLosses = [0, 0];
  // Epoch by epoch in turn, so that machine noise falls on both alike; TensorFlow.js trains
  // every epoch in `full`, else one in five, spread over the run.
  const every = full ? 1 : 5;
  const milliseconds = { ours: 0, tfjs: 0 };
  for (let epoch = 0; epoch < PAIRED_EPOCHS; epoch++) {
    const start = performance.now();
    mine.trainEpoch();
    const middle = performance.now();
    if (epoch % every === 0) arms.forEach((arm, i) => (tfLosses[i] = arm.trainEpoch()));
    milliseconds.ours += middle - start;
    milliseconds.tfjs += performance.now() - middle;
  }
  const tfjs = milliseconds.tfjs * every;
  const timed = full ? '' : ` (${PAIRED_EPOCHS / every} epochs timed, × ${every})`;
  console.log(`  dropout-lab              ${fmt(milliseconds.ours / 1000, 2)} s`);
  console.log(
    `  tfjs-core, wasm backend  ${fmt(tfjs / 1000, 2)} s        ${fmt(tfjs / milliseconds.ours, 2)}× ours${timed}`,
  );
  const losses = (pair: number[]) => pair.map((loss) => loss.toFixed(3)).join(' / ');
  console.log(`  last epoch's training loss with / without dropout: ours ${losses(mine.losses())}`);
  if (full) console.log(`  and in tfjs: ${losses(tfLosses)}`);
}
