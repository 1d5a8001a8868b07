import type { layerChart } from '../../charts/layer-histogram.ts';
import type { DataTable } from '../../lib/export/run-data.ts';
import type { LayerFacts } from '../../sim/layer-samples.ts';
import { readoutTable } from '../run-tables.ts';
import type { ExpectedValueState } from './definition.ts';

/**
 * The histogram a layer chart draws (as `layerChart` gives it), as a table: each bar's interval of
 * the next unit's input and the fraction of masks in it. Empty until sampled.
 */
export function layerHistogramTable(title: string, chart: ReturnType<typeof layerChart>): DataTable {
  const heights = chart.series[0]?.heights ?? [];
  return {
    title,
    columns: ['input z from', 'input z to', 'fraction of masks'],
    rows: Array.from(heights, (height, b) => [chart.lo + b * chart.width, chart.lo + (b + 1) * chart.width, height]),
  };
}

/** A layer's facts as the readouts show them: exact and sampled moments, and the test network's value. */
export function layerFactReadouts(facts: LayerFacts): (readonly [string, number | string])[] {
  return [
    ['training mean, exact', facts.exact.mean],
    ['training mean, sampled', facts.sampled?.mean ?? ''],
    ['variance, exact', facts.exact.variance],
    ['variance, sampled', facts.sampled?.variance ?? ''],
    ['test network’s input (empty: random)', facts.test ?? ''],
  ];
}

/**
 * The numbers of an expected-value run, for the Export dialog: the histogram, the readouts, and the
 * next unit's input under each sampled mask, once sampled.
 */
export function expectedValueTables(
  state: ExpectedValueState,
  facts: LayerFacts,
  chart: ReturnType<typeof layerChart>,
  values: Float64Array | undefined,
): DataTable[] {
  const tables = [
    layerHistogramTable(`Next unit’s input over ${state.samples} masks`, chart),
    readoutTable('Training mean, variance and test network', layerFactReadouts(facts)),
  ];
  if (!values) return tables;
  return [
    ...tables,
    {
      title: 'Next unit’s input under each sampled mask',
      columns: ['mask', 'input z'],
      rows: Array.from(values, (z, i) => [i + 1, z]),
    },
  ];
}
