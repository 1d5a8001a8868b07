/**
 * Options an embedding page puts in an embed URL, beside the simulation's own state:
 * `?controls=locked` shows the parameter controls disabled and `?controls=hidden` leaves them out
 * (action buttons such as Train, Step, Reset or Sample work either way); `?origin=` pins the origin
 * of the page messages are posted to (`parent.ts`). The same options work on the full-page views.
 */

/** How a simulation shows its parameter controls. */
export type ControlsMode = 'shown' | 'locked' | 'hidden';

/** Query parameters that describe the embedding rather than the simulation's state. */
export const EMBEDDING_PARAMS = ['controls', 'origin'] as const;

/** The controls mode `search` asks for; a missing or unknown value shows the controls. */
export function controlsMode(search: string): ControlsMode {
  const value = new URLSearchParams(search).get('controls');
  return value === 'locked' || value === 'hidden' ? value : 'shown';
}

/**
 * The query string that reopens an embed's simulation on its full-page view: `search` without
 * the embedding options, which describe how the embedding page shows it, not what it shows.
 * `?counts.n=100&controls=locked` → `?counts.n=100`; nothing left → ''.
 */
export function stateSearch(search: string): string {
  const params = new URLSearchParams(search);
  for (const name of EMBEDDING_PARAMS) params.delete(name);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
