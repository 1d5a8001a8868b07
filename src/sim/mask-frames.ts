/**
 * The masks the course home's figure shows: one dropout mask per training step over a small
 * network's hidden layers, each step's drawn from its own generator, so step k looks the same on
 * the server (the picture without JavaScript) and in every browser, and steps can be shown in
 * any order.
 */
import { epochRng } from './random.ts';

/** One step's mask: per hidden layer, whether each unit is dropped. */
export type MaskFrame = readonly (readonly boolean[])[];

/** The masks of step `step` (0, 1, …) of `seed`: each unit of each hidden layer dropped with probability `p`. */
export function maskFrame(seed: number, step: number, hidden: readonly number[], p: number): MaskFrame {
  const rng = epochRng(seed, step);
  return hidden.map((units) => Array.from({ length: units }, () => rng.bernoulli(p)));
}

/** How many units a frame drops. */
export function droppedCount(frame: MaskFrame): number {
  return frame.reduce((sum, layer) => sum + layer.filter(Boolean).length, 0);
}
