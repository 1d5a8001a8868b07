import { DROP_COUNT_SPECS } from '../../src/islands/drop-counts-state.ts';
import { RATE_SPECS } from '../../src/islands/effective-rate-state.ts';
import { EXPECTED_VALUE_SPECS } from '../../src/islands/expected-value-state.ts';
import { MC_SPECS } from '../../src/islands/monte-carlo-state.ts';
import { TOGGLE_SPECS } from '../../src/islands/neuron-toggling-state.ts';
import { SCALING_SPECS } from '../../src/islands/scaling-state.ts';
import { LAB_SPECS } from '../../src/islands/training-lab-state.ts';
import { DRAWS_SPECS } from '../../src/islands/unit-draws-summary.ts';
import { SIMS, type SimId } from '../../src/lib/sims.ts';
import type { Specs } from '../../src/lib/url-state.ts';

/** Each simulation's URL prefix and parameter specs, as its island reads them from the address. */
export const SIM_PARAMS: Record<SimId, { prefix: string; specs: Specs }> = {
  'neuron-toggling': { prefix: SIMS['neuron-toggling'].prefix, specs: TOGGLE_SPECS },
  'bernoulli-draws': { prefix: SIMS['bernoulli-draws'].prefix, specs: DRAWS_SPECS },
  'drop-counts': { prefix: SIMS['drop-counts'].prefix, specs: DROP_COUNT_SPECS },
  'expected-value': { prefix: SIMS['expected-value'].prefix, specs: EXPECTED_VALUE_SPECS },
  'train-test-scaling': { prefix: SIMS['train-test-scaling'].prefix, specs: SCALING_SPECS },
  'effective-rate': { prefix: SIMS['effective-rate'].prefix, specs: RATE_SPECS },
  training: { prefix: SIMS.training.prefix, specs: LAB_SPECS },
  'monte-carlo': { prefix: SIMS['monte-carlo'].prefix, specs: MC_SPECS },
};
