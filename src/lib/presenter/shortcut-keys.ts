/**
 * The pure part of the simulations' keyboard shortcuts: which key does what, when a key press is
 * left alone (typing in a field, a modifier held, Space on a button), and the next value of a
 * slider or the next option of a preset control. `shortcuts.ts` applies them to the page.
 */

/** What a shortcut does. */
export type ShortcutAction = 'play' | 'step' | 'reset' | 'p-down' | 'p-up' | 'preset' | 'presenter' | 'help';

/**
 * The controls that islands mark with `data-shortcut`: a button (`play`, `step`, `reset`), the
 * slider of the drop probability (`p`), and a select, radio group or group of toggle buttons (`preset`).
 */
export type ShortcutControl = 'play' | 'step' | 'reset' | 'p' | 'preset';

/** One shortcut: its keys as `KeyboardEvent.key` values (lower case) and as the help shows them. */
export interface ShortcutKeys {
  action: ShortcutAction;
  /** `KeyboardEvent.key` values, lower case */
  keys: readonly string[];
  /** the keys as printed in the help, each in its own `<kbd>` */
  shown: readonly string[];
}

/** Every shortcut, in the order the help lists them. */
export const SHORTCUTS: readonly ShortcutKeys[] = [
  { action: 'play', keys: [' ', 'k'], shown: ['Space', 'K'] },
  { action: 'step', keys: ['s'], shown: ['S'] },
  { action: 'reset', keys: ['r'], shown: ['R'] },
  { action: 'p-down', keys: ['[', '-'], shown: ['[', '-'] },
  { action: 'p-up', keys: [']', '+', '='], shown: [']', '+', '='] },
  { action: 'preset', keys: ['n'], shown: ['N'] },
  { action: 'presenter', keys: ['f'], shown: ['F'] },
  { action: 'help', keys: ['?'], shown: ['?'] },
];

/** The `aria-keyshortcuts` value of each marked control: the physical keys that drive it. */
export const ARIA_KEYS: Readonly<Record<ShortcutControl | 'presenter' | 'help', string>> = {
  play: 'K Space',
  step: 'S',
  reset: 'R',
  p: '[ ] - =',
  preset: 'N',
  presenter: 'F',
  help: '?',
};

/** The control an action drives, for the actions that act on a simulation. */
export const CONTROL_OF: Readonly<Partial<Record<ShortcutAction, ShortcutControl>>> = {
  play: 'play',
  step: 'step',
  reset: 'reset',
  'p-down': 'p',
  'p-up': 'p',
  preset: 'preset',
};

/** The fields of a key press that decide a shortcut. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** the key is held down and repeating */
  repeat: boolean;
}

/** The focused element, described without the DOM. */
export interface FocusTarget {
  /** lower-case tag name */
  tag: string;
  /** the `type` of an input, lower case; '' otherwise */
  type: string;
  /** `isContentEditable` */
  editable: boolean;
  /** the `role` attribute, or '' */
  role: string;
}

/** Input types that take no typed text: shortcuts still work while one has focus. */
const UNTYPED_INPUTS = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'color', 'file']);
/** Elements that Space presses, checks or opens by itself. */
const SPACE_ELEMENTS = new Set(['a', 'button', 'summary', 'select', 'textarea']);
const SPACE_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'color', 'file']);
const SPACE_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'menuitem', 'tab', 'option']);
/** Holding these keys down repeats them; the others act once per press. */
const REPEATING = new Set<ShortcutAction>(['step', 'p-down', 'p-up']);

/** Whether keys typed at the target are text: a text or number field, a select, a text area, an editor. */
export function isTyping(target: FocusTarget): boolean {
  if (target.editable || target.tag === 'textarea' || target.tag === 'select') return true;
  return target.tag === 'input' && !UNTYPED_INPUTS.has(target.type);
}

