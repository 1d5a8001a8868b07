import { parentPort, workerData } from 'node:worker_threads';
import { stepsPerSecond } from './measure.ts';
import { ours } from './reference-task.ts';

/**
 * Measures the reference training step in a fresh isolate, after detaching one unrelated
 * ArrayBuffer (by transferring it) when `workerData.detach` is set.
 */
const { detach, steps, repeats } = workerData as { detach: boolean; steps: number; repeats: number };
if (detach) transferAway();
const task = ours();
parentPort?.postMessage(stepsPerSecond(task.step, steps, repeats));

function transferAway(): void {
  const buffer = new ArrayBuffer(8);
  structuredClone(buffer, { transfer: [buffer] });
  if (buffer.byteLength !== 0) throw new Error('the buffer was not detached');
}
