import type { SimulationDefinition } from '../../islands/definition.ts';
import { simulationById, type SimId } from '../../islands/simulations.ts';
import { simulationSocialPath, type SocialImage } from './urls.ts';

/**
 * What simulation `id`'s thumbnail shows, in words: its printed caption of its full-page view's
 * starting state. The alt text of its thumbnail wherever one is shown.
 */
export function thumbnailAlt(id: SimId): string {
  const definition: SimulationDefinition = simulationById(id);
  return definition.printCaption(definition.start({}));
}

/** The social preview image of simulation `id`'s pages (lab, teacher's notes, embed). */
export function simulationSocialImage(id: SimId): SocialImage {
  const { title } = simulationById(id);
  return { path: simulationSocialPath(id), alt: `Dropout Lab, simulation: ${title}. ${thumbnailAlt(id)}` };
}
