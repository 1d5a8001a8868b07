import { formatNumber } from '../lib/format.ts';
import type { Specs, ValuesOf } from '../lib/url-state.ts';
import type { LayerFacts } from './expected-value-state.ts';

/** The side-by-side simulation's parameters, as they appear in the URL under `scaling.`. */
export const SCALING_SPECS = {
  p: { kind: 'number', label: 'drop probability p', min: 0.05, max: 0.9, step: 0.05 },
  seed: { kind: 'number', label: 'seed', min: 0, max: 4294967295, step: 1 },
} as const satisfies Specs;

export type ScalingState = ValuesOf<typeof SCALING_SPECS>;

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
