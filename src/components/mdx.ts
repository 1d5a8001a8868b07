import Aside from './Aside.astro';
import { SIM_MDX_COMPONENTS } from './simulation-components.ts';

/**
 * The components lesson authors use in MDX without importing them: `Aside` and every
 * simulation's (src/islands/simulations.ts). A name used in a lesson but missing here fails the build.
 */
export const mdxComponents = {
  Aside,
  ...SIM_MDX_COMPONENTS,
};
