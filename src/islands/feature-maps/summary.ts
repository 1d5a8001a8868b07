import { formatPercent } from '../../lib/format.ts';
import type { MapChange } from '../../sim/feature-maps/changes.ts';
import { FEATURE_MAP_SETUP } from '../../sim/feature-maps/setup.ts';
import type { Evaluation } from '../../sim/train.ts';

/** Units of each hidden layer of the feature-map network: [6, 6]. */
export const FM_LAYERS = FEATURE_MAP_SETUP.training.shape.sizes.slice(1, -1);

/** Hidden units over both layers: the length of the mask. */
export const FM_HIDDEN = FM_LAYERS.reduce((sum, n) => sum + n, 0);

/** Every hidden unit kept. */
export const FM_ALL_KEPT = '1'.repeat(FM_HIDDEN);

/** Cells per side of every map. */
export const FM_RESOLUTION = 32;

/** The two networks of a seed's pair, as the URL names them. */
export const FM_NETWORKS = ['dropout', 'no-dropout'] as const;
export type FmNetwork = (typeof FM_NETWORKS)[number];

/** The drop probability p both hidden layers were trained with, in the network trained with dropout. */
export const FM_TRAINING_P = FEATURE_MAP_SETUP.training.dropout.p[1] ?? 0;

/** Plain names of the networks, for the radio buttons and the sentences. */
export const NETWORK_NAMES: Record<FmNetwork, string> = {
  dropout: `trained with dropout (p = ${FM_TRAINING_P})`,
  'no-dropout': 'trained without dropout',
};

/** A hidden unit's name from its place in mask order (first hidden layer first): "Hidden layer 2 unit 3". */
export function unitName(unit: number): string {
  let first = 0;
  for (const [l, n] of FM_LAYERS.entries()) {
    if (unit < first + n) return `Hidden layer ${l + 1} unit ${unit - first + 1}`;
    first += n;
  }
  throw new RangeError(`no hidden unit ${unit}; there are ${FM_HIDDEN}`);
}

/** "a", "a and b", "a, b and c". */
function listed(names: string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** What the scene shows, for the summary: the mask, the change from every unit, and both scores. */
export interface MapsReport {
  /** the mask, 1 kept and 0 dropped, in mask order */
  mask: string;
  network: FmNetwork;
  /** what the mask (and scaling) changed, against every unit kept as the network was trained */
  change: MapChange;
  /** the validation points scored with the mask */
  current: Evaluation;
  /** and with every unit kept */
  full: Evaluation;
}

/** Kept units whose maps changed most, at most this many, named in the summary. */
const NAMED = 3;

/**
 * The text alternative of the picture: which units are dropped, which kept units' maps changed
 * most, how much of the decision map changed class, and the validation accuracy with the mask and
 * with every unit.
 */
export function describeMaps({ mask, network, change, current, full }: MapsReport): string {
  const dropped = [...mask].flatMap((bit, unit) => (bit === '0' ? [unitName(unit)] : []));
  const head =
    dropped.length === 0
      ? `Every hidden unit of the network ${NETWORK_NAMES[network]} kept.`
      : `Dropped ${dropped.length} of ${FM_HIDDEN} hidden units of the network ${NETWORK_NAMES[network]}: ${listed(dropped)}.`;
  const moved = change.units
    .filter(({ unit, meanChange }) => mask[unit] === '1' && meanChange > 1e-9)
    .slice(0, NAMED)
    .map(({ unit }) => unitName(unit));
  const maps =
    moved.length === 0 ? 'No kept unit’s map changed.' : `Kept units whose maps changed most: ${listed(moved)}.`;
  return (
    `${head} ${maps} ${formatPercent(change.flippedShare, 1)} of the decision map changed class. ` +
    `Validation accuracy ${formatPercent(current.accuracy, 1)} with this mask, ${formatPercent(full.accuracy, 1)} with every unit.`
  );
}
