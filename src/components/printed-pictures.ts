import { SIMULATIONS, type SimId } from '../islands/simulations.ts';
import type { StateValues } from '../lib/share/permalink.ts';

/** A printed picture, as a page renders it: given the simulation's state. */
export type PrintedPicture = (props: { state: StateValues }) => unknown;

const printed = import.meta.glob<PrintedPicture>('../islands/*/Printed.svelte', {
  eager: true,
  import: 'default',
});

/**
 * Each simulation's printed picture, `src/islands/<id>/Printed.svelte`: its starting state as a
 * handout shows it in place of the island, rendered at build time only (its data may come from
 * the workers' own handlers, which never reach a page's scripts). Apart from the islands'
 * registry, so that code run outside Astro (the pictures' tests) can import it.
 */
export const SIM_PRINTED = Object.fromEntries(
  SIMULATIONS.map((definition) => {
    const picture = printed[`../islands/${definition.id}/Printed.svelte`];
    if (!picture)
      throw new Error(`simulation ${definition.id}: no printed picture at src/islands/${definition.id}/Printed.svelte`);
    return [definition.id, picture];
  }),
) as Record<SimId, PrintedPicture>;
