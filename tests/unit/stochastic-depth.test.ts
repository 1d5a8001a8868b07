import { describe, expect, it } from 'vitest';
import { Pcg32, Stream } from '../../src/sim/random.ts';
import {
  activeShare,
  blockDropProbabilities,
  depthDistribution,
  expectedDepth,
  sampleActiveBlocks,
  sampledDepths,
} from '../../src/sim/stochastic-depth/blocks.ts';
import { DEPTH_CLAIMS, DEPTH_LESSON_STATE } from '../../src/sim/stochastic-depth/claims.ts';

const rng = (seed: number) => new Pcg32(seed, Stream.mask);

describe('drop probabilities per block', () => {
  it('linear: l/L · p_last, the paper’s survival 1 − (l/L)(1 − p_L) turned into drop probabilities', () => {
    const ps = blockDropProbabilities(4, 0.5, 'linear');
    expect(Array.from(ps)).toEqual([0.125, 0.25, 0.375, 0.5]);
    // Huang et al.'s survival probability with p_L = 0.5 (a survival, so 1 − 0.5 drop at the last block).
    for (const [i, p] of ps.entries()) expect(1 - p).toBeCloseTo(1 - ((i + 1) / 4) * (1 - 0.5), 12);
  });

  it('uniform: p_last for every block', () => {
    expect(Array.from(blockDropProbabilities(3, 0.2, 'uniform'))).toEqual([0.2, 0.2, 0.2]);
  });

  it.each([
    [0, 0.5, 'linear', /blocks must be a whole number ≥ 1, got 0/],
    [4, 1.5, 'linear', /last block's drop probability must be in \[0, 1\], got 1.5/],
    [4, 0.5, 'steep', /rule must be 'linear' or 'uniform', got steep/],
  ] as const)('rejects %i blocks at %f (%s) with a message naming the problem', (blocks, p, rule, message) => {
    expect(() => blockDropProbabilities(blocks, p, rule as 'linear')).toThrow(message);
  });
});

describe('depth', () => {
  it.each([6, 24, 54])('linear to 0.5 over %i blocks: the expected depth is (3L − 1)/4', (blocks) => {
    expect(expectedDepth(blockDropProbabilities(blocks, 0.5, 'linear'))).toBeCloseTo((3 * blocks - 1) / 4, 10);
  });

  it('the exact distribution sums to 1, has the expected depth as its mean and matches a hand count', () => {
    const ps = blockDropProbabilities(24, 0.5, 'linear');
    const dist = depthDistribution(ps);
    expect(dist.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(dist.reduce((sum, pr, d) => sum + d * pr, 0)).toBeCloseTo(expectedDepth(ps), 10);
    // Two blocks at p = 0.25 and 0.5: none active 0.125, one 0.5, both 0.375.
    expect(Array.from(depthDistribution(Float64Array.of(0.25, 0.5)))).toEqual([0.125, 0.5, 0.375]);
  });

  it('samples [sample][block] choices of 0 and 1, the same for the same seed, with every block at its keep probability', () => {
    const ps = blockDropProbabilities(10, 0.8, 'linear');
    const active = sampleActiveBlocks(ps, 20_000, rng(3));
    expect(active).toHaveLength(200_000);
    expect(sampleActiveBlocks(ps, 20_000, rng(3))).toEqual(active);
    const share = activeShare(active, 10);
    for (const [l, p] of ps.entries()) {
      expect(Math.abs(share[l]! - (1 - p))).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / 20_000) + 1e-12);
    }
    const depths = sampledDepths(active, 10);
    expect(depths).toHaveLength(20_000);
    expect(depths.every((d) => d >= 0 && d <= 10)).toBe(true);
  });

  it('keeps every block at p_last = 0 and, at the uniform p_last = 1, none', () => {
    expect(sampleActiveBlocks(blockDropProbabilities(5, 0, 'linear'), 3, rng(1)).every((a) => a === 1)).toBe(true);
    expect(sampleActiveBlocks(blockDropProbabilities(5, 1, 'uniform'), 3, rng(1)).every((a) => a === 0)).toBe(true);
  });
});

describe('the stochastic-depth sentences', () => {
  const sentence = (id: string) => DEPTH_CLAIMS.find((c) => c.id === id)!.sentence;

  it('name the lesson’s state', () => {
    expect(sentence('depth-mean-is-expected')).toContain(
      `Over ${DEPTH_LESSON_STATE.samples.toLocaleString('en')} sampled`,
    );
    expect(sentence('uniform-is-shallower')).toContain(`p = ${DEPTH_LESSON_STATE.pLast}`);
    // "the first block is active in more than 95 %": its keep probability is higher still.
    expect(
      1 - blockDropProbabilities(DEPTH_LESSON_STATE.blocks, DEPTH_LESSON_STATE.pLast, 'linear')[0]!,
    ).toBeGreaterThan(0.97);
  });
});
