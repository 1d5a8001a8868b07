import { describe, expect, it } from 'vitest';
import { FEATURE_MAP_CLAIMS, pairRemovals } from '../../src/sim/feature-maps/claims.ts';
import type { PairRemovals } from '../../src/sim/feature-maps/removals.ts';
import { CLAIM_SEEDS } from '../../src/sim/lab-claims.ts';
import { LESSON_CITATIONS } from './claim-citations.ts';
import { expectAsWorded, expectOwnClaims, trySeeds } from './claim-seeds.ts';

/** Each seed's pair is trained once for every claim. */
const removals = new Map<number, PairRemovals>();
function removalsOf(seed: number): PairRemovals {
  let found = removals.get(seed);
  if (!found) removals.set(seed, (found = pairRemovals(seed)));
  return found;
}

describe('the feature-map claims', () => {
  it('have ids of their own, and a sentence states a frequency exactly when the claim is not a rule', () => {
    expectOwnClaims(FEATURE_MAP_CLAIMS);
  });

  it('are cited, wherever a lesson cites them, after their own sentence, and every one is cited', () => {
    const ids = FEATURE_MAP_CLAIMS.map((c) => c.id);
    const cited = LESSON_CITATIONS.filter(({ id }) => ids.includes(id));
    for (const { id, sentence } of cited) expect(sentence).toBe(FEATURE_MAP_CLAIMS.find((c) => c.id === id)!.sentence);
    expect(ids.filter((id) => !cited.some((c) => c.id === id))).toEqual([]);
  });

  it('train the same pair again from the same seed', () => {
    expect(pairRemovals(CLAIM_SEEDS[0]!)).toEqual(removalsOf(CLAIM_SEEDS[0]!));
  });
});

describe('each feature-map claim holds on the course’s test seeds as its sentence says', () => {
  it.each(FEATURE_MAP_CLAIMS)('$id', (claim) => {
    expectAsWorded(claim, trySeeds({ ...claim, measure: (seed) => claim.measure(removalsOf(seed)) }));
  });
});
