import { CLAIM_SEEDS } from '../../src/sim/lab-claim-kit.ts';

/** A claim measured on one seed at a time (the dropout-and-L2, variance-shift and feature-map claims). */
export interface SeededClaim {
  /** the sentence as written in the lesson's source */
  sentence: string;
  /** the numbers it compares on one seed */
  measure(seed: number): Record<string, number>;
  /** whether they bear the sentence out */
  holds(numbers: Record<string, number>): boolean;
}

/**
 * Tries a claim on each of the course's test seeds: on how many it holds, and a report of every
 * seed's numbers for the message of a failing assertion.
 */
export function trySeeds(
  claim: SeededClaim,
  seeds: readonly number[] = CLAIM_SEEDS,
): { holds: number; report: string } {
  let holds = 0;
  const lines = seeds.map((seed) => {
    const numbers = claim.measure(seed);
    const ok = claim.holds(numbers);
    if (ok) holds++;
    const shown = Object.entries(numbers).map(([name, value]) => `${name} ${value.toFixed(3)}`);
    return `seed ${seed}: ${shown.join(', ')} ${ok ? 'holds' : 'fails'}`;
  });
  return { holds, report: `${claim.sentence}\nholds on ${holds} of ${seeds.length} seeds\n${lines.join('\n')}` };
}
