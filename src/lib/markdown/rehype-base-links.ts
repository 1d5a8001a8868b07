import type { Root } from 'hast';
import { withBase } from '../url.ts';

/** Options of {@link rehypeBaseLinks}. */
export interface BaseLinkOptions {
  /** the site's base path, as configured in `astro.config.mjs` (for example `/some/path/`) */
  base: string;
}

/** A node of any tree the MDX pipeline builds: HTML elements and MDX's JSX elements alike. */
interface AnyNode {
  type: string;
  tagName?: string;
  name?: string | null;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: AnyNode[];
}

/** The attribute holding a URL, per tag. */
const URL_ATTRIBUTE: Record<string, string> = { a: 'href', img: 'src' };

/**
 * Authors write root-relative links (`/notation/`) in lessons; this rehype plugin
 * prefixes them with the base path so the same content works when the site is built
 * for a sub-path. It rewrites `a[href]` and `img[src]`, in Markdown and in JSX written
 * inside MDX (`<a href="/…">`), at any depth, including inside components such as
 * `<Aside>`. External, protocol-relative and fragment links are untouched.
 */
export function rehypeBaseLinks({ base }: BaseLinkOptions) {
  return (tree: Root): void => {
    visit(tree as AnyNode, base);
  };
}

function visit(node: AnyNode, base: string): void {
  if (node.type === 'element' && node.tagName && node.properties) {
    const attribute = URL_ATTRIBUTE[node.tagName];
    const value = attribute ? node.properties[attribute] : undefined;
    if (attribute && typeof value === 'string') node.properties[attribute] = withBase(value, base);
  }
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && node.attributes) {
    const attribute = URL_ATTRIBUTE[node.name];
    for (const entry of node.attributes) {
      if (entry.type === 'mdxJsxAttribute' && entry.name === attribute && typeof entry.value === 'string') {
        entry.value = withBase(entry.value, base);
      }
    }
  }
  node.children?.forEach((child) => visit(child, base));
}
