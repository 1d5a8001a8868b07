import type { DataTable } from '../../lib/export/run-data.ts';
import { gridInputs, type GridExtent } from '../../sim/decision-grid.ts';
import type { PairRemovals } from '../../sim/feature-maps/removals.ts';
import { readoutTable } from '../run-tables.ts';
import type { FeatureMapState } from './definition.ts';
import { rankRemovals } from './removal-summary.ts';
import type { ScenePicture } from './scene.ts';
import { FM_HIDDEN, FM_RESOLUTION, NETWORK_NAMES, unitName } from './summary.ts';

/** What the feature-map island shows once its pair is trained. */
export interface FeatureMapRun {
  /** the maps and the comparison with every unit kept, for the state's mask and network */
  picture: ScenePicture;
  /** the plane the maps cover */
  extent: GridExtent;
  /** each hidden unit of each network removed alone at test time */
  removals: PairRemovals;
  /** how many masks were sampled */
  draws: number;
}

/**
 * The numbers of a feature-map run, for the Export dialog: every hidden unit's map and the decision
 * map at the centre of each of the 32 × 32 cells, the readouts, and both removal charts' bars.
 * Nothing until the pair is trained (`run` undefined).
 */
export function featureMapTables(state: FeatureMapState, run: FeatureMapRun | undefined): DataTable[] {
  if (!run) return [];
  const { picture, extent, removals, draws } = run;
  const cells = FM_RESOLUTION * FM_RESOLUTION;
  const points = gridInputs(extent, FM_RESOLUTION);
  const units = Array.from({ length: FM_HIDDEN }, (_, unit) => unit);
  const maps: DataTable = {
    title: 'Maps over the input plane',
    columns: [
      'x₁',
      'x₂',
      ...units.map((unit) => `${unitName(unit)}, sent on`),
      `probability of class 1, network ${NETWORK_NAMES[state.network]}`,
    ],
    rows: Array.from({ length: cells }, (_, c) => [
      points[2 * c] ?? '',
      points[2 * c + 1] ?? '',
      ...units.map((unit) => picture.maps.hidden[unit * cells + c] ?? ''),
      picture.maps.output[c] ?? '',
    ]),
  };
  const plain = rankRemovals(removals.withoutDropout);
  const dropout = rankRemovals(removals.withDropout);
  const ranked: DataTable = {
    title: 'Removing one hidden unit at test time, units ranked',
    columns: [
      'rank',
      `validation loss rise, ${NETWORK_NAMES['no-dropout']}`,
      `validation loss rise, ${NETWORK_NAMES.dropout}`,
      `share of the decision map flipped, ${NETWORK_NAMES['no-dropout']}`,
      `share of the decision map flipped, ${NETWORK_NAMES.dropout}`,
    ],
    rows: plain.lossChanges.map((rise, i) => [
      i + 1,
      rise,
      dropout.lossChanges[i] ?? '',
      plain.flippedShares[i] ?? '',
      dropout.flippedShares[i] ?? '',
    ]),
  };
  const readouts = readoutTable('Readouts', [
    ['hidden units kept', [...state.mask].filter((c) => c === '1').length],
    ['validation accuracy, this mask', picture.current.accuracy],
    ['validation accuracy, every unit', picture.full.accuracy],
    ['validation loss, this mask', picture.current.loss],
    ['validation loss, every unit', picture.full.loss],
    ['share of the decision map that changed class', picture.change.flippedShare],
    ['masks sampled', draws],
  ]);
  return [maps, readouts, ranked];
}
