/**
 * The claims the lesson on dropout in modern networks makes about stochastic depth (blocks.ts),
 * each a measure of one seed's sampled minibatches and a predicate on it; they join the lesson's
 * other claims in MODERN_CLAIMS (../variance-shift/claims.ts), whose test tries each on the
 * course's ten test seeds.
 */
import type { ModernClaim } from '../variance-shift/claims.ts';
import { expectedDepth, sampleStack, type DepthRule } from './blocks.ts';

/** The residual stack the sentences describe: 24 blocks, the linear rule up to p = 0.5, 1,000 minibatches. */
export const DEPTH_LESSON_STATE = { blocks: 24, pLast: 0.5, rule: 'linear', samples: 1_000 } as const;

/** How far, in blocks, the mean sampled depth may lie from the expected depth for "close to". */
export const DEPTH_TOLERANCE = 0.25;

/** One seed's minibatches at the lesson's stack under `rule`. */
function sampledStack(seed: number, rule: DepthRule = DEPTH_LESSON_STATE.rule) {
  const { blocks, pLast, samples } = DEPTH_LESSON_STATE;
  return sampleStack(blocks, pLast, rule, samples, seed);
}

/** Every claim of the lesson about stochastic depth. */
export const DEPTH_CLAIMS: readonly ModernClaim[] = [
  {
    id: 'depth-mean-is-expected',
    sentence: 'Over 1,000 sampled minibatches, the mean depth lies within a quarter of a block of the expected depth.',
    measure(seed) {
      const { dropPs, meanDepth } = sampledStack(seed);
      return { 'mean depth': meanDepth, 'expected depth': expectedDepth(dropPs) };
    },
    holds: (m) => Math.abs(m['mean depth']! - m['expected depth']!) < DEPTH_TOLERANCE,
  },
  {
    id: 'first-kept-last-halved',
    sentence: 'The first block is active in more than 95 % of the minibatches, the last in about half of them.',
    measure(seed) {
      const { share } = sampledStack(seed);
      return { 'first block active': share[0]!, 'last block active': share.at(-1)! };
    },
    holds: (m) => m['first block active']! > 0.95 && Math.abs(m['last block active']! - 0.5) < 0.05,
  },
  {
    id: 'uniform-is-shallower',
    sentence:
      'With every block at p = 0.5 (the uniform rule), about half of the blocks are active, fewer than under the linear rule.',
    measure(seed) {
      return {
        'uniform mean depth': sampledStack(seed, 'uniform').meanDepth,
        'linear mean depth': sampledStack(seed, 'linear').meanDepth,
      };
    },
    holds: (m) =>
      Math.abs(m['uniform mean depth']! / DEPTH_LESSON_STATE.blocks - 0.5) < 0.05 &&
      m['uniform mean depth']! < m['linear mean depth']!,
  },
];
