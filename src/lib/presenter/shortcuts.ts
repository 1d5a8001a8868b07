/**
 * The simulations' keyboard shortcuts on the page. A key press becomes an action
 * (`shortcut-keys.ts`), finds its simulation (`figure.sim`) and acts through the control the
 * island marked for it (`sim-controls.ts`).
 *
 * On a page with presenter controls (a lab or embed page: one simulation) the shortcuts act on
 * that simulation wherever the focus is; elsewhere (a lesson) only on the simulation holding the
 * focus. They stay quiet while a field takes typed text, while a dialog is open, with Ctrl, Alt or
 * Meta held, and when the reader has turned them off in the help (WCAG 2.1.4).
 */
import { openShortcutHelp, shortcutsOn } from './help-dialog.ts';
import { shortcutFor, type FocusTarget } from './shortcut-keys.ts';
import { performAction, usable } from './sim-controls.ts';

/** The page's presenter controls, on a page made of one simulation (lab and embed pages). */
function presenterControls(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-presenter-controls]');
}

/** The simulation a key press acts on: the one holding the focus, else the page's only one. */
function simulationFor(target: Element | null): HTMLElement | null {
  const holding = target?.closest<HTMLElement>('figure.sim');
  if (holding) return holding;
  return presenterControls() ? document.querySelector<HTMLElement>('figure.sim[data-sim]') : null;
}

function describe(target: Element | null): FocusTarget {
  return {
    tag: target?.localName ?? '',
    type: target instanceof HTMLInputElement ? target.type.toLowerCase() : '',
    editable: target instanceof HTMLElement && target.isContentEditable,
    role: target?.getAttribute('role') ?? '',
  };
}

function onKeydown(event: KeyboardEvent): void {
  if (event.defaultPrevented || !shortcutsOn() || document.querySelector('dialog:modal')) return;
  const target = event.target instanceof Element ? event.target : null;
  const action = shortcutFor(event, describe(target));
  const figure = simulationFor(target);
  if (!action || !figure) return;
  let done: boolean;
  if (action === 'presenter') {
    const toggle = presenterControls()?.querySelector<HTMLButtonElement>('[data-presenter-toggle]');
    done = toggle !== null && toggle !== undefined && usable(toggle);
    if (done) toggle?.click();
  } else if (action === 'help') {
    openShortcutHelp(figure, presenterControls() !== null);
    done = true;
  } else {
    done = performAction(action, figure);
  }
  if (done) event.preventDefault();
}

let listeners = 0;

/**
 * Starts listening for the shortcuts, once per page however many islands ask; the returned
 * function stops when the last of them no longer needs it (an island's `$effect` cleanup).
 */
export function listenForShortcuts(): () => void {
  if (listeners++ === 0) window.addEventListener('keydown', onKeydown);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    if (--listeners === 0) window.removeEventListener('keydown', onKeydown);
  };
}
