import { createContext } from 'svelte';
import { publishControl } from '../../lib/share/live-state.ts';
import { controlChoices, controlsOption, unknownControls, type ControlsMode } from '../../lms/embed-options.ts';

/**
 * How each of a simulation's controls is shown, as the page's link asks: all of them
 * (`?controls=locked|hidden`) or one by one (`?hide=seed,dataset&lock=p`). The simulation's skeleton
 * makes one for its island; each control (Control.svelte) registers the parameter it sets and asks
 * for its mode; the island's settings list the link's notices, once every control has registered.
 */
export class ControlModes {
  /** the mode the link gives every control */
  readonly all: ControlsMode;
  readonly #choices: ReturnType<typeof controlChoices>;
  readonly #allNotices: readonly string[];
  /** the parameters whose controls the island shows, in the order they rendered */
  readonly #registered: string[] = [];

  readonly #prefix: string | undefined;

  /**
   * `search`: the page's query string, or '' where the state keeps out of the URL (a quiz task);
   * `prefix`: the simulation's URL prefix, under which its controls are published for the embed
   * dialog (none for a quiz task, which has no dialog of its own).
   */
  constructor(search: string, prefix?: string) {
    this.#prefix = prefix;
    const option = controlsOption(search);
    this.all = option.mode;
    this.#allNotices = option.notices;
    this.#choices = controlChoices(search);
  }

  /** Records that the island shows a control of `param`, and gives its mode. */
  register(param: string): ControlsMode {
    if (!this.#registered.includes(param)) this.#registered.push(param);
    if (this.#prefix !== undefined) publishControl(this.#prefix, param);
    return this.modeOf(param);
  }

  /** The mode of the control of `param`: hidden wins over locked, and the page-wide option over both. */
  modeOf(param: string): ControlsMode {
    const name = param.toLowerCase();
    if (this.all === 'hidden' || this.#choices.hide.includes(name)) return 'hidden';
    if (this.all === 'locked' || this.#choices.lock.includes(name)) return 'locked';
    return 'shown';
  }

  /** Whether any control is locked, for the note that says who fixed the settings. */
  get anyLocked(): boolean {
    return this.all === 'locked' || this.#registered.some((param) => this.modeOf(param) === 'locked');
  }

  /** What the link asked that could not be done as written: call once every control has registered. */
  notices(): string[] {
    return [...this.#allNotices, ...this.#choices.notices, ...unknownControls(this.#choices, this.#registered)];
  }
}

/** The island's control modes, for its controls: set by the simulation's skeleton (simulation.svelte.ts). */
export const [controlModes, setControlModes, hasControlModes] = createContext<ControlModes>();

/**
 * Registers controls an island shows only in some states (the training lab's second run, the
 * digits lab's training-set size), so a link may hide or lock them before they appear. Call it
 * while the island initialises.
 */
export function declareControls(...params: string[]): void {
  const modes = islandControlModes();
  for (const param of params) modes.register(param);
}

/** The modes of the island around the caller; a control outside a simulation island is always shown. */
export function islandControlModes(): ControlModes {
  return hasControlModes() ? controlModes() : new ControlModes('');
}
