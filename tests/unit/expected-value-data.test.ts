import { describe, expect, it } from 'vitest';
import { layerChart } from '../../src/charts/layer-histogram.ts';
import { expectedValueTables } from '../../src/islands/expected-value/data.ts';
import { expectedValue } from '../../src/islands/expected-value/definition.ts';
import { layerFacts, layerFor } from '../../src/sim/layer-samples.ts';
import { sampled } from '../../src/worker/sampler-handlers.ts';
import { column, expectWellFormed, tableTitled } from './run-table-checks.ts';

describe('the expected-value run’s tables', () => {
  const state = { ...expectedValue.start({ seed: 3, mode: 'classic', p: 0.3 }), samples: 2000 };
  const { values } = sampled({ kind: 'layer-samples', params: state });
  const facts = layerFacts(layerFor(state.seed), state.mode, state.p, values);
  const chart = layerChart(values, facts);
  const tables = expectedValueTables(state, facts, chart, values);

  it('are well formed, with unique titles', () => expectWellFormed(tables));

  it('hold the histogram the chart draws, each bar with its interval', () => {
    const histogram = tableTitled(tables, 'Next unit’s input over 2000 masks');
    expect(column(histogram, 'fraction of masks')).toEqual(Array.from(chart.series[0]?.heights ?? []));
    expect(histogram.rows[0]?.[0]).toBe(chart.lo);
    expect(histogram.rows.at(-1)?.[1]).toBe(chart.lo + chart.bins * chart.width);
  });

  it('hold the readouts and every mask’s input', () => {
    expect(tableTitled(tables, 'Training mean, variance and test network').rows).toEqual([
      [facts.exact.mean, facts.sampled?.mean, facts.exact.variance, facts.sampled?.variance, facts.test],
    ]);
    expect(column(tableTitled(tables, 'Next unit’s input under each sampled mask'), 'input z')).toEqual([...values]);
  });

  it('leave out what is not sampled yet, and a random test network’s value', () => {
    const random = { ...state, mode: 'on-at-eval' as const };
    const unsampled = layerFacts(layerFor(random.seed), random.mode, random.p);
    const waiting = expectedValueTables(random, unsampled, layerChart(undefined, unsampled), undefined);
    expect(waiting.map((table) => table.title)).toEqual([
      'Next unit’s input over 2000 masks',
      'Training mean, variance and test network',
    ]);
    expect(waiting[0]?.rows).toEqual([]);
    expect(waiting[1]?.rows[0]?.slice(1)).toEqual(['', unsampled.exact.variance, '', '']);
  });
});
