/**
 * The course home's figure: a small network whose hidden units drop out afresh at every training
 * step. Its shape, drop probability and seed, in one place for the island and its test.
 */
import { networkLayout, type UnitPosition } from '../../charts/network-layout.ts';

/** units per layer, inputs first: two hidden layers, where dropout acts */
export const LAYERS = [4, 7, 7, 2] as const;
/** the hidden layers' sizes */
export const HIDDEN = LAYERS.slice(1, -1);
/** how many hidden units there are */
export const HIDDEN_UNITS = HIDDEN.reduce((sum, units) => sum + units, 0);
/** the drop probability of every hidden unit (the course's usual p) */
export const DROP_P = 0.5;
/** the masks' seed: any fixed one, so the page without JavaScript shows the same first mask */
export const SEED = 2014;
/** time between masks while playing, in milliseconds: slow enough to read a count */
export const STEP_MS = 1400;
/** the drawing's coordinate space; the SVG scales it to its width, keeping its shape */
export const VIEW = { width: 480, height: 250, radius: 13 } as const;

/** A unit with its place and whether dropout can switch it off. */
export interface PlacedUnit extends UnitPosition {
  hidden: boolean;
}

/** Every unit's place in the view. */
export function placedUnits(): PlacedUnit[] {
  return networkLayout(LAYERS, VIEW.width, VIEW.height, VIEW.radius * 2.6).map((unit) => ({
    ...unit,
    hidden: unit.layer > 0 && unit.layer < LAYERS.length - 1,
  }));
}
