import { formatNumber } from '../lib/format.ts';
import type { Specs, ValuesOf } from '../lib/url-state.ts';

/** The effective-learning-rate simulation's parameters, as they appear in the URL under `rate.`. */
export const RATE_SPECS = {
  p: { kind: 'number', label: 'drop probability p', min: 0.05, max: 0.9, step: 0.05 },
  seed: { kind: 'number', label: 'seed', min: 0, max: 4294967295, step: 1 },
} as const satisfies Specs;

export type RateState = ValuesOf<typeof RATE_SPECS>;

/** Learning rate η and target of the one-step comparison. */
export const RATE_FIXED = { rate: 0.05, target: 0 } as const;

/** Ratio of the two schemes' weight steps over the kept units (all equal in exact arithmetic). */
export function stepRatio(classic: Float64Array, inverted: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let j = 0; j < classic.length; j++) {
    num += Math.abs(inverted[j] ?? 0);
    den += Math.abs(classic[j] ?? 0);
  }
  return den > 0 ? num / den : Number.NaN;
}

/** The sentences that say what the chart shows. */
export function describeRate(p: number, ratio: number, kept: number, units: number): string {
  const q = 1 - p;
  return (
    `At p = ${formatNumber(p)}, ${kept} of ${units} units kept: one step of inverted dropout moves each kept unit's ` +
    `test-network weight ${formatNumber(ratio, 3)} times as far as classic dropout at the same learning rate; ` +
    `1/q² = ${formatNumber(1 / (q * q), 3)}. Dropped units do not move in either.`
  );
}
