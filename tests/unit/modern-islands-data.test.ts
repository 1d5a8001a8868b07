import { describe, expect, it } from 'vitest';
import { timeMaskTables } from '../../src/islands/recurrent-masks/data.ts';
import { timeMaskPicture } from '../../src/islands/recurrent-masks/summary.ts';
import { depthTables } from '../../src/islands/stochastic-depth/data.ts';
import { depthPicture } from '../../src/islands/stochastic-depth/summary.ts';
import { sampleTimeMasks } from '../../src/sim/recurrent-masks.ts';
import { depthDistribution, expectedDepth, sampleStack } from '../../src/sim/stochastic-depth/blocks.ts';
import { DEPTH_LESSON_STATE } from '../../src/sim/stochastic-depth/claims.ts';
import { column, expectWellFormed, tableOf } from './data-tables.ts';

describe('the tables of a recurrent-masks run', () => {
  const state = { p: 0.4, steps: 9, units: 13, seed: 6 };
  const tables = timeMaskTables(state, timeMaskPicture(state));
  const kinds = [
    ['a fresh mask per step', sampleTimeMasks(state.steps, state.units, state.p, 'naive', state.seed)],
    ['one mask per sequence', sampleTimeMasks(state.steps, state.units, state.p, 'variational', state.seed)],
  ] as const;

  it('are well formed, with unique titles', () => expectWellFormed(tables));

  it.each(kinds)('hold the masks of %s, a row per time step', (name, sample) => {
    const table = tableOf(tables, `Masks over time, ${name}`);
    expect(table.rows).toHaveLength(state.steps);
    expect(column(table, 0)).toEqual(Array.from({ length: state.steps }, (_, t) => t + 1));
    expect(table.rows.flatMap((row) => row.slice(1))).toEqual([...sample.masks]);
  });

  it('hold each kind’s readouts', () => {
    expect(tableOf(tables, 'Units dropped again and kept throughout').rows).toEqual(
      kinds.map(([name, sample]) => [name, sample.redrop, sample.kept]),
    );
  });
});

describe('the tables of a stochastic-depth run', () => {
  const state = { blocks: 10, p: 0.6, rule: 'linear', seed: 3 } as const;
  const tables = depthTables(depthPicture(state));
  const sample = sampleStack(state.blocks, state.p, state.rule, DEPTH_LESSON_STATE.samples, state.seed);

  it('are well formed, with unique titles', () => expectWellFormed(tables));

  it('hold each block’s probabilities and share of minibatches', () => {
    const table = tableOf(tables, 'Drop and keep probability of each block');
    expect(column(table, 1)).toEqual([...sample.dropPs]);
    expect(column(table, 2)).toEqual(Array.from(sample.dropPs, (p) => 1 - p));
    expect(column(table, 3)).toEqual([...sample.share]);
  });

  it('hold the depth’s distribution and every sampled minibatch’s blocks', () => {
    const distribution = tableOf(tables, 'Depth: exact and sampled distribution');
    expect(column(distribution, 1)).toEqual([...depthDistribution(sample.dropPs)]);
    const counts = column(distribution, 2).map((fraction) => Math.round((fraction as number) * sample.depths.length));
    expect(counts).toEqual(column(distribution, 0).map((d) => sample.depths.filter((depth) => depth === d).length));
    expect(tableOf(tables, 'Expected and sampled depth').rows).toEqual([
      [expectedDepth(sample.dropPs), sample.meanDepth, Math.min(...sample.depths), Math.max(...sample.depths)],
    ]);
    const minibatches = tableOf(tables, 'Blocks active in each sampled minibatch');
    expect(column(minibatches, 1)).toEqual([...sample.depths]);
    expect(minibatches.rows.flatMap((row) => row.slice(2))).toEqual([...sample.active]);
  });
});
