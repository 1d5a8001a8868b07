/**
 * Numbers and pictures the lesson on dropout in modern networks quotes, computed at build time by
 * `src/sim` so the text can never disagree with the simulations. The lesson imports what it quotes.
 */
import { blockDropProbabilities, expectedDepth } from '../sim/stochastic-depth/blocks.ts';
import { DEPTH_LESSON_STATE } from '../sim/stochastic-depth/claims.ts';
import { streamRng, Stream } from '../sim/random.ts';
import { dropConnectMask, maskBits, unitWeightMask } from '../sim/weight-masks.ts';
import { formatNumber, formatScientific } from './format.ts';

const { blocks, pLast, rule } = DEPTH_LESSON_STATE;
const depth = expectedDepth(blockDropProbabilities(blocks, pLast, rule));

/** The lesson's residual stack: its size, the last block's drop probability, its expected depth. */
export const stack = {
  blocks: String(blocks),
  pLast: String(pLast),
  /** the first block's drop probability, 1/L · p_L */
  pFirst: formatNumber(blockDropProbabilities(blocks, pLast, rule)[0] ?? Number.NaN, 3),
  expected: formatNumber(depth, 2),
  skipped: formatNumber(blocks - depth, 2),
};

/** The weight matrix the DropConnect figure masks: outputs × inputs, at p = 0.5, from seed 1. */
export const WEIGHT_FIGURE = { outputs: 8, inputs: 12, p: 0.5, seed: 1 } as const;

/** The figure's two masks, each from the seed's mask stream. */
export const weightMasks = {
  unit: unitWeightMask(
    WEIGHT_FIGURE.outputs,
    WEIGHT_FIGURE.inputs,
    WEIGHT_FIGURE.p,
    streamRng(WEIGHT_FIGURE.seed, Stream.mask),
  ),
  dropConnect: dropConnectMask(
    WEIGHT_FIGURE.outputs,
    WEIGHT_FIGURE.inputs,
    WEIGHT_FIGURE.p,
    streamRng(WEIGHT_FIGURE.seed, Stream.mask),
  ),
};

const bits = maskBits(WEIGHT_FIGURE.outputs, WEIGHT_FIGURE.inputs);

/** How many masks each scheme can draw on the figure's matrix, as the prose writes them. */
export const maskCounts = {
  weights: String(WEIGHT_FIGURE.outputs * WEIGHT_FIGURE.inputs),
  unit: (2 ** bits.unit).toLocaleString('en'),
  dropConnect: formatScientific(2 ** bits.dropConnect),
};
