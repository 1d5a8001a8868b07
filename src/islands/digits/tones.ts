/** What the digits lab's figures share: each arm's tone, errors in percent, and a run's name. */
import type { Arm } from '../../sim/digits/experiments/points.ts';
import type { LiveRun } from './live-runs.svelte.ts';

/** Each arm's tone (src/styles/charts.css): dropout orange, no dropout blue, as in the training lab. */
export const TONES: Record<Arm, string> = { dropout: 'tone-1', plain: 'tone-2' };

/** Fractions as percentages, for a chart's axis in %. */
export function percents(fractions: ArrayLike<number>): Float64Array {
  return Float64Array.from(fractions, (f) => f * 100);
}

/** A learner's run as a legend names it: "seed 3, 512 hidden units". */
export function runName(runs: readonly LiveRun[]): string {
  const point = runs[0]?.point;
  return point ? `seed ${point.seed}, ${point.hidden} hidden units` : '';
}
