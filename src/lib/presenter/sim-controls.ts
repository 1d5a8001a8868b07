/**
 * The controls of a simulation that shortcuts drive, found by their `data-shortcut` mark, and
 * driven as the reader would drive them: a button is clicked, a slider moves one step, a preset
 * control moves to its next option. The control then does, and announces, what it always does.
 */
import { CONTROL_OF, nextIndex, nextSliderValue, type ShortcutAction, type ShortcutControl } from './shortcut-keys.ts';

/** Whether an element is rendered: not hidden, not inside a closed disclosure. */
export function rendered(element: Element): boolean {
  // checkVisibility is missing before Safari 17.4; a box tells the same for these elements.
  return element.checkVisibility ? element.checkVisibility() : element.getClientRects().length > 0;
}

/** Whether an element is rendered and not disabled. */
export function usable(element: Element): boolean {
  return rendered(element) && !element.matches(':disabled');
}

/** The items a preset group chooses among: its radios or its toggle buttons. */
function groupItems(group: HTMLElement): HTMLElement[] {
  return [...group.querySelectorAll<HTMLElement>('input[type="radio"], button')].filter(usable);
}

/** The marked controls of a simulation that can be used now, by what they do. */
export function shortcutControls(figure: Element): Partial<Record<ShortcutControl, HTMLElement>> {
  const found: Partial<Record<ShortcutControl, HTMLElement>> = {};
  for (const element of figure.querySelectorAll<HTMLElement>('[data-shortcut]')) {
    const kind = element.dataset['shortcut'] as ShortcutControl;
    if (found[kind] || !usable(element)) continue;
    if (kind === 'preset' && !(element instanceof HTMLSelectElement) && groupItems(element).length === 0) continue;
    found[kind] = element;
  }
  return found;
}

/** How the help describes a marked control: its `data-shortcut-label`, else its text. */
export function controlLabel(control: HTMLElement): string {
  return control.dataset['shortcutLabel'] ?? (control.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Sets a control's value and fires the events a reader's change fires, so the island's bindings see it. */
function setValue(control: HTMLInputElement | HTMLSelectElement, change: () => void): void {
  change();
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

function stepSlider(input: HTMLInputElement, direction: 1 | -1): void {
  const range = { min: Number(input.min || 0), max: Number(input.max || 100), step: Number(input.step) || 1 };
  const next = nextSliderValue(Number(input.value), range, direction);
  if (next !== Number(input.value)) setValue(input, () => (input.value = String(next)));
}

function nextPreset(control: HTMLElement): void {
  if (control instanceof HTMLSelectElement) {
    const options = [...control.options].filter((option) => !option.disabled);
    const current = options.findIndex((option) => option.selected);
    const next = options[nextIndex(current, options.length)];
    if (next && !next.selected) setValue(control, () => (next.selected = true));
    return;
  }
  const items = groupItems(control);
  const chosen = (item: HTMLElement) =>
    item instanceof HTMLInputElement ? item.checked : item.getAttribute('aria-pressed') === 'true';
  items[nextIndex(items.findIndex(chosen), items.length)]?.click();
}

/**
 * Performs a simulation action through its marked control. False when the simulation has no
 * usable control for it (none marked, hidden or disabled by the embedding page), so the key is
 * left to the browser.
 */
export function performAction(action: ShortcutAction, figure: Element): boolean {
  const kind = CONTROL_OF[action];
  const control = kind ? shortcutControls(figure)[kind] : undefined;
  if (!control) return false;
  if (action === 'p-down' || action === 'p-up') {
    if (control instanceof HTMLInputElement) stepSlider(control, action === 'p-up' ? 1 : -1);
  } else if (action === 'preset') {
    nextPreset(control);
  } else {
    control.click();
  }
  return true;
}
