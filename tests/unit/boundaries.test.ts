import { describe, expect, it } from 'vitest';
import { ISLANDS_MODULE, simulationIslands } from '../../src/islands/boundaries.ts';
import { SIMULATIONS } from '../../src/islands/simulations.ts';

type Hook = (this: unknown, id: string) => string | undefined;

/** The plugin's hooks, as Vite calls them. */
function hooks(simulations: readonly { id: string; component: string }[]) {
  const plugin = simulationIslands(simulations);
  return { resolve: plugin.resolveId as Hook, load: plugin.load as Hook };
}

const ROOT = new URL('../../src/islands/', import.meta.url).pathname;

describe('each simulation’s Astro component, written from the registry', () => {
  const { resolve, load } = hooks(SIMULATIONS);

  it('exports one component per simulation, by id', () => {
    const module = load.call(null, resolve.call(null, ISLANDS_MODULE) ?? '') ?? '';
    for (const { id, component } of SIMULATIONS) {
      expect(module).toMatch(new RegExp(`^import (\\w+) from "${ROOT}${id}/${component}\\.astro";$`, 'm'));
    }
    const keys = [...module.matchAll(/^ {2}"([\w-]+)": \w+,$/gm)].map((match) => match[1]);
    expect(keys).toEqual(SIMULATIONS.map(({ id }) => id));
  });

  it.each(SIMULATIONS.map(({ id, component }) => [id, component]))(
    '%s: frames its definition and hydrates its own island when it comes into view',
    (id, component) => {
      const path = `${ROOT}${id}/${component}.astro`;
      expect(resolve.call(null, path)).toBe(path);
      const source = load.call(null, path) ?? '';
      expect(source).toContain(`import Island from './${component}.svelte';`);
      expect(source).toContain(`const definition = simulationById("${id}");`);
      expect(source).toContain('<SimFrame {definition} props={Astro.props}>');
      expect(source).toContain('<Island client:visible {initial} {heading} />');
    },
  );

  it('leaves every other module to Vite', () => {
    expect(resolve.call(null, `${ROOT}drop-counts/DropCounts.svelte`)).toBeUndefined();
    expect(load.call(null, `${ROOT}drop-counts/Other.astro`)).toBeUndefined();
  });

  it('names the island a listed simulation lacks', () => {
    const missing = hooks([{ id: 'gaussian-noise', component: 'GaussianNoise' }]);
    expect(() => missing.load.call(null, `${ROOT}gaussian-noise/GaussianNoise.astro`)).toThrow(
      'simulation gaussian-noise: no island at src/islands/gaussian-noise/GaussianNoise.svelte',
    );
  });
});
