/**
 * Stochastic depth, after Huang, Sun, Liu, Sedra and Weinberger, "Deep Networks with Stochastic
 * Depth" (ECCV 2016): each residual block is skipped whole, for a whole minibatch, and the input
 * passes on by the identity connection. The paper's p_l is a survival probability; here, as
 * everywhere in the course, p_l is the DROP probability of block l and q_l = 1 − p_l its keep
 * probability. The paper's linear decay rule, survival 1 − (l/L)(1 − p_L), is a drop probability
 * p_l = (l/L)·p_last rising from near 0 at the first block to p_last at the last.
 */
import { streamRng, Stream, type Rng } from '../random.ts';

/** `linear`: the drop probability rises with depth to p_last; `uniform`: every block drops at p_last. */
export type DepthRule = 'linear' | 'uniform';

/** Both rules, linear first. */
export const DEPTH_RULES: readonly DepthRule[] = ['linear', 'uniform'];

/** The drop probability p_l of each of `blocks` blocks, l = 1…L, under `rule`, the last block's being `pLast`. */
export function blockDropProbabilities(blocks: number, pLast: number, rule: DepthRule): Float64Array {
  if (!(Number.isInteger(blocks) && blocks >= 1))
    throw new RangeError(`blocks must be a whole number ≥ 1, got ${blocks}`);
  if (!(pLast >= 0 && pLast <= 1))
    throw new RangeError(`the last block's drop probability must be in [0, 1], got ${pLast}`);
  if (rule !== 'linear' && rule !== 'uniform')
    throw new RangeError(`rule must be 'linear' or 'uniform', got ${String(rule)}`);
  return Float64Array.from({ length: blocks }, (_, i) => (rule === 'linear' ? ((i + 1) / blocks) * pLast : pLast));
}

/** The expected number of active blocks, Σ q_l: (3L − 1)/4 for the linear rule at p_last = 0.5. */
export function expectedDepth(dropPs: Float64Array): number {
  let depth = 0;
  for (const p of dropPs) depth += 1 - p;
  return depth;
}

/**
 * The exact distribution of the number of active blocks (a Poisson binomial): entry d is the
 * probability that exactly d of the blocks are active, d = 0…L.
 */
export function depthDistribution(dropPs: Float64Array): Float64Array {
  const dist = new Float64Array(dropPs.length + 1);
  dist[0] = 1;
  for (const [l, p] of dropPs.entries()) {
    for (let d = l + 1; d >= 1; d--) dist[d] = dist[d]! * p + dist[d - 1]! * (1 - p);
    dist[0] = dist[0]! * p;
  }
  return dist;
}

/**
 * `samples` minibatches' choices of active blocks, row-major [sample][block]: 1 where the block
 * is active (kept), 0 where it is skipped.
 */
export function sampleActiveBlocks(dropPs: Float64Array, samples: number, rng: Rng): Uint8Array {
  if (!(Number.isInteger(samples) && samples >= 1))
    throw new RangeError(`samples must be a whole number ≥ 1, got ${samples}`);
  const blocks = dropPs.length;
  const active = new Uint8Array(samples * blocks);
  for (let s = 0; s < samples; s++) {
    for (let l = 0; l < blocks; l++) active[s * blocks + l] = rng.uniform53() < dropPs[l]! ? 0 : 1;
  }
  return active;
}

/** The depth (number of active blocks) of each sampled minibatch. */
export function sampledDepths(active: Uint8Array, blocks: number): Int32Array {
  const depths = new Int32Array(active.length / blocks);
  for (let s = 0; s < depths.length; s++) {
    let depth = 0;
    for (let l = 0; l < blocks; l++) depth += active[s * blocks + l]!;
    depths[s] = depth;
  }
  return depths;
}

/** The fraction of samples in which each block is active, per block. */
export function activeShare(active: Uint8Array, blocks: number): Float64Array {
  const samples = active.length / blocks;
  const share = new Float64Array(blocks);
  for (let i = 0; i < active.length; i++) share[i % blocks]! += active[i]!;
  return share.map((count) => count / samples);
}

/** One seed's sampled minibatches of a residual stack, as the simulation and the lesson's claims draw them. */
export interface StackSample {
  /** drop probability p_l of each block */
  dropPs: Float64Array;
  /** active (1) or skipped (0), row-major [sample][block] */
  active: Uint8Array;
  /** the number of active blocks of each sample */
  depths: Int32Array;
  /** the mean of `depths` */
  meanDepth: number;
  /** per block, the fraction of samples in which it is active */
  share: Float64Array;
}

/** `samples` minibatches of a stack of `blocks` blocks under `rule`, from the seed's mask stream. */
export function sampleStack(
  blocks: number,
  pLast: number,
  rule: DepthRule,
  samples: number,
  seed: number,
): StackSample {
  const dropPs = blockDropProbabilities(blocks, pLast, rule);
  const active = sampleActiveBlocks(dropPs, samples, streamRng(seed, Stream.mask));
  const depths = sampledDepths(active, blocks);
  return {
    dropPs,
    active,
    depths,
    meanDepth: depths.reduce((sum, d) => sum + d, 0) / samples,
    share: activeShare(active, blocks),
  };
}
