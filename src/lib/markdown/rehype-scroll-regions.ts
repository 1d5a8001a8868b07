import type { Element, ElementContent, Root } from 'hast';

/** A node of any tree the MDX pipeline builds: HTML elements and MDX's JSX elements alike. */
interface AnyNode {
  type: string;
  children?: AnyNode[];
}

/**
 * Makes wide content scroll inside itself instead of widening the page at 320 px, and
 * lets keyboard users scroll it: every Markdown table is wrapped in a focusable region
 * named after its header cells, and every display formula (rehype-katex's
 * `.katex-display`) becomes a focusable group named "Equation 1", "Equation 2", … in
 * page order; code blocks become focusable. Looks inside MDX components too. Run after rehype-katex.
 */
export function rehypeScrollRegions() {
  return (tree: Root): void => {
    const counter = { equations: 0 };
    visit(tree as AnyNode, counter);
  };
}

function visit(node: AnyNode, counter: { equations: number }): void {
  const children = node.children;
  if (!children) return;
  children.forEach((child, index) => {
    if (child.type === 'element') {
      const element = child as unknown as Element;
      if (element.tagName === 'table') {
        children[index] = region(element) as unknown as AnyNode;
        return;
      }
      if (element.tagName === 'pre') {
        Object.assign(element.properties, { tabIndex: 0 });
        return;
      }
      if (isDisplayMath(element)) {
        counter.equations += 1;
        Object.assign(element.properties, { role: 'group', tabIndex: 0, ariaLabel: `Equation ${counter.equations}` });
        return;
      }
    }
    visit(child, counter);
  });
}

function isDisplayMath(node: Element): boolean {
  const classes = node.properties['className'];
  return Array.isArray(classes) && classes.includes('katex-display');
}

function region(table: Element): Element {
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: tableLabel(table) },
    children: [table],
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
