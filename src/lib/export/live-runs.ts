/**
 * The run every simulation on the page shows now, for the Export dialog: each island publishes
 * its settings and tables whenever they change (`Simulation.exportRun`), and registers how to
 * replay a run file. The dialog reads the newest, and waits for the replay's.
 */
import type { RunData } from './run-data.ts';

/** A simulation's run as its island last published it. */
export interface LiveRun {
  /** every parameter, as the controls show it */
  readonly settings: Record<string, number | string>;
  readonly data: RunData;
}

/** What replaying a file's settings did: the values the simulation took, and what it had to change. */
export interface Replayed {
  readonly settings: Record<string, number | string>;
  readonly notices: readonly string[];
}

/** Sets a simulation to a run file's settings and runs it as far as the file's `progress`. */
export type Replayer = (settings: Record<string, number | string>, progress: number | undefined) => Replayed;

const runs = new Map<string, LiveRun>();
const watchers = new Map<string, Set<(run: LiveRun) => void>>();
const replayers = new Map<string, Replayer>();

/** Records the run of the simulation with this URL prefix, and tells whoever waits for it. */
export function publishRun(prefix: string, run: LiveRun): void {
  runs.set(prefix, run);
  for (const watch of watchers.get(prefix) ?? []) watch(run);
}

/** The newest run of the simulation with this prefix; undefined before its island starts. */
export function publishedRun(prefix: string): LiveRun | undefined {
  return runs.get(prefix);
}

/** Calls `watch` with every run the simulation publishes from now on; returns how to stop. */
export function watchRuns(prefix: string, watch: (run: LiveRun) => void): () => void {
  const set = watchers.get(prefix) ?? new Set();
  set.add(watch);
  watchers.set(prefix, set);
  return () => set.delete(watch);
}

/** Registers how the simulation with this prefix replays a run file. */
export function setReplayer(prefix: string, replayer: Replayer): void {
  replayers.set(prefix, replayer);
}

/** How the simulation with this prefix replays a run file; undefined before its island starts. */
export function replayerOf(prefix: string): Replayer | undefined {
  return replayers.get(prefix);
}
