/**
 * The embed dialog of a lesson's quiz or simulation (src/components/EmbedPanel.astro): builds the
 * iframe code from the site's address, the state the page shows now and the chosen options.
 */
import { wireCopyDialogs } from '../lib/share/copy-dialog.ts';
import { currentQuery } from '../lib/share/live-state.ts';

/** The embed URL: the page's path on this origin, the current state, and the controls option. */
export function embedUrl(path: string, origin: string, search: string, controls: string): string {
  const url = new URL(path, origin);
  const params = new URLSearchParams(search);
  // The lesson's own embedding options are not the new embed's: it pins no origin unless asked.
  params.delete('controls');
  params.delete('origin');
  if (controls) params.set('controls', controls);
  url.search = params.toString();
  return url.href;
}

/** The iframe code an instructor pastes; every value is escaped for an HTML attribute. */
export function embedCode(src: string, title: string, height: number): string {
  const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return (
    `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${height}" ` +
    `style="border: 0; max-width: 100%;" allow="fullscreen" loading="lazy"></iframe>`
  );
}

/** Wires every embed panel under `root`: open, fill in the code, copy, close. */
export function wireEmbedPanels(root: ParentNode): void {
  const refused = 'Select the code and copy it with Ctrl+C (⌘C on a Mac).';
  wireCopyDialogs(root, { name: 'embed', field: '[data-embed-code]', refused }, ({ panel, field, status }) => {
    const link = panel.querySelector<HTMLAnchorElement>('[data-embed-link]');
    if (!link) return null;
    const { path = '/', title = '', height = '720', prefix, state = '' } = panel.dataset;
    const fill = () => {
      const controls = panel.querySelector<HTMLInputElement>('.embed-controls input:checked')?.value ?? '';
      // A simulation embeds in the complete state it shows now (every parameter, even those the
      // address does not carry yet); a quiz has no state in the URL.
      const search = prefix ? currentQuery(prefix, state, location.search) : '';
      const src = embedUrl(path, location.origin, search, controls);
      field.value = embedCode(src, title, Number(height));
      link.href = src;
      link.textContent = src;
      status.textContent = '';
    };
    panel.querySelector('.embed-controls')?.addEventListener('change', fill);
    return fill;
  });
}
