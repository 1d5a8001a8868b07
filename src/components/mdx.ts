import Aside from './Aside.astro';
import Prediction from './Prediction.astro';
import { SIM_MDX_COMPONENTS } from './simulation-components.ts';
import WeightMasks from './WeightMasks.astro';

/**
 * The components lesson authors use in MDX without importing them: `Aside`, `Prediction`, the
 * build-time figure `WeightMasks` and every simulation's (src/islands/simulations.ts). A name used in a lesson but missing here fails the build.
 */
export const mdxComponents = {
  Aside,
  Prediction,
  WeightMasks,
  ...SIM_MDX_COMPONENTS,
};
