import type { Element, Root, RootContent } from 'hast';
import { withBase } from '../url.ts';

/** Options of {@link rehypeBaseLinks}. */
export interface BaseLinkOptions {
  /** the site's base path, as configured in `astro.config.mjs` (for example `/some/path/`) */
  base: string;
}

/**
 * Authors write root-relative links (`/notation/`) in lessons; this rehype plugin
 * prefixes them with the base path so the same content works when the site is
 * built for a sub-path. External, protocol-relative and fragment links are untouched.
 */
export function rehypeBaseLinks({ base }: BaseLinkOptions) {
  return (tree: Root): void => {
    walk(tree.children, (element) => {
      const href = element.properties['href'];
      if (element.tagName === 'a' && typeof href === 'string') {
        element.properties['href'] = withBase(href, base);
      }
    });
  };
}

function walk(nodes: RootContent[], visit: (element: Element) => void): void {
  for (const node of nodes) {
    if (node.type === 'element') {
      visit(node);
      walk(node.children, visit);
    }
  }
}
