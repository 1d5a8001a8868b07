/**
 * Presenter mode of a lab or embed page (src/components/PresenterControls.astro): the
 * `data-presenter` marker on <html>, under which `src/styles/presenter.css` hides the site chrome
 * and enlarges type and chart strokes in high contrast, plus full screen where the browser grants
 * it. Where it does not (no Fullscreen API, as on an iPhone; an iframe without
 * `allow="fullscreen"`; a refusal), presenter mode still fills the window and says so.
 * The toggle button, Esc and the browser leaving full screen all leave it.
 */
import { openShortcutHelp } from './help-dialog.ts';
import { rendered } from './sim-controls.ts';

const root = document.documentElement;

/** Whether presenter mode is on. */
function active(): boolean {
  return root.hasAttribute('data-presenter');
}

/** Wires one set of presenter controls: the toggle, the shortcut list's button, the status line. */
export function startPresenterControls(controls: HTMLElement): void {
  const toggle = controls.querySelector<HTMLButtonElement>('[data-presenter-toggle]');
  const status = controls.querySelector<HTMLElement>('[data-presenter-status]');
  const helpButton = controls.querySelector<HTMLButtonElement>('[data-shortcut-help-open]');
  if (!toggle || !status) return;
  /** Whether this presenter mode went full screen, so leaving full screen ends it. */
  let fullScreen = false;

  const show = (on: boolean, message: string) => {
    toggle.setAttribute('aria-pressed', String(on));
    status.textContent = message;
  };

  const leave = () => {
    if (!active()) return;
    root.removeAttribute('data-presenter');
    fullScreen = false;
    show(false, '');
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  };

  const enter = async () => {
    root.setAttribute('data-presenter', '');
    show(true, '');
    // The focused element may belong to the chrome that presenter mode hides.
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && focused !== document.body && !rendered(focused)) toggle.focus();
    let granted = false;
    if (document.fullscreenEnabled && typeof root.requestFullscreen === 'function') {
      granted = await root.requestFullscreen({ navigationUI: 'hide' }).then(
        () => true,
        () => false,
      );
    }
    // The reader may have left again while the browser decided.
    if (!active()) {
      if (granted) document.exitFullscreen().catch(() => undefined);
      return;
    }
    fullScreen = granted;
    if (!granted) show(true, 'Full screen is not available here, so presenter mode fills this window instead.');
  };

  toggle.addEventListener('click', () => (active() ? leave() : void enter()));
  helpButton?.addEventListener('click', () => {
    const figure = document.querySelector('figure.sim[data-sim]');
    if (figure) openShortcutHelp(figure, true);
  });
  document.addEventListener('fullscreenchange', () => {
    if (fullScreen && !document.fullscreenElement) leave();
  });
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !active()) return;
    // Esc in an open dialog closes that dialog only.
    if (document.querySelector('dialog:modal')) return;
    leave();
  });
}
