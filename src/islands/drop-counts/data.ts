import type { DataTable } from '../../lib/export/run-data.ts';
import { countBins, exactBinProbabilities, sampleBinFractions } from '../../sim/drop-counts.ts';
import type { DropCountState } from './definition.ts';

/** Bars of the chart at most: wide layers group counts. */
export const MAX_BINS = 60;

/**
 * The numbers of a drop-count run, for the Export dialog: the chart's bars (exact and sampled) and
 * every sampled mask's count, once sampled.
 */
export function countTables(state: DropCountState, counts: Int32Array | undefined): DataTable[] {
  const bins = countBins(state, MAX_BINS);
  const exact = exactBinProbabilities(state, bins);
  const fractions = counts ? sampleBinFractions(counts, bins).fractions : undefined;
  const histogram: DataTable = {
    title: 'Units dropped, exact and sampled',
    columns: ['fewest units dropped', 'most units dropped', 'exact probability', 'share of sampled masks'],
    rows: [...exact].map((probability, b) => {
      const first = bins.start + b * bins.width;
      return [first, Math.min(state.n, first + bins.width - 1), probability, fractions?.[b] ?? ''];
    }),
  };
  if (!counts) return [histogram];
  return [
    histogram,
    {
      title: 'Units dropped in each sampled mask',
      columns: ['mask', 'units dropped'],
      rows: [...counts].map((count, i) => [i + 1, count]),
    },
  ];
}