/** Whether Space already does something at the target: presses a button, follows a link, checks a box. */
export function spaceActs(target: FocusTarget): boolean {
  if (SPACE_ELEMENTS.has(target.tag) || SPACE_ROLES.has(target.role)) return true;
  return target.tag === 'input' && SPACE_INPUTS.has(target.type);
}

/**
 * The shortcut a key press asks for, or undefined when it must be left alone: a modifier other
 * than Shift is held, the target takes typed text, Space already acts there, or a one-off action
 * is repeating because the key is held.
 */
export function shortcutFor(press: KeyPress, target: FocusTarget): ShortcutAction | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey || isTyping(target)) return undefined;
  const key = press.key.toLowerCase();
  const found = SHORTCUTS.find((shortcut) => shortcut.keys.includes(key));
  if (!found || (key === ' ' && spaceActs(target))) return undefined;
  if (press.repeat && !REPEATING.has(found.action)) return undefined;
  return found.action;
}

/** The index after `current` among `count` options, wrapping round; the first when none is chosen (-1). */
export function nextIndex(current: number, count: number): number {
  if (count <= 0) return -1;
  return current < 0 ? 0 : (current + 1) % count;
}

/** A slider's range, as its `min`, `max` and `step` attributes give it. */
export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

/** Decimal places of a number as written, so steps of 0.05 give 0.35 and not 0.35000000000000003. */
function decimals(value: number): number {
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  const places = (mantissa.split('.')[1] ?? '').length - Number(exponent);
  return Math.max(0, places);
}

/**
 * The value one step up (`direction` 1) or down (-1) from `value` on the slider's grid
 * (min + k·step), kept within [min, max]. A value off the grid moves to the next grid value.
 */
export function nextSliderValue(value: number, range: SliderRange, direction: 1 | -1): number {
  const { min, max, step } = range;
  const position = (value - min) / step;
  const nearest = Math.round(position);
  const onGrid = Math.abs(position - nearest) < 1e-9;
  const k = onGrid ? nearest + direction : direction > 0 ? Math.ceil(position) : Math.floor(position);
  const places = Math.max(decimals(min), decimals(step));
  const next = Number((min + k * step).toFixed(places));
  const last = Number((min + Math.floor((max - min) / step + 1e-9) * step).toFixed(places));
  return Math.min(last, Math.max(min, next));
}

/** One line of the help: the keys and what they do. */
export interface HelpEntry {
  action: ShortcutAction;
  shown: readonly string[];
  text: string;
}

/**
 * The lines of the help for a simulation, in the order of {@link SHORTCUTS}: only the actions
 * whose control the simulation has (`controls` gives each one's description), presenter mode
 * where the page offers it, and the help itself.
 */
export function helpEntries(
  controls: Readonly<Partial<Record<ShortcutControl, string>>>,
  presenter: boolean,
): HelpEntry[] {
  const text = (action: ShortcutAction): string | undefined => {
    if (action === 'presenter') return presenter ? 'Enter or leave presenter mode' : undefined;
    if (action === 'help') return 'Show this list of shortcuts';
    const control = CONTROL_OF[action];
    const label = control ? controls[control] : undefined;
    if (label === undefined) return undefined;
    if (action === 'p-down') return `Lower ${label} by one step`;
    if (action === 'p-up') return `Raise ${label} by one step`;
    return label;
  };
  return SHORTCUTS.flatMap(({ action, shown }) => {
    const line = text(action);
    return line === undefined ? [] : [{ action, shown, text: line }];
  });
}

/** The attributes that mark a control for the shortcuts, as an island spreads them on the element. */
export interface ShortcutMark {
  'data-shortcut': ShortcutControl;
  /** how the help describes what the key does */
  'data-shortcut-label': string;
  'aria-keyshortcuts': string;
}

/** Marks a control for a shortcut: `<button {...shortcutMark('step', 'Draw once')}>`. */
export function shortcutMark(control: ShortcutControl, label: string): ShortcutMark {
  return { 'data-shortcut': control, 'data-shortcut-label': label, 'aria-keyshortcuts': ARIA_KEYS[control] };
}
