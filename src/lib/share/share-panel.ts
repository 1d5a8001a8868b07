/**
 * The share dialog of a simulation (src/components/SharePanel.astro): the permalink of the run it
 * shows now, a button that copies it, its QR code, and a button that resets the simulation.
 */
import { wireCopyDialogs } from './copy-dialog.ts';
import { currentQuery } from './live-state.ts';
import { permalink, resetUrl, withControlOptions } from './permalink.ts';
import { qrSvg } from './qr-svg.ts';

/** The page's address as it opened, before any simulation rewrote it: an embed's configured state. */
const openedAt = typeof location === 'undefined' ? '' : location.href;

/**
 * The address a reset goes to: on an embed page (`opening`), the address the page opened with, the
 * state the embedding page chose; elsewhere the page without the simulation's parameters. Either way
 * the fragment is the simulation's figure, so the reader lands on it.
 */
export function resetTarget(mode: string, href: string, opened: string, prefix: string, figure: string): string {
  if (mode !== 'opening') return resetUrl(href, prefix, figure);
  const url = new URL(opened);
  url.hash = figure;
  return url.href;
}

/**
 * Opens `target`. A new query string loads the page afresh; an address that differs only in its
 * fragment would merely scroll, so the page is reloaded instead, and the browser brings the reader
 * back to where they were, at the simulation.
 */
function reopen(target: string): void {
  const here = new URL(location.href);
  const there = new URL(target);
  if (here.pathname === there.pathname && here.search === there.search) location.reload();
  else location.assign(there.href);
}

/** Wires every share panel under `root`: open with the current permalink and its QR code, copy, reset. */
export function wireSharePanels(root: ParentNode): void {
  const refused = 'Select the link and copy it with Ctrl+C (⌘C on a Mac).';
  wireCopyDialogs(root, { name: 'share', field: '[data-share-link]', refused }, ({ panel, field, status }) => {
    const picture = panel.querySelector<HTMLElement>('[data-share-qr]');
    if (!picture) return null;
    const { prefix = '', state = '', labHref = '/', figure = '', reset = 'defaults' } = panel.dataset;
    panel.querySelector('[data-share-reset]')?.addEventListener('click', () => {
      reopen(resetTarget(reset, location.href, openedAt, prefix, figure));
    });
    return () => {
      const query = withControlOptions(currentQuery(prefix, state, location.search), location.search);
      const link = permalink(labHref, location.origin, query);
      field.value = link;
      status.textContent = '';
      picture.replaceChildren(qrSvg(document, link, 'QR code of the link above'));
    };
  });
}
