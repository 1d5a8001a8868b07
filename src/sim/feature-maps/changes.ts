import type { Evaluation } from '../train.ts';
import type { MapBuffers } from './maps.ts';

/** One state of the picture: the maps and how the network scores on the validation points. */
export interface MapSnapshot {
  maps: MapBuffers;
  validation: Evaluation;
}

/** How much one hidden unit's map moved. */
export interface UnitChange {
  /** the unit's place in mask order (first hidden layer first) */
  unit: number;
  /** mean over the grid's cells of |after − before| of what the unit sends on */
  meanChange: number;
}

/** What a change of mask (or of scaling) did to the picture, for a text alternative. */
export interface MapChange {
  /** every hidden unit, the most changed first (ties in mask order) */
  units: UnitChange[];
  /** fraction of the grid's cells whose predicted class (probability ≥ 0.5 is class 1) flipped */
  flippedShare: number;
  /** validation accuracy after minus before, a fraction */
  accuracyChange: number;
  /** validation loss (mean cross-entropy) after minus before */
  lossChange: number;
}

/** Compares two snapshots of the same grid and network size. */
export function compareMaps(before: MapSnapshot, after: MapSnapshot): MapChange {
  const cells = before.maps.output.length;
  const hidden = before.maps.hidden.length / cells;
  if (after.maps.output.length !== cells || after.maps.hidden.length !== before.maps.hidden.length) {
    throw new RangeError('the two snapshots are of different grids or networks');
  }
  const units: UnitChange[] = [];
  for (let unit = 0; unit < hidden; unit++) {
    let sum = 0;
    for (let c = unit * cells; c < (unit + 1) * cells; c++)
      sum += Math.abs(after.maps.hidden[c]! - before.maps.hidden[c]!);
    units.push({ unit, meanChange: sum / cells });
  }
  units.sort((a, b) => b.meanChange - a.meanChange || a.unit - b.unit);
  return {
    units,
    flippedShare: flippedShare(before.maps.output, after.maps.output),
    accuracyChange: after.validation.accuracy - before.validation.accuracy,
    lossChange: after.validation.loss - before.validation.loss,
  };
}

/** Fraction of cells whose class (probability ≥ 0.5 is class 1) differs between two decision maps ([cell]). */
export function flippedShare(before: Float64Array, after: Float64Array): number {
  let flipped = 0;
  for (let c = 0; c < before.length; c++) if (before[c]! >= 0.5 !== after[c]! >= 0.5) flipped++;
  return flipped / before.length;
}
