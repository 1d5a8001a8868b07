import { formatNumber } from '../lib/format.ts';
import type { LayerFacts } from '../sim/layer-samples.ts';
import { binValues, extent } from './bins.ts';
import type { MarkerSpec, Series } from './chart-types.ts';

/**
 * The histogram of the next unit's sampled input over many masks of the example layer, with the
 * training mean and the test network's value as markers: drawn by the expected-value and the
 * train/test-scaling simulations, on screen and in print.
 */

/** Histogram series and markers for the sampled pre-activations of one mode. */
export function layerChart(values: Float64Array | undefined, facts: LayerFacts, bins = 40) {
  const markerValues = [facts.exact.mean, ...(facts.test === undefined ? [] : [facts.test])];
  const [lo, hi] = extent(values ?? [], markerValues);
  const series: Series[] = values
    ? [{ heights: binValues(values, lo, hi, bins).counts.map((c) => c / values.length), look: 'fill', tone: 'tone-2' }]
    : [];
  const markers: MarkerSpec[] = [
    { value: facts.exact.mean, label: `training mean ${formatNumber(facts.exact.mean)}`, tone: 'tone-1' },
  ];
  if (facts.test !== undefined) {
    markers.push({
      value: facts.test,
      label: `test network ${formatNumber(facts.test)}`,
      tone: 'tone-3',
      dashed: true,
    });
  }
  return { lo, width: (hi - lo) / bins, bins, series, markers };
}
