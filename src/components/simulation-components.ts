import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { SIMULATIONS, type SimId } from '../islands/simulations.ts';
// Written by the build from the registry (src/islands/boundaries.ts): `src/islands/<id>/<component>.astro`.
import islands from 'virtual:simulation-islands';

/** A simulation's component by id: it validates the lesson's props and renders island and printed picture. */
export const SIM_COMPONENTS = islands as Record<SimId, AstroComponentFactory>;

/** The components lesson authors use in MDX, by the name they write (`<DropCounts n={1024} />`). */
export const SIM_MDX_COMPONENTS = Object.fromEntries(
  SIMULATIONS.map((definition) => [definition.component, SIM_COMPONENTS[definition.id]]),
);
