import { SIMULATIONS, type SimId } from '../../src/islands/simulations.ts';
import type { Specs } from '../../src/lib/url-state.ts';

/** Each simulation's URL prefix and parameter specs, from its definition. */
export const SIM_PARAMS = Object.fromEntries(
  SIMULATIONS.map(({ id, prefix, specs }) => [id, { prefix, specs: specs as Specs }]),
) as Record<SimId, { prefix: string; specs: Specs }>;
