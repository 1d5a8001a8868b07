import Aside from './Aside.astro';
import Prediction from './Prediction.astro';
import { SIM_MDX_COMPONENTS } from './simulation-components.ts';

/**
 * The components lesson authors use in MDX without importing them: `Aside`, `Prediction` and every
 * simulation's (src/islands/simulations.ts). A name used in a lesson but missing here fails the build.
 */
export const mdxComponents = {
  Aside,
  Prediction,
  ...SIM_MDX_COMPONENTS,
};
