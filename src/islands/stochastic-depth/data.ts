import type { DataTable } from '../../lib/export/run-data.ts';
import { readoutTable } from '../run-tables.ts';
import type { DepthPicture } from './summary.ts';

/**
 * The numbers of a stochastic-depth run, for the Export dialog: each block's probabilities and how
 * often it was active, the distribution of the depth (both histograms), the readouts, and which
 * blocks every sampled minibatch kept (the grid shows the first of them).
 */
export function depthTables(picture: DepthPicture): DataTable[] {
  const { dropPs, keepPs, share, exact, sampled, active, depths } = picture;
  const blocks = dropPs.length;
  const blockNames = Array.from({ length: blocks }, (_, l) => `block ${l + 1} active (1) or skipped (0)`);
  return [
    {
      title: 'Drop and keep probability of each block',
      columns: ['block l', 'drop probability p_l', 'keep probability q_l', 'fraction of minibatches it was active in'],
      rows: Array.from(dropPs, (p, l) => [l + 1, p, keepPs[l] ?? '', share[l] ?? '']),
    },
    {
      title: 'Depth: exact and sampled distribution',
      columns: ['active blocks', 'exact probability', 'fraction of sampled minibatches'],
      rows: Array.from(exact, (probability, d) => [d, probability, sampled[d] ?? '']),
    },
    readoutTable('Expected and sampled depth', [
      ['expected depth Σ q_l (blocks)', picture.expected],
      ['mean sampled depth (blocks)', picture.meanDepth],
      ['shallowest (blocks)', picture.shallowest],
      ['deepest (blocks)', picture.deepest],
    ]),
    {
      title: 'Blocks active in each sampled minibatch',
      columns: ['minibatch', 'active blocks', ...blockNames],
      rows: Array.from(depths, (depth, m) => [m + 1, depth, ...active.subarray(m * blocks, (m + 1) * blocks)]),
    },
  ];
}
