import { describe, expect, it } from 'vitest';
import { layerChart } from '../../src/charts/layer-histogram.ts';
import { scalingTables, weightedSum } from '../../src/islands/train-test-scaling/data.ts';
import { PIPELINE_BINS, PIPELINE_SAMPLES, PIPELINES } from '../../src/islands/train-test-scaling/summary.ts';
import { layerFacts, layerFor } from '../../src/sim/layer-samples.ts';
import { sampled } from '../../src/worker/sampler-handlers.ts';
import { column, expectWellFormed, tableTitled } from './run-table-checks.ts';

describe('the side-by-side run’s tables', () => {
  const [p, seed] = [0.35, 8];
  const layer = layerFor(seed);
  const columns = PIPELINES.map(({ mode, name }) => {
    const { values } = sampled({ kind: 'layer-samples', params: { mode, p, samples: PIPELINE_SAMPLES, seed } });
    return { name, values, facts: layerFacts(layer, mode, p, values) };
  });
  const tables = scalingTables(layer, columns);

  it('are well formed, with unique titles', () => expectWellFormed(tables));

  it('hold each pipeline’s histogram as its chart draws it, and its readouts', () => {
    for (const { name, values, facts } of columns) {
      const chart = layerChart(values, facts, PIPELINE_BINS);
      const histogram = tableTitled(tables, `${name}: training inputs over ${PIPELINE_SAMPLES} masks`);
      expect(column(histogram, 'fraction of masks')).toEqual(Array.from(chart.series[0]?.heights ?? []));
      expect(column(histogram, 'input z from')[0]).toBe(chart.lo);
      const readouts = tableTitled(tables, `${name}: training mean and test network`);
      expect(readouts.rows[0]).toEqual([
        facts.exact.mean,
        facts.sampled?.mean,
        facts.exact.variance,
        facts.sampled?.variance,
        facts.test,
      ]);
    }
  });

  it('hold the layer’s weighted sum and bias', () => {
    const sum = [...layer.weights].reduce((s, w, j) => s + w * (layer.activations[j] ?? 0), 0);
    expect(weightedSum(layer)).toBe(sum);
    expect(tableTitled(tables, 'Layer').rows).toEqual([[sum, layer.bias]]);
  });
});
