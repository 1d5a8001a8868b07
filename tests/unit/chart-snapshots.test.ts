import type { Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import { neuronToggling } from '../../src/islands/neuron-toggling/definition.ts';
import ToggleDiagram from '../../src/islands/neuron-toggling/ToggleDiagram.svelte';
import { SIMULATIONS } from '../../src/islands/simulations.ts';
import { svgSnapshot } from './svg-snapshot.ts';

/**
 * Every simulation's printed picture (src/islands/<id>/Printed.svelte, which draws the chart
 * composition its island draws), rendered on the server from its full-page view's starting state
 * as the build renders it, and compared with the SVG committed in tests/unit/snapshots/. A change
 * to a chart shows up there as a diff to review; after an intended change,
 * `npx vitest run tests/unit/chart-snapshots.test.ts -u` writes the new ones.
 */
const pictures = import.meta.glob<Component<{ state: Record<string, number | string> }>>(
  '../../src/islands/*/Printed.svelte',
  { eager: true, import: 'default' },
);

describe('chart snapshots', () => {
  it.each(SIMULATIONS.map((definition) => [definition.id, definition] as const))(
    '%s: the printed picture of its starting state',
    async (id, definition) => {
      const picture = pictures[`../../src/islands/${id}/Printed.svelte`];
      if (!picture) throw new Error(`no printed picture for ${id}`);
      await expect(svgSnapshot(picture, { state: definition.start({}) })).toMatchFileSnapshot(`./snapshots/${id}.svg`);
    },
  );

  it('neuron toggling: a mask strikes out its dropped units', async () => {
    const state = neuronToggling.start({});
    const kept = svgSnapshot(ToggleDiagram, { state, label: 'Network' });
    const masked = svgSnapshot(ToggleDiagram, { state: { ...state, mask: '1010101010' }, label: 'Network' });
    expect(masked).not.toBe(kept);
    await expect(masked).toMatchFileSnapshot('./snapshots/neuron-toggling-masked.svg');
  });
});
