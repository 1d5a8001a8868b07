/**
 * The list of keyboard shortcuts (`?`): a modal dialog naming exactly the shortcuts the
 * simulation offers now, with the switch that turns single-key shortcuts off (WCAG 2.1.4). It is
 * made once per page, on first use, from text only; closing it returns the focus to where it was.
 */
import { readStored, writeStored } from '../storage.ts';
import { helpEntries, type ShortcutControl } from './shortcut-keys.ts';
import { controlLabel, shortcutControls } from './sim-controls.ts';

/** Storage key of the reader's choice to turn single-key shortcuts off. */
const OFF_KEY = 'dropout-lab:shortcuts';

/** Whether single-key shortcuts are on (the default). */
export function shortcutsOn(): boolean {
  return readStored(OFF_KEY) !== 'off';
}

let dialog: HTMLDialogElement | undefined;
let returnTo: HTMLElement | null = null;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (text) made.textContent = text;
  if (className) made.className = className;
  return made;
}

function build(): HTMLDialogElement {
  const made = element('dialog', '', 'shortcut-help');
  made.setAttribute('aria-labelledby', 'shortcut-help-title');
  const title = element('h2', 'Keyboard shortcuts', 'shortcut-help-title');
  title.id = 'shortcut-help-title';
  const toggle = element('label', '', 'shortcut-help-toggle');
  const box = element('input');
  box.type = 'checkbox';
  box.addEventListener('change', () => writeStored(OFF_KEY, box.checked ? 'on' : 'off'));
  toggle.append(box, ' Single-key shortcuts on');
  const close = element('button', 'Close');
  close.type = 'button';
  close.autofocus = true;
  close.addEventListener('click', () => made.close());
  made.append(title, element('p', '', 'shortcut-help-scope'), element('dl', '', 'shortcut-list'), toggle, close);
  made.addEventListener('close', () => {
    const back = returnTo?.isConnected ? returnTo : document.querySelector<HTMLElement>('[data-presenter-toggle]');
    back?.focus();
  });
  document.body.append(made);
  return made;
}

/** Writes the simulation's shortcuts into the dialog. */
function fill(help: HTMLDialogElement, figure: Element, onePage: boolean): void {
  const controls: Partial<Record<ShortcutControl, string>> = {};
  for (const [kind, control] of Object.entries(shortcutControls(figure))) {
    controls[kind as ShortcutControl] = controlLabel(control);
  }
  const list = help.querySelector('.shortcut-list');
  list?.replaceChildren(
    ...helpEntries(controls, onePage).map((entry) => {
      const row = element('div');
      const keys = element('dt');
      entry.shown.forEach((key, i) => keys.append(...(i > 0 ? [' or '] : []), element('kbd', key)));
      row.append(keys, element('dd', entry.text));
      return row;
    }),
  );
  const scope = help.querySelector('.shortcut-help-scope');
  if (scope) {
    scope.textContent = onePage
      ? 'These keys work anywhere on this page, except in a field you type in. Esc closes this list; outside it, Esc leaves presenter mode.'
      : 'These keys work while the focus is in this simulation, except in a field you type in. Esc closes this list.';
  }
  const box = help.querySelector<HTMLInputElement>('.shortcut-help-toggle input');
  if (box) box.checked = shortcutsOn();
}

/** Opens the list of shortcuts for a simulation; `onePage` when the page holds only that simulation. */
export function openShortcutHelp(figure: Element, onePage: boolean): void {
  const help = dialog ?? (dialog = build());
  fill(help, figure, onePage);
  returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  help.showModal();
}
