import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** What the build needs to know of a simulation to give it its Astro component. */
interface Named {
  readonly id: string;
  readonly component: string;
}

/** The module that maps each simulation's id to its Astro component (src/components/simulation-components.ts). */
export const ISLANDS_MODULE = 'virtual:simulation-islands';

const ISLANDS_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Where a simulation's Astro component stands: `src/islands/<id>/<component>.astro`, beside its island. */
function boundaryPath({ id, component }: Named): string {
  return `${ISLANDS_DIR}${id}/${component}.astro`;
}

/**
 * The Astro component of a simulation: its frame (src/components/SimFrame.astro) around its island,
 * `src/islands/<id>/<component>.svelte`, hydrated when it scrolls into view. Astro learns which
 * script a hydrated component needs from a static import in an `.astro` file, so every simulation
 * needs such a file; they differ only in names, so the build writes them from the registry.
 */
function boundary({ id, component }: Named): string {
  return [
    '---',
    "import SimFrame from '../../components/SimFrame.astro';",
    "import { simulationById } from '../simulations.ts';",
    `import Island from './${component}.svelte';`,
    `const definition = simulationById(${JSON.stringify(id)});`,
    '---',
    '<SimFrame {definition} props={Astro.props}>{(initial, heading) => <Island client:visible {initial} {heading} />}</SimFrame>',
    '',
  ].join('\n');
}

/**
 * A Vite plugin that gives every simulation in `simulations` its Astro component, and the module
 * {@link ISLANDS_MODULE} that exports them by id. The `.astro` files it serves are not on disk:
 * a simulation's folder holds what is its own, and nothing written the same way eight times.
 */
export function simulationIslands(simulations: readonly Named[]): Plugin {
  const resolved = `\0${ISLANDS_MODULE}`;
  const boundaries = new Map(simulations.map((simulation) => [boundaryPath(simulation), simulation]));
  return {
    name: 'dropout-lab:simulation-islands',
    enforce: 'pre',
    resolveId(source) {
      if (source === ISLANDS_MODULE) return resolved;
      return boundaries.has(source) ? source : undefined;
    },
    load(id) {
      if (id === resolved) {
        const entries = simulations.map((simulation, i) => ({ simulation, name: `component${i}` }));
        return [
          ...entries.map(({ simulation, name }) => `import ${name} from ${JSON.stringify(boundaryPath(simulation))};`),
          'export default {',
          ...entries.map(({ simulation, name }) => `  ${JSON.stringify(simulation.id)}: ${name},`),
          '};',
        ].join('\n');
      }
      const simulation = boundaries.get(id);
      if (!simulation) return undefined;
      const island = `${ISLANDS_DIR}${simulation.id}/${simulation.component}.svelte`;
      if (existsSync(id)) {
        throw new Error(
          `src/islands/${simulation.id}/${simulation.component}.astro: the build writes this component; delete the file`,
        );
      }
      if (!existsSync(island)) {
        throw new Error(
          `simulation ${simulation.id}: no island at src/islands/${simulation.id}/${simulation.component}.svelte`,
        );
      }
      return boundary(simulation);
    },
  };
}
