import { formatNumber, formatPercent } from '../../lib/format.ts';
import {
  depthDistribution,
  expectedDepth,
  sampleStack,
  type DepthRule,
  type StackSample,
} from '../../sim/stochastic-depth/blocks.ts';
import { DEPTH_LESSON_STATE } from '../../sim/stochastic-depth/claims.ts';

/** The simulation's settings: blocks L, the last block's drop probability p, the rule, seed. */
export interface DepthSettings {
  blocks: number;
  p: number;
  rule: DepthRule;
  seed: number;
}

/** How many of the sampled minibatches the grid shows. */
export const SHOWN_MINIBATCHES = 12;

/** Everything the simulation shows for one state, computed by src/sim. */
export interface DepthPicture extends StackSample {
  /** keep probability q_l = 1 − p_l of each block */
  keepPs: Float64Array;
  /** the fewest and the most active blocks of a sampled minibatch */
  shallowest: number;
  deepest: number;
  /** the expected number of active blocks, Σ q_l */
  expected: number;
  /** the exact probability of each depth 0…L */
  exact: Float64Array;
  /** the fraction of the sampled minibatches at each depth 0…L */
  sampled: Float64Array;
}

/** The lesson's number of minibatches of a stack, with the exact distribution of its depth. */
export function depthPicture({ blocks, p, rule, seed }: DepthSettings): DepthPicture {
  const sample = sampleStack(blocks, p, rule, DEPTH_LESSON_STATE.samples, seed);
  const sampled = new Float64Array(blocks + 1);
  for (const d of sample.depths) sampled[d] = (sampled[d] ?? 0) + 1 / sample.depths.length;
  return {
    ...sample,
    keepPs: sample.dropPs.map((p) => 1 - p),
    shallowest: Math.min(...sample.depths),
    deepest: Math.max(...sample.depths),
    expected: expectedDepth(sample.dropPs),
    exact: depthDistribution(sample.dropPs),
    sampled,
  };
}

/** The sentences that say what the charts show. */
export function describeDepth({ blocks, rule }: DepthSettings, picture: DepthPicture): string {
  const { dropPs, depths, share, expected, meanDepth, shallowest, deepest } = picture;
  const f = (value: number) => formatNumber(value, 2);
  const [first, last] = [dropPs[0] ?? Number.NaN, dropPs.at(-1) ?? Number.NaN];
  const [firstShare, lastShare] = [share[0] ?? Number.NaN, share.at(-1) ?? Number.NaN];
  const rise =
    rule === 'linear'
      ? `drop probabilities rise from ${f(first)} at block 1 to ${f(last)} at block ${blocks}`
      : `every block's drop probability is ${f(first)}`;
  return (
    `Under the ${rule} rule, ${rise}. The expected depth is ${f(expected)} of ${blocks} blocks; over ` +
    `${depths.length.toLocaleString('en')} sampled minibatches the mean depth is ${f(meanDepth)}, from ` +
    `${shallowest} to ${deepest} blocks. Block 1 was active in ${formatPercent(firstShare, 0)} ` +
    `of the minibatches, block ${blocks} in ${formatPercent(lastShare, 0)}.`
  );
}
