/**
 * What removing single hidden units shows about co-adaptation, as claims a lesson can cite: the
 * feature-map pair (setup.ts) trained on one seed, each hidden unit of each network removed alone
 * at test time (removals.ts), and a predicate on the numbers. tests/unit/feature-map-claims.test.ts
 * tries every claim on the course's test seeds (CLAIM_SEEDS of lab-claim-kit.ts) and holds it to
 * what its sentence says: a rule on at least MOST_SEEDS of them, or the frequency the sentence states.
 */
import type { Claim } from '../lab-claim-kit.ts';
import {
  removalsOfPair,
  summarizeRemovals,
  type PairRemovals,
  type RemovalResult,
  type RemovalSummary,
} from './removals.ts';
import { trainFeatureMapPair } from './setup.ts';

/** Trains the seed's feature-map pair and removes each hidden unit of each network alone. */
export function pairRemovals(seed: number): PairRemovals {
  return removalsOfPair(trainFeatureMapPair(seed));
}

/** A sentence a lesson can write and the numbers that back it, measured on one seed's removals. */
export type FeatureMapClaim = Claim<PairRemovals>;

/** One number of each network's removal summary, as `<name> with` and `<name> without`. */
const withAndWithout =
  (quantities: Readonly<Record<string, (summary: RemovalSummary, whole: RemovalResult) => number>>) =>
  ({ withDropout, withoutDropout }: PairRemovals): Record<string, number> =>
    Object.fromEntries(
      Object.entries(quantities).flatMap(([name, quantity]) => [
        [`${name} with`, quantity(summarizeRemovals(withDropout), withDropout)],
        [`${name} without`, quantity(summarizeRemovals(withoutDropout), withoutDropout)],
      ]),
    );

/** A claim's predicate on {@link withAndWithout}'s numbers: the network with dropout has the lower `name`. */
const lowerWithDropout =
  (name: string): FeatureMapClaim['holds'] =>
  (m) =>
    m[`${name} with`]! < m[`${name} without`]!;

/** The claims about single-unit removals. */
export const FEATURE_MAP_CLAIMS: readonly FeatureMapClaim[] = [
  {
    id: 'removal-largest-loss-rise',
    sentence:
      'Removing the one hidden unit the network needs most raises the validation loss less in the network trained with dropout than in the network trained without.',
    frequency: 'most',
    measure: withAndWithout({
      'largest rise': (s) => s.largestLossRise,
      'mean change': (s) => s.meanLossChange,
    }),
    holds: lowerWithDropout('largest rise'),
  },
  {
    id: 'removal-flips-fewer-cells',
    sentence:
      'Removing one hidden unit flips, on average, a smaller share of the decision map in the network trained with dropout than in the network trained without.',
    frequency: 'most',
    measure: withAndWithout({
      'mean flipped share': (s) => s.meanFlippedShare,
      'largest flipped share': (s) => s.largestFlippedShare,
    }),
    holds: lowerWithDropout('mean flipped share'),
  },
  {
    id: 'removal-dropout-lower-loss',
    sentence: 'With every unit in place, the network trained with dropout also ends with the lower validation loss.',
    frequency: 'most',
    measure: withAndWithout({ 'validation loss': (_, whole) => whole.intact.loss }),
    holds: lowerWithDropout('validation loss'),
  },
  {
    id: 'removal-accuracy-either-way',
    sentence: "Its validation accuracy ends higher than without dropout on 5 of the course's 10 test seeds.",
    frequency: 'stated',
    measure: withAndWithout({ 'validation accuracy': (_, whole) => whole.intact.accuracy }),
    holds: (m) => m['validation accuracy with']! > m['validation accuracy without']!,
  },
];
