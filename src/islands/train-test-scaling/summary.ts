import { formatNumber } from '../../lib/format.ts';
import type { LayerFacts } from '../../sim/layer-samples.ts';

/** The two pipelines compared, with what each does in training and at test time. */
export const PIPELINES = [
  { mode: 'classic', name: 'Classic dropout', training: 'a ⊙ m', test: 'q · a' },
  { mode: 'inverted', name: 'Inverted dropout', training: 'a ⊙ m / q', test: 'a' },
] as const;

/** What the two test networks compute, and how each compares with its own training mean. */
export function describeScaling(p: number, classic: LayerFacts, inverted: LayerFacts): string {
  const q = 1 - p;
  return (
    `At p = ${formatNumber(p)} (q = ${formatNumber(q)}): classic dropout's training inputs average ` +
    `${formatNumber(classic.exact.mean)} and its test network, scaled by q, computes ${formatNumber(classic.test ?? Number.NaN)}. ` +
    `Inverted dropout's training inputs average ${formatNumber(inverted.exact.mean)} and its test network, unscaled, ` +
    `computes ${formatNumber(inverted.test ?? Number.NaN)}. Each test network matches its own training mean.`
  );
}

/** Masks each pipeline samples, on screen and in print, and bars of each histogram. */
export const PIPELINE_SAMPLES = 20_000;
export const PIPELINE_BINS = 30;
