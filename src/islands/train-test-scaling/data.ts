import { layerChart } from '../../charts/layer-histogram.ts';
import type { DataTable } from '../../lib/export/run-data.ts';
import type { FixedLayer, LayerFacts } from '../../sim/layer-samples.ts';
import { layerFactReadouts, layerHistogramTable } from '../expected-value/data.ts';
import { readoutTable } from '../run-tables.ts';
import { PIPELINE_BINS, PIPELINE_SAMPLES } from './summary.ts';

/** One pipeline's column as the island shows it: its name, its sampled inputs once sampled, its facts. */
export interface PipelineColumn {
  name: string;
  values: Float64Array | undefined;
  facts: LayerFacts;
}

/** Σ w·a over the layer's units: the layer's input to the next unit without dropout, less the bias. */
export function weightedSum(layer: FixedLayer): number {
  return layer.weights.reduce((s, w, j) => s + w * (layer.activations[j] ?? 0), 0);
}

/**
 * The numbers of a side-by-side run, for the Export dialog: each pipeline's histogram (as its
 * chart draws it) and readouts, and the layer's weighted sum and bias.
 */
export function scalingTables(layer: FixedLayer, columns: readonly PipelineColumn[]): DataTable[] {
  return [
    readoutTable('Layer', [
      ['Σ w·a', weightedSum(layer)],
      ['bias', layer.bias],
    ]),
    ...columns.flatMap(({ name, values, facts }) => [
      layerHistogramTable(
        `${name}: training inputs over ${PIPELINE_SAMPLES} masks`,
        layerChart(values, facts, PIPELINE_BINS),
      ),
      readoutTable(`${name}: training mean and test network`, layerFactReadouts(facts)),
    ]),
  ];
}
