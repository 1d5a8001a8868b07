/** The rows of the Export dialog's lists: a name, then download buttons that report in a status line. */

/** A download button of a dialog row: `save` makes the file; the status line says how it went. */
export function saveButton(
  format: string,
  subject: string,
  status: HTMLElement,
  save: () => Promise<void>,
): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = format;
  element.setAttribute('aria-label', `Download ${subject} as ${format}`);
  element.addEventListener('click', () => {
    status.textContent = '';
    save().then(
      () => (status.textContent = `Downloaded ${subject} as ${format}.`),
      (error: unknown) =>
        (status.textContent = `The ${format} file could not be made: ${error instanceof Error ? error.message : String(error)}.`),
    );
  });
  return element;
}

/** A row of a dialog's list: its name, then its buttons. */
export function exportRow(name: string, ...buttons: HTMLButtonElement[]): HTMLLIElement {
  const row = document.createElement('li');
  const label = document.createElement('span');
  label.textContent = name;
  row.append(label, ...buttons);
  return row;
}
