/**
 * Options an embedding page puts in an embed URL, beside the simulation's own state:
 * `?controls=locked` shows the parameter controls disabled and `?controls=hidden` leaves them out
 * (action buttons such as Train, Step, Reset or Sample work either way); `?hide=seed,dataset` and
 * `?lock=p` do the same to single controls, named as the simulation's parameters are; `?origin=` pins the origin
 * of the page messages are posted to (`parent.ts`). The same options work on the full-page views.
 * A repeated option takes its last value, as a simulation's parameters do (`url-state.ts`).
 */
import { CONTROL_OPTIONS } from '../lib/share/permalink.ts';
import { echo, lastValue } from '../lib/url-state.ts';

/** How a simulation shows its parameter controls. */
export type ControlsMode = 'shown' | 'locked' | 'hidden';

/** Query parameters that describe the embedding rather than the simulation's state. */
export const EMBEDDING_PARAMS = [...CONTROL_OPTIONS, 'origin', 'resize'] as const;

/**
 * Whether the embed asks the framing page to fit the frame to its content: yes unless the link
 * says `?resize=off`, for a frame the embedding page keeps at a height of its choosing. A value
 * other than `off` gets a notice and leaves resizing on.
 */
export function resizeOption(search: string): { resize: boolean; notices: string[] } {
  const notices: string[] = [];
  const value = lastValue(new URLSearchParams(search), 'resize', 'resize', notices);
  if (value === undefined) return { resize: true, notices };
  if (value.trim().toLowerCase() === 'off') return { resize: false, notices };
  notices.push(`The link asked for resize ${echo(value)}, which is not off; the frame is fitted to its content.`);
  return { resize: true, notices };
}

/** The controls a link hides or locks one by one, by parameter name. */
export interface ControlChoices {
  hide: readonly string[];
  lock: readonly string[];
}

/**
 * The parameter names `?hide=` and `?lock=` list, comma-separated, in lower case without spaces
 * (as a simulation's choices are read in `url-state.ts`), with a notice for an option given more
 * than once. Whether each name is a control of the simulation is for the simulation to say
 * ({@link unknownControls}): this reads the link alone.
 */
export function controlChoices(search: string): ControlChoices & { notices: string[] } {
  const notices: string[] = [];
  const params = new URLSearchParams(search);
  const list = (name: 'hide' | 'lock') => {
    const value = lastValue(params, name, name, notices) ?? '';
    const names = value.split(',').map((item) => item.trim().toLowerCase());
    return [...new Set(names.filter((item) => item !== ''))];
  };
  return { hide: list('hide'), lock: list('lock'), notices };
}

/**
 * Notices for the names in `choices` that are none of `controls` (the parameters whose controls a
 * simulation shows): the link's wish is then ignored, and the notice lists what it could name.
 */
export function unknownControls(choices: ControlChoices, controls: readonly string[]): string[] {
  const known = new Set(controls.map((name) => name.toLowerCase()));
  const listed = controls.length === 0 ? 'it has none' : `its controls are ${controls.join(', ')}`;
  return (['hide', 'lock'] as const).flatMap((option) =>
    choices[option]
      .filter((name) => !known.has(name))
      .map(
        (name) =>
          `The link asks to ${option} the control ${echo(name)}, which this simulation does not have (${listed}); ignored.`,
      ),
  );
}

/**
 * The controls mode `search` asks for, with notices for a repeated value, and for one that is not
 * `locked` or `hidden` as written: other letter case or spaces still count (as for a simulation's
 * choices in `url-state.ts`); anything else shows the controls.
 */
export function controlsOption(search: string): { mode: ControlsMode; notices: string[] } {
  const notices: string[] = [];
  const value = lastValue(new URLSearchParams(search), 'controls', 'controls', notices);
  if (value === undefined) return { mode: 'shown', notices };
  const near = value.trim().toLowerCase();
  const mode = near === 'locked' || near === 'hidden' ? near : 'shown';
  if (value !== 'locked' && value !== 'hidden') {
    const outcome = mode === 'shown' ? 'the controls are shown' : `using ${mode}`;
    notices.push(`The link asked for controls ${echo(value)}, which is not locked or hidden; ${outcome}.`);
  }
  return { mode, notices };
}

/**
 * The origin `?origin=https://lms.example.edu` pins, or undefined, with notices for a value
 * that is not an http or https origin (which is then not used) or is given more than once.
 */
export function originOption(search: string): { origin: string | undefined; notices: string[] } {
  const notices: string[] = [];
  const value = lastValue(new URLSearchParams(search), 'origin', 'origin', notices);
  if (!value) return { origin: undefined, notices };
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return { origin: url.origin, notices };
  const hint = /^[\w.-]+(:\d+)?$/.test(value) ? ` Write it with its scheme: https://${value}.` : '';
  notices.push(
    `The link's origin ${echo(value)} is not a web address such as https://lms.example.edu, so it is not used: ` +
      `this page sends its messages to whichever page embeds it.${hint}`,
  );
  return { origin: undefined, notices };
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
