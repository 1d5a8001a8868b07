import { describe, expect, it } from 'vitest';
import { l2Tables } from '../../src/islands/dropout-l2/data.ts';
import { l2Picture } from '../../src/islands/dropout-l2/summary.ts';
import {
  dropoutPenalties,
  energies,
  expectedDropoutLoss,
  fits,
  regressionData,
  sampleDropoutLoss,
} from '../../src/sim/dropout-l2.ts';
import { Stream, streamRng } from '../../src/sim/random.ts';
import { column, expectWellFormed, tableOf } from './data-tables.ts';

const STATE = { p: 0.3, lambda: 12, masks: 1_000, seed: 4 };

describe('the tables of a dropout-and-L2 run', () => {
  const tables = l2Tables(l2Picture(STATE), STATE.lambda);
  const data = regressionData(STATE.seed);
  const weights = fits(data, STATE.p, STATE.lambda);

  it('are well formed, with unique titles', () => expectWellFormed(tables));

  it('hold each input’s energy, strengths and weights as src/sim computes them', () => {
    const table = tableOf(tables, 'L2 strength and fitted weight of each input');
    expect(column(table, 1)).toEqual([...energies(data)]);
    expect(column(table, 2)).toEqual([...dropoutPenalties(data, STATE.p)]);
    expect(column(table, 3)).toEqual(Array.from({ length: data.inputs }, () => STATE.lambda));
    expect(column(table, 4)).toEqual([...weights.none]);
    expect(column(table, 5)).toEqual([...weights.dropout]);
    expect(column(table, 6)).toEqual([...weights.ridge]);
  });

  it('hold the Monte Carlo estimate after each drawn count of masks, ending at all of them', () => {
    const sampled = sampleDropoutLoss(data, weights.dropout, STATE.p, STATE.masks, streamRng(STATE.seed, Stream.mask));
    const table = tableOf(tables, 'Monte Carlo estimate of the expected dropout loss');
    expect(table.rows.at(-1)?.[0]).toBe(STATE.masks);
    for (const [count, mean, error] of table.rows) {
      expect(mean).toBe(sampled.means[(count as number) - 1]);
      expect(error).toBe(sampled.errors[(count as number) - 1]);
    }
    const readouts = tableOf(tables, 'Expected dropout loss and ridge penalty');
    expect(column(readouts, 1)).toEqual([
      expectedDropoutLoss(data, weights.dropout, STATE.p),
      sampled.means[STATE.masks - 1],
      sampled.errors[STATE.masks - 1],
      STATE.lambda,
    ]);
  });
});
