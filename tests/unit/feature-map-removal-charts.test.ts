import { describe, expect, it } from 'vitest';
import { describeRemovals, rankRemovals } from '../../src/islands/feature-maps/removal-summary.ts';
import { unitName } from '../../src/islands/feature-maps/summary.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { pairRemovals } from '../../src/sim/feature-maps/claims.ts';
import { removalsOfPair, type RemovalResult } from '../../src/sim/feature-maps/removals.ts';
import { trainFeatureMapPair } from '../../src/sim/feature-maps/setup.ts';
import { sampled } from '../../src/worker/sampler-handlers.ts';

const SEED = 4;
const removals = removalsOfPair(trainFeatureMapPair(SEED));

const result = (lossChanges: number[], flippedShares: number[]): RemovalResult => ({
  intact: { loss: 0.3, accuracy: 0.9 },
  removals: lossChanges.map((lossChange, unit) => ({ unit, lossChange, flippedShare: flippedShares[unit]! })),
});

describe('the removal charts', () => {
  it('rank each effect of a network from the largest down, each on its own', () => {
    const ranked = rankRemovals(result([0.1, -0.02, 0.4], [0.05, 0.2, 0.01]));
    expect(ranked).toEqual({ lossChanges: [0.4, 0.1, -0.02], flippedShares: [0.2, 0.05, 0.01] });
  });
  it('name the unit each network needs most, and the mean share flipped, in words', () => {
    const text = describeRemovals({
      withoutDropout: result([0.1, 0.5, 0.2], [0.1, 0.3, 0.2]),
      withDropout: result([0.05, 0.02, 0.09], [0.01, 0.02, 0.03]),
    });
    expect(text).toContain(`removing ${unitName(1).toLowerCase()} raises the validation loss most, by 0.500`);
    expect(text).toContain(`removing ${unitName(2).toLowerCase()} does, by 0.090`);
    expect(text).toContain('flips 20.0 % of the decision map on average without dropout and 2.0 % with dropout');
  });
  it('chart what the claims measure: the worker sends the removals of the seed the claims train', () => {
    expect(sampled({ kind: 'feature-map-network', params: { seed: SEED } }).removals).toEqual(removals);
    expect(pairRemovals(SEED)).toEqual(removals);
    const top = Math.max(...removals.withoutDropout.removals.map((r) => r.lossChange));
    expect(describeRemovals(removals)).toContain(formatNumber(top, 3));
  });
});
