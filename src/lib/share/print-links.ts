/**
 * Printed links to the simulations' full-page views (the print part of src/components/SimFrame.astro).
 * Where the build knew the site's address, they are complete already; otherwise the build wrote a
 * root-relative link, and the browser completes it with its own origin and adds the QR code.
 */
import { qrSvg } from './qr-svg.ts';

/** The printed links under `root` that the build left root-relative and that have no QR code yet. */
export function pendingPrintLinks(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-print-link]')].filter(
    (block) =>
      block.querySelector('[data-print-url]') &&
      block.querySelector('[data-print-qr]') &&
      !block.querySelector('[data-print-qr] svg'),
  );
}

/** Writes one printed link's complete address and draws its QR code. */
export function completePrintLink(block: HTMLElement): void {
  const text = block.querySelector('[data-print-url]');
  const picture = block.querySelector('[data-print-qr]');
  if (!text || !picture) return;
  const href = new URL(block.dataset['printLink'] ?? '', location.origin).href;
  text.textContent = href;
  picture.replaceChildren(qrSvg(document, href, 'QR code of this link'));
}
