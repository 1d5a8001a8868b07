import { beforeAll, describe, expect, it } from 'vitest';
import { readMnistPackage } from '../../src/data/mnist-source.ts';
import { CONV_CLAIMS } from '../../src/sim/conv/claims.ts';
import { computeSpatialPoint, type SpatialResult } from '../../src/sim/conv/spatial-job.ts';
import { SPATIAL_LESSON_P } from '../../src/sim/conv/spatial-setup.ts';
import { splitDigits, type DigitSplit } from '../../src/sim/digits/split.ts';
import { LESSON_CITATIONS } from './claim-citations.ts';
import { expectAsWorded, expectOwnClaims, trySeeds } from './claim-seeds.ts';

let split: DigitSplit;
beforeAll(async () => {
  split = splitDigits(await readMnistPackage());
});

/** Each seed's point is computed once for every claim (about two seconds a seed). */
const points = new Map<number, SpatialResult>();
function pointOf(seed: number): SpatialResult {
  let found = points.get(seed);
  if (!found)
    points.set(seed, (found = computeSpatialPoint({ experiment: 'spatial', seed, p: SPATIAL_LESSON_P }, split)));
  return found;
}

describe('the spatial-dropout claims', () => {
  it('have ids of their own, and a sentence states a frequency exactly when the claim is not a rule', () => {
    expectOwnClaims(CONV_CLAIMS);
  });

  it('are cited after their own sentence, in the lesson on dropout in practice, and every one is cited', () => {
    const ids = CONV_CLAIMS.map((c) => c.id);
    const cited = LESSON_CITATIONS.filter(({ id }) => ids.includes(id));
    for (const { id, sentence, file } of cited) {
      expect(sentence).toBe(CONV_CLAIMS.find((c) => c.id === id)!.sentence);
      expect(file).toBe('dropout-in-practice.mdx');
    }
    expect(ids.filter((id) => !cited.some((c) => c.id === id))).toEqual([]);
  });
});

describe('each spatial-dropout claim holds on the course’s test seeds as its sentence says', () => {
  it.each(CONV_CLAIMS)('$id', (claim) => {
    expectAsWorded(claim, trySeeds({ ...claim, measure: (seed) => claim.measure(pointOf(seed)) }));
  });
});
