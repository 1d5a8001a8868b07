import { describe, expect, it } from 'vitest';
import { toggleTables } from '../../src/islands/neuron-toggling/data.ts';
import { neuronToggling } from '../../src/islands/neuron-toggling/definition.ts';
import { togglePasses } from '../../src/islands/neuron-toggling/summary.ts';
import { column, expectWellFormed, tableTitled } from './run-table-checks.ts';

describe('the toggling run’s tables', () => {
  const state = { ...neuronToggling.start({ seed: 4, p: 0.3 }), mask: '1011101101', scaling: 'inverted' as const };
  const passes = togglePasses(state);
  const tables = toggleTables(state, passes, 3);

  it('are well formed, with unique titles', () => expectWellFormed(tables));

  it('hold every unit’s numbers of both passes, and which units the mask drops', () => {
    const units = tableTitled(tables, 'Units of the network');
    expect(units.rows).toHaveLength(3 + 6 + 4 + 1);
    expect(column(units, 'activation a, this network')).toEqual(passes.thinned.flatMap((layer) => [...layer.a]));
    expect(column(units, 'activation a, every unit kept')).toEqual(passes.full.flatMap((layer) => [...layer.a]));
    expect(column(units, 'pre-activation z, this network').slice(9, 13)).toEqual(passes.thinnedZ);
    expect(column(units, 'kept (1) or dropped (0)').slice(3, 13).join('')).toBe(state.mask);
  });

  it('hold the weights and the readouts', () => {
    const weights = tableTitled(tables, 'Weights');
    expect(column(weights, 'weight')).toEqual(passes.weights.flatMap((w) => [...w]));
    expect(tableTitled(tables, 'Readouts').rows).toEqual([[passes.fullOutput, passes.output, 7, 3]]);
  });

  it('keep every unit in the classic test network, whatever the mask', () => {
    const test = { ...state, scaling: 'classic-test' as const };
    const units = tableTitled(toggleTables(test, togglePasses(test), 0), 'Units of the network');
    expect(column(units, 'kept (1) or dropped (0)').every((kept) => kept === 1)).toBe(true);
  });
});
