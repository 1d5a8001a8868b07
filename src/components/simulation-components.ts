import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { SIMULATIONS, type SimId } from '../islands/simulations.ts';
import type { StateValues } from '../lib/share/permalink.ts';
// Written by the build from the registry (src/islands/boundaries.ts): `src/islands/<id>/<component>.astro`.
import islands from 'virtual:simulation-islands';

/** A simulation's component by id: it validates the lesson's props and renders island and printed picture. */
export const SIM_COMPONENTS = islands as Record<SimId, AstroComponentFactory>;

/** A printed picture, as a page renders it: given the simulation's state. */
type PrintedPicture = (props: { state: StateValues }) => unknown;

const printed = import.meta.glob<PrintedPicture>('../islands/*/Printed.svelte', {
  eager: true,
  import: 'default',
});

/**
 * Each simulation's printed picture, `src/islands/<id>/Printed.svelte`: its starting state as a
 * handout shows it in place of the island, rendered at build time only (its data may come from
 * the workers' own handlers, which never reach a page's scripts).
 */
export const SIM_PRINTED = Object.fromEntries(
  SIMULATIONS.map((definition) => {
    const picture = printed[`../islands/${definition.id}/Printed.svelte`];
    if (!picture)
      throw new Error(`simulation ${definition.id}: no printed picture at src/islands/${definition.id}/Printed.svelte`);
    return [definition.id, picture];
  }),
) as Record<SimId, PrintedPicture>;

/** The components lesson authors use in MDX, by the name they write (`<DropCounts n={1024} />`). */
export const SIM_MDX_COMPONENTS = Object.fromEntries(
  SIMULATIONS.map((definition) => [definition.component, SIM_COMPONENTS[definition.id]]),
);
