import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * Wraps every Markdown table in a focusable, labelled region that scrolls sideways,
 * so a wide table never widens the page at 320 px and keyboard users can scroll it.
 */
export function rehypeScrollableTables() {
  return (tree: Root): void => {
    wrapTables(tree.children);
  };
}

function wrapTables(nodes: RootContent[] | ElementContent[]): void {
  nodes.forEach((node, index) => {
    if (node.type !== 'element') return;
    if (node.tagName === 'table') {
      nodes[index] = region(node);
      return;
    }
    wrapTables(node.children);
  });
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
