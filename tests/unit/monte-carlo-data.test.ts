import { describe, expect, it } from 'vitest';
import { monteCarloTables } from '../../src/islands/monte-carlo/data.ts';
import { printedCurve } from '../../src/islands/monte-carlo/picture.ts';
import { uncertaintyInsideOutside } from '../../src/islands/monte-carlo/summary.ts';
import { regressionTruth } from '../../src/sim/datasets.ts';
import { mcBand } from '../../src/sim/monte-carlo-curve.ts';
import { column, expectWellFormed, tableTitled } from './run-table-checks.ts';

describe('the Monte Carlo run’s tables', () => {
  // The worker's own answer, as the printed picture computes it (about a second of training).
  const result = printedCurve({ p: 0.25, passes: 30, seed: 5 });
  const tables = monteCarloTables(result);

  it('are well formed, with unique titles', () => expectWellFormed(tables));

  it('hold the chart’s curves and band at every x', () => {
    const predictions = tableTitled(tables, 'Predictions');
    const { lows, highs } = mcBand(result);
    expect(column(predictions, 'x')).toEqual([...result.xs]);
    expect(column(predictions, 'true function')).toEqual([...result.xs].map(regressionTruth));
    expect(column(predictions, 'test network')).toEqual([...result.deterministic]);
    expect(column(predictions, 'Monte Carlo mean')).toEqual([...result.mean]);
    expect(column(predictions, 'Monte Carlo standard deviation')).toEqual([...result.sd]);
    expect(column(predictions, 'band low (mean − 2 SD)')).toEqual([...lows]);
    expect(column(predictions, 'band high (mean + 2 SD)')).toEqual([...highs]);
    expect(lows[0]).toBe((result.mean[0] ?? 0) - 2 * (result.sd[0] ?? 0));
  });

  it('hold the training points and the readouts', () => {
    expect(column(tableTitled(tables, 'Training points'), 'y')).toEqual([...result.trainY]);
    const spread = uncertaintyInsideOutside(result.xs, result.sd);
    expect(tableTitled(tables, 'Predictive spread').rows).toEqual([[spread.inside, spread.outside]]);
  });

  it('are none until the curve of the settings arrives', () => expect(monteCarloTables(undefined)).toEqual([]));
});
