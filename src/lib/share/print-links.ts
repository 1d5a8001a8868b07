/**
 * Printed links to the simulations' full-page views (the print part of src/components/SimFrame.astro).
 * Where the build knew the site's address, they are complete already; otherwise the build wrote a
 * root-relative link, and the browser completes it with its own origin and adds the QR code.
 */
import { qrSvg } from './qr-svg.ts';

/** Completes every printed link under `root` that the build left root-relative and that has no QR code yet. */
export function completePrintLinks(root: ParentNode): void {
  for (const block of root.querySelectorAll<HTMLElement>('[data-print-link]')) {
    const text = block.querySelector('[data-print-url]');
    const picture = block.querySelector('[data-print-qr]');
    if (!text || !picture || picture.querySelector('svg')) continue;
    const href = new URL(block.dataset['printLink'] ?? '', location.origin).href;
    text.textContent = href;
    picture.replaceChildren(qrSvg(document, href, 'QR code of this link'));
  }
}
