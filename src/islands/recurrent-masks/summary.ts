import { formatNumber, formatPercent } from '../../lib/format.ts';
import { sampleTimeMasks, type TimeMaskSample } from '../../sim/recurrent-masks.ts';

/** The simulation's settings: drop probability p, time steps, units, seed. */
export interface TimeMaskSettings {
  p: number;
  steps: number;
  units: number;
  seed: number;
}

/** Both kinds of masks for one state, each drawn from the seed's mask stream as the lesson's claims draw them. */
export interface TimeMaskPicture {
  /** a fresh mask per time step */
  naive: TimeMaskSample;
  /** one mask per sequence, repeated at every step */
  variational: TimeMaskSample;
}

/** The masks the simulation shows for a state. */
export function timeMaskPicture({ p, steps, units, seed }: TimeMaskSettings): TimeMaskPicture {
  return {
    naive: sampleTimeMasks(steps, units, p, 'naive', seed),
    variational: sampleTimeMasks(steps, units, p, 'variational', seed),
  };
}

/** What one kind of mask does to the units over time, in words. */
function fate({ redrop, kept }: TimeMaskSample, units: number, steps: number): string {
  const again = Number.isNaN(redrop)
    ? 'no unit is dropped at the first step'
    : `a unit dropped at the first step is dropped again at ${formatPercent(redrop, 0)} of the later steps`;
  return `${again}, and ${formatNumber(kept * units, 0)} of ${units} units are kept at all ${steps} steps`;
}

/** The sentences that say what the grids show. */
export function describeTimeMasks(state: TimeMaskSettings, picture: TimeMaskPicture): string {
  const { p, steps, units } = state;
  return (
    `At p = ${formatNumber(p)}: with a fresh mask per step, ${fate(picture.naive, units, steps)}. ` +
    `With one mask per sequence, ${fate(picture.variational, units, steps)}.`
  );
}
