import { formatNumber, formatPercent } from '../../lib/format.ts';
import type { PairRemovals, RemovalResult } from '../../sim/feature-maps/removals.ts';
import { unitName } from './summary.ts';

/** One network's single-unit removals, each effect sorted from the largest down. */
export interface RankedRemovals {
  /** validation-loss changes, largest first */
  lossChanges: number[];
  /** shares of the decision map that flip class, largest first */
  flippedShares: number[];
}

/**
 * Ranks a network's removals by each effect on its own: the charts set the units each network
 * needs most side by side, whichever units they are.
 */
export function rankRemovals({ removals }: RemovalResult): RankedRemovals {
  const descending = (values: number[]) => values.sort((a, b) => b - a);
  return {
    lossChanges: descending(removals.map((r) => r.lossChange)),
    flippedShares: descending(removals.map((r) => r.flippedShare)),
  };
}

/** The unit whose removal raises the validation loss most, its name and the rise. */
function mostNeeded({ removals }: RemovalResult): { name: string; rise: number } {
  const top = removals.reduce((best, r) => (r.lossChange > best.lossChange ? r : best));
  // Lower case, for the middle of a sentence: "removing hidden layer 1 unit 4".
  return { name: unitName(top.unit).toLowerCase(), rise: top.lossChange };
}

const meanFlipped = ({ removals }: RemovalResult) =>
  removals.reduce((sum, r) => sum + r.flippedShare, 0) / removals.length;

/** The text alternative of the removal charts: each network's most needed unit and its mean flipped share. */
export function describeRemovals({ withDropout, withoutDropout }: PairRemovals): string {
  const plain = mostNeeded(withoutDropout);
  const dropout = mostNeeded(withDropout);
  return (
    `Each hidden unit removed alone at test time: in the network trained without dropout, removing ${plain.name} ` +
    `raises the validation loss most, by ${formatNumber(plain.rise, 3)}; in the network trained with dropout, removing ` +
    `${dropout.name} does, by ${formatNumber(dropout.rise, 3)}. One removal flips ${formatPercent(meanFlipped(withoutDropout), 1)} ` +
    `of the decision map on average without dropout and ${formatPercent(meanFlipped(withDropout), 1)} with dropout.`
  );
}
