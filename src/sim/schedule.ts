/**
 * How the drop probability changes over training, as a factor on each layer's p.
 * - `constant`: p throughout.
 * - `linear`: annealed dropout, p falling linearly to 0 at `epochs` and staying there.
 * - `custom`: factor `factors[epoch]`, the last factor holding after the list ends.
 */
export type DropSchedule =
  { kind: 'constant' } | { kind: 'linear'; epochs: number } | { kind: 'custom'; factors: readonly number[] };

/** The factor on p at `epoch` (0-based), in [0, 1]. */
export function dropFactor(schedule: DropSchedule, epoch: number): number {
  switch (schedule.kind) {
    case 'constant':
      return 1;
    case 'linear':
      return schedule.epochs <= 0 ? 0 : Math.max(0, 1 - epoch / schedule.epochs);
    case 'custom': {
      const { factors } = schedule;
      if (factors.length === 0) return 1;
      const value = factors[Math.min(epoch, factors.length - 1)] ?? 1;
      return Math.min(1, Math.max(0, value));
    }
  }
}

/** Writes each base drop probability times the schedule's factor at `epoch` into `out`. */
export function scheduledDrop(base: readonly number[], schedule: DropSchedule, epoch: number, out: number[]): void {
  const factor = dropFactor(schedule, epoch);
  for (let l = 0; l < base.length; l++) out[l] = (base[l] ?? 0) * factor;
}
