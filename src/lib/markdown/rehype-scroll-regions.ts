import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * Makes wide content scroll inside itself instead of widening the page at 320 px, and
 * lets keyboard users scroll it: every Markdown table is wrapped in a focusable region
 * named after its header cells, and every display formula (rehype-katex's
 * `.katex-display`) becomes a focusable region named "Equation". Run after rehype-katex.
 */
export function rehypeScrollRegions() {
  return (tree: Root): void => {
    visit(tree.children);
  };
}

function visit(nodes: RootContent[] | ElementContent[]): void {
  nodes.forEach((node, index) => {
    if (node.type !== 'element') return;
    if (node.tagName === 'table') {
      nodes[index] = region(['table-scroll'], tableLabel(node), [node]);
      return;
    }
    if (isDisplayMath(node)) {
      Object.assign(node.properties, { role: 'region', tabIndex: 0, ariaLabel: 'Equation' });
      return;
    }
    visit(node.children);
  });
}

function isDisplayMath(node: Element): boolean {
  const classes = node.properties['className'];
  return Array.isArray(classes) && classes.includes('katex-display');
}

function region(className: string[], label: string, children: ElementContent[]): Element {
  return {
    type: 'element',
    tagName: 'div',
    properties: { className, role: 'region', tabIndex: 0, ariaLabel: label },
    children,
  };
}

/** "Table: " followed by the header cells' text, so each region has a distinct name. */
function tableLabel(table: Element): string {
  const headers: string[] = [];
  const collect = (node: ElementContent): void => {
    if (node.type === 'element') {
      if (node.tagName === 'th') headers.push(text(node));
      else node.children.forEach(collect);
    }
  };
  table.children.forEach(collect);
  return headers.length > 0 ? `Table: ${headers.join(', ')}` : 'Table';
}

function text(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(text).join('');
  return '';
}
