/**
 * The notice a page shows when a new version of the course is ready: one polite live region,
 * present from the start (so that screen readers announce what appears in it), holding the
 * sentence, a "Reload" button and a "Dismiss" button while there is something to say.
 */
export class UpdateNotice {
  #region: HTMLElement;
  #reload: () => void;

  /** @param reload what "Reload" does: hand over to the new version and reload the page */
  constructor(reload: () => void) {
    this.#reload = reload;
    this.#region = document.createElement('div');
    this.#region.className = 'update-notice';
    this.#region.setAttribute('role', 'status');
    // After the site header: keyboard users reach it before the page's content.
    const main = document.querySelector('main');
    if (main) main.before(this.#region);
    else document.body.append(this.#region);
  }

  /** Shows the notice, once. */
  show(): void {
    if (this.#region.childElementCount > 0) return;
    const text = document.createElement('p');
    text.textContent = 'A new version of the course is available.';
    const reload = this.#button('Reload', () => this.#reload());
    const dismiss = this.#button('Dismiss', () => {
      this.#region.replaceChildren();
      document.querySelector<HTMLElement>('main')?.focus();
    });
    this.#region.replaceChildren(text, reload, dismiss);
  }

  #button(label: string, action: () => void): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', action);
    return button;
  }
}
