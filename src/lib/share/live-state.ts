/**
 * The state every simulation on the page shows now, for the share and embed dialogs. Each island
 * publishes its complete state through `urlWriter` (src/islands/url-sync.ts) on every change, the
 * first included, so a dialog knows the whole state even before the address bar does: the address
 * changes only once the reader changes something, and then only every 300 ms.
 */
import { overlayQuery } from './permalink.ts';

/** The latest query string (`?counts.n=1024&…`, every parameter) of each URL prefix on the page. */
const published = new Map<string, string>();

/** Records the complete state of the simulation with this prefix, as a query string of its parameters. */
export function publishState(prefix: string, query: string): void {
  published.set(prefix, query);
}

/**
 * The complete state of the simulation with this prefix: what its island last published; before it
 * has (an island not yet hydrated), its page's starting values (`defaults`) with any of its
 * parameters that the address (`search`) sets in their place.
 */
export function currentQuery(prefix: string, defaults: string, search: string): string {
  return published.get(prefix) ?? overlayQuery(prefix, defaults, search);
}

/** The parameters whose controls each simulation on the page shows, by URL prefix, in the order they rendered. */
const controls = new Map<string, string[]>();

/** Records that the simulation with this prefix shows a control of `param` (its island registers each as it starts). */
export function publishControl(prefix: string, param: string): void {
  const list = controls.get(prefix) ?? [];
  if (!list.includes(param)) list.push(param);
  controls.set(prefix, list);
}

/** The parameters whose controls the simulation with this prefix shows; undefined before its island starts. */
export function publishedControls(prefix: string): readonly string[] | undefined {
  return controls.get(prefix);
}
