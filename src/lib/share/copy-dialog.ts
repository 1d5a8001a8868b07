/**
 * What the site's copy dialogs share (SharePanel.astro: a simulation's permalink; EmbedPanel.astro:
 * the iframe code of a quiz or simulation): a button opens a modal dialog filled afresh, and a copy
 * button copies the dialog's read-only field and says in a status line whether that worked.
 */

/**
 * One kind of copy dialog. Its markup names the common parts after the panel (`share`, `embed`): the
 * panel `[data-<name>-panel]`, its opener `.<name>-open-dialog` (PanelDialog.astro), the copy button
 * `[data-<name>-copy]` and the status line `[data-<name>-status]`.
 */
export interface CopyDialogKind {
  /** the panel's name in its markup */
  name: string;
  /** the selector of the read-only field whose text is copied */
  field: string;
  /** the status when the clipboard is missing or refuses: how to copy by hand */
  refused: string;
}

/** The parts of one panel that filling its dialog needs. */
export interface CopyDialogParts {
  panel: HTMLElement;
  field: HTMLInputElement | HTMLTextAreaElement;
  status: HTMLElement;
}

/** Copies `text`, resolving false where the clipboard is missing or refused (an insecure page, a frame). */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Wires every panel of the `kind` under `root`: the opener fills the dialog, then opens it;
 * the copy button selects the field, copies it and reports. `setup` wires what is the panel's own
 * and returns how to fill its dialog afresh (the status cleared), or null where the panel lacks a
 * part of its own; a panel that lacks any part is left unwired.
 */
export function wireCopyDialogs(
  root: ParentNode,
  { name, field: fieldSelector, refused }: CopyDialogKind,
  setup: (parts: CopyDialogParts) => (() => void) | null,
): void {
  for (const panel of root.querySelectorAll<HTMLElement>(`[data-${name}-panel]`)) {
    const dialog = panel.querySelector('dialog');
    const opener = panel.querySelector<HTMLButtonElement>(`.${name}-open-dialog`);
    const field = panel.querySelector<HTMLInputElement | HTMLTextAreaElement>(fieldSelector);
    const status = panel.querySelector<HTMLElement>(`[data-${name}-status]`);
    if (!dialog || !opener || !field || !status) continue;
    const fill = setup({ panel, field, status });
    if (!fill) continue;
    opener.addEventListener('click', () => {
      fill();
      dialog.showModal();
    });
    panel.querySelector(`[data-${name}-copy]`)?.addEventListener('click', () => {
      field.select();
      void copy(field.value).then((done) => {
        status.textContent = done ? 'Copied.' : refused;
      });
    });
  }
}
