/**
 * Where a stepped reveal of precomputed draws stands: how many are shown and whether
 * they are being revealed over time. Pure functions; the island keeps the state.
 */
export interface Playback {
  /** draws revealed, 0…total */
  shown: number;
  /** draws available */
  total: number;
  /** revealing over time */
  running: boolean;
}

/** A stopped playback with nothing shown. */
export function startPlayback(total: number): Playback {
  return { shown: 0, total, running: false };
}

/** Reveals `count` more draws (at most up to the total) and stops running. */
export function stepBy(state: Playback, count: number): Playback {
  return { ...state, shown: Math.min(state.total, state.shown + count), running: false };
}

/** Starts or pauses; starting when everything is shown starts over from zero. */
export function toggleRun(state: Playback): Playback {
  if (state.running) return { ...state, running: false };
  return { ...state, shown: state.shown >= state.total ? 0 : state.shown, running: true };
}

/** Nothing shown, stopped. */
export function resetPlayback(state: Playback): Playback {
  return { ...state, shown: 0, running: false };
}

/** Everything shown, stopped: what "run" does when motion is reduced. */
export function finish(state: Playback): Playback {
  return { ...state, shown: state.total, running: false };
}

/**
 * The state `elapsedMs` after a run started from `startShown`, revealing `rate` draws a
 * second; it stops by itself once every draw is shown.
 */
export function advance(state: Playback, startShown: number, elapsedMs: number, rate: number): Playback {
  if (!state.running) return state;
  const shown = Math.min(state.total, startShown + Math.floor((Math.max(0, elapsedMs) / 1000) * rate));
  return { ...state, shown, running: shown < state.total };
}
