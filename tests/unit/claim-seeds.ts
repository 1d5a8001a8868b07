import { expect } from 'vitest';
import { CLAIM_SEEDS, MOST_SEEDS } from '../../src/sim/lab-claim-kit.ts';
import { LAB_CLAIMS } from '../../src/sim/lab-claims.ts';

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

/** The frequency a sentence states: "on 5 of the course's 10 test seeds". */
export const STATED = /on (\d+) of the course's (\d+) test seeds/;

/** A claim of a seeded set, as its sentence words it: a rule, or a frequency it states. */
export interface WordedClaim {
  id: string;
  sentence: string;
  /** `most`: holds on at least MOST_SEEDS seeds; `stated`: the sentence says on how many */
  frequency: 'most' | 'stated';
}

/** Expects a set's ids unique and none a lab claim's, and a sentence to state a frequency exactly when its claim is not a rule. */
export function expectOwnClaims(claims: readonly WordedClaim[]): void {
  const ids = claims.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(LAB_CLAIMS.map((c) => c.id)).not.toContain(id);
  for (const claim of claims) expect(STATED.test(claim.sentence)).toBe(claim.frequency === 'stated');
}

/** Expects a claim to hold as its sentence says: on at least MOST_SEEDS seeds, or on exactly the stated number. */
export function expectAsWorded(claim: WordedClaim, { holds, report }: { holds: number; report: string }): void {
  // CLAIMS_REPORT=1 prints every claim's seeds, for a lesson's citation or a review.
  if (process.env['CLAIMS_REPORT']) console.log(`${claim.id}\n${report}`);
  if (claim.frequency === 'most') {
    expect(holds, report).toBeGreaterThanOrEqual(MOST_SEEDS);
    return;
  }
  const [, stated, of] = STATED.exec(claim.sentence) ?? [];
  expect(Number(of), 'seeds out of').toBe(CLAIM_SEEDS.length);
  expect(holds, report).toBe(Number(stated));
}
