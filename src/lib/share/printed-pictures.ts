/**
 * Printed pictures kept as text until printing (src/components/PrintedPicture.astro): with
 * scripting on, a `<noscript>`'s content is one string, not elements.
 */

/** Builds every printed picture under `root` that is still text, in place of its `<noscript>`. */
export function showPrintedPictures(root: ParentNode): void {
  for (const text of root.querySelectorAll<HTMLElement>('noscript[data-printed-picture]')) {
    const template = document.createElement('template');
    // The build's own markup, rendered from the simulation's Printed.svelte: nothing a reader wrote.
    template.innerHTML = text.textContent ?? '';
    text.replaceWith(template.content);
  }
}
