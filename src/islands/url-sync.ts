import { publishState } from '../lib/share/live-state.ts';
import { writeState, type Specs, type ValuesOf } from '../lib/url-state.ts';

/**
 * Returns a function that writes a simulation's state into the address bar (replacing the
 * history entry, so the back button still leaves the page), at most every `wait` ms. The
 * first call, with the state the page opened in, writes nothing: the address changes only
 * once the reader changes something. Every call, the first included, publishes the complete
 * state at once for the share and embed dialogs (src/lib/share/live-state.ts), which cannot
 * wait for the address. Disabled (`enabled` false), it writes and publishes nothing ever.
 */
export function urlWriter<S extends Specs>(
  prefix: string,
  specs: S,
  wait = 300,
  enabled = true,
): (values: ValuesOf<S>) => void {
  if (!enabled) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: ValuesOf<S> | undefined;
  let first = true;
  return (values) => {
    publishState(prefix, writeState(prefix, specs, '', values));
    if (first) {
      first = false;
      return;
    }
    pending = values;
    timer ??= setTimeout(() => {
      timer = undefined;
      if (!pending) return;
      const search = writeState(prefix, specs, location.search, pending);
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    }, wait);
  };
}

/**
 * Returns a function that sets a live region's text once changes have settled for `wait`
 * ms, so dragging a slider announces the result once, not every step.
 */
export function settledAnnouncer(set: (text: string) => void, wait = 700): (text: string) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (text) => {
    clearTimeout(timer);
    timer = setTimeout(() => set(text), wait);
  };
}
