import { describe, expect, it } from 'vitest';
import { drawsTables } from '../../src/islands/bernoulli-draws/data.ts';
import { bernoulliDraws, DRAWS_TOTAL } from '../../src/islands/bernoulli-draws/definition.ts';
import { keptCount } from '../../src/islands/bernoulli-draws/summary.ts';
import { expectedUnitOutput, runningMeanBand, unitOutputSd } from '../../src/sim/unit-draws.ts';
import { sampled } from '../../src/worker/sampler-handlers.ts';
import { column, expectWellFormed, tableTitled } from './run-table-checks.ts';

describe('the Bernoulli-draws run’s tables', () => {
  const state = bernoulliDraws.start({ seed: 9, p: 0.3, h: 2, scaling: 'inverted' });
  const draws = sampled({ kind: 'unit-draws', params: { ...state, count: DRAWS_TOTAL } });
  const tables = drawsTables(state, draws, 37);

  it('are well formed, with unique titles', () => expectWellFormed(tables));

  it('hold the draws shown, each with its output, running mean and band', () => {
    const shown = tableTitled(tables, 'Draws shown');
    expect(shown.rows).toHaveLength(37);
    expect(column(shown, 'kept (1) or dropped (0)')).toEqual([...draws.mask.subarray(0, 37)]);
    expect(column(shown, 'unit output')).toEqual([...draws.outputs.subarray(0, 37)]);
    expect(column(shown, 'running mean')).toEqual([...draws.means.subarray(0, 37)]);
    const band = runningMeanBand(expectedUnitOutput(state), unitOutputSd(state), 37);
    expect(column(shown, 'band high (expected + 2 SD/√draws)')).toEqual([...band.highs]);
  });

  it('hold the readouts beside the chart', () => {
    const kept = keptCount(draws.mask, 37);
    expect(tableTitled(tables, 'Readouts').rows).toEqual([
      [37, kept, 37 - kept, draws.means[36], expectedUnitOutput(state), unitOutputSd(state)],
    ]);
  });

  it('before any draw, hold no rows of draws and what the settings alone give', () => {
    const none = drawsTables(state, undefined, 12);
    expect(none[0]?.rows).toEqual([]);
    expect(none[1]?.rows).toEqual([[0, 0, 0, '', 2, unitOutputSd(state)]]);
  });
});
