import { formatNumber, formatPercent } from '../../lib/format.ts';
import { dropCountFacts, type DropCountFacts } from '../../sim/drop-counts.ts';
import type { DropCountState } from './definition.ts';

/** What sampled masks showed, next to the exact facts. */
export interface SampledCounts {
  masks: number;
  mean: number;
  sd: number;
  /** fraction of masks with exactly round(n·p) dropped */
  exactly: number;
  /** fraction of masks within k of n·p */
  within: number;
}

/** Mean, SD and the two fractions of a set of sampled counts. */
export function summarizeCounts(counts: Int32Array, facts: DropCountFacts): SampledCounts {
  let sum = 0;
  let exactly = 0;
  let within = 0;
  for (const c of counts) {
    sum += c;
    if (c === facts.modeCount) exactly++;
    if (Math.abs(c - facts.mean) <= facts.radius + 1e-9) within++;
  }
  const mean = sum / counts.length;
  let ss = 0;
  for (const c of counts) ss += (c - mean) ** 2;
  return {
    masks: counts.length,
    mean,
    sd: Math.sqrt(ss / Math.max(1, counts.length - 1)),
    exactly: exactly / counts.length,
    within: within / counts.length,
  };
}

/** The exact facts for a state. */
export function factsFor({ n, p, k }: DropCountState): DropCountFacts {
  return dropCountFacts({ n, p }, k);
}

/** The sentences that say what the chart shows, for the live region and the chart's name. */
export function describeCounts({ n, p }: DropCountState, facts: DropCountFacts, sampled?: SampledCounts): string {
  const exact =
    `Layer of ${n} units at p = ${formatNumber(p)}: on average ${formatNumber(facts.mean, 1)} units drop ` +
    `(standard deviation ${formatNumber(facts.sd)}). Exactly ${facts.modeCount} drop with probability ` +
    `${formatPercent(facts.exactlyExpected)}; within ±${facts.radius} of the mean with probability ${formatPercent(facts.within)}.`;
  if (!sampled) return exact;
  return (
    `${exact} In ${sampled.masks} sampled masks: mean ${formatNumber(sampled.mean, 1)}, ` +
    `${formatPercent(sampled.exactly)} had exactly ${facts.modeCount}, ${formatPercent(sampled.within)} were within ±${facts.radius}.`
  );
}
