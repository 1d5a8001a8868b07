import type { NumberSpec } from '../lib/url-state.ts';

/** Where a number may go: the range and step of its slider or box. */
type Limits = Pick<NumberSpec, 'min' | 'max' | 'step'>;

/**
 * The drop probability p over `limits`, as every simulation names it. Each simulation sets its
 * own range: the one its worker's checks accept and its lesson's point needs.
 */
export function dropProbabilitySpec<const L extends Limits>(limits: L) {
  return { kind: 'number', label: 'drop probability p', ...limits } as const;
}

/**
 * How many masks a sampling simulation draws: the three sizes the masks control offers
 * (src/islands/controls/MasksField.svelte), from a quick look to a smooth histogram.
 */
export const MASKS_SPEC = {
  kind: 'number',
  label: 'number of masks',
  min: 1_000,
  max: 100_000,
  step: 1_000,
  options: [1_000, 10_000, 100_000],
} as const satisfies NumberSpec;
