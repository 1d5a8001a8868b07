/**
 * Links to a simulation's state: the permalink of a run (its full-page view with every parameter
 * of the run), the shortest link to a lesson's starting state, and the address that resets a
 * simulation to its page's defaults. Pure string work over URLs, shared by the build and the browser.
 */

/** A simulation's values by parameter name, as its URL spec names them. */
export type StateValues = Readonly<Record<string, string | number>>;

/**
 * The query string of a simulation's values under its prefix, in the values' order:
 * `stateQuery('counts', { n: 1024, p: 0.5 })` is `?counts.n=1024&counts.p=0.5`; no values give ''.
 */
export function stateQuery(prefix: string, values: StateValues): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) params.set(`${prefix}.${key}`, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Whether a query parameter belongs to the simulation with this prefix (`counts.n` to `counts`). */
function ownedBy(name: string, prefix: string): boolean {
  return name.startsWith(`${prefix}.`);
}

/**
 * The query string a simulation shows when nothing more exact is known: its page's starting
 * values (`defaults`, a query string from {@link stateQuery}) with any of its own parameters the
 * page's address sets (`search`) put in their place. Other parameters of `search` are left out.
 */
export function overlayQuery(prefix: string, defaults: string, search: string): string {
  const params = new URLSearchParams(defaults);
  for (const [name, value] of new URLSearchParams(search)) {
    if (ownedBy(name, prefix)) params.set(name, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The page's options that hide or lock a simulation's controls (src/lms/embed-options.ts). */
export const CONTROL_OPTIONS = ['controls', 'hide', 'lock'] as const;

/**
 * `query` with the options of `search` that hide or lock controls added after it: a link shared
 * from a page whose controls a teacher fixed opens with them fixed the same way.
 */
export function withControlOptions(query: string, search: string): string {
  const params = new URLSearchParams(query);
  const page = new URLSearchParams(search);
  for (const name of CONTROL_OPTIONS) for (const value of page.getAll(name)) params.append(name, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * The permalink of a run: the full-page view `labHref` (absolute, or root-relative and then
 * resolved against `origin`) with the run's query string, without fragment.
 */
export function permalink(labHref: string, origin: string, query: string): string {
  const url = new URL(labHref, origin);
  url.search = query;
  url.hash = '';
  return url.href;
}

/**
 * The shortest query string that opens a page whose defaults are `base` in the state `values`:
 * only the parameters that differ. Used for printed links, which readers may have to type.
 */
export function differingQuery(prefix: string, values: StateValues, base: StateValues): string {
  const changed = Object.entries(values).filter(([key, value]) => String(base[key]) !== String(value));
  return stateQuery(prefix, Object.fromEntries(changed));
}

/**
 * The address that reopens the page `href` with the simulation of this prefix in its page's
 * starting state: every `<prefix>.*` parameter removed, every other parameter kept (another
 * simulation's, an embed's options), and the fragment set to the simulation's figure.
 */
export function resetUrl(href: string, prefix: string, fragment: string): string {
  const url = new URL(href);
  const params = new URLSearchParams(url.search);
  for (const name of [...params.keys()]) {
    if (ownedBy(name, prefix)) params.delete(name);
  }
  const text = params.toString();
  url.search = text === '' ? '' : `?${text}`;
  url.hash = fragment;
  return url.href;
}
