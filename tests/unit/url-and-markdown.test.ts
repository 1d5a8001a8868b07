import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeBaseLinks } from '../../src/lib/markdown/rehype-base-links.ts';
import { rehypeScrollRegions } from '../../src/lib/markdown/rehype-scroll-regions.ts';
import { withBase } from '../../src/lib/url.ts';

describe('withBase', () => {
  it.each([
    ['/notation/', '/', '/notation/'],
    ['/notation/', '/some/path/', '/some/path/notation/'],
    ['/notation/', '/some/path', '/some/path/notation/'],
    ['/', '/some/path/', '/some/path/'],
    ['/some/path/notation/', '/some/path/', '/some/path/notation/'],
    ['/some/pathology/', '/some/path/', '/some/path/some/pathology/'],
    ['https://jmlr.org/', '/some/path/', 'https://jmlr.org/'],
    ['//cdn.example/x.js', '/some/path/', '//cdn.example/x.js'],
    ['#summary', '/some/path/', '#summary'],
    ['mailto:a@b.c', '/some/path/', 'mailto:a@b.c'],
    ['../x/', '/some/path/', '../x/'],
  ])('withBase(%s, %s) is %s', (path, base, expected) => {
    expect(withBase(path, base)).toBe(expected);
  });
});

const link = (href: string): Element => ({ type: 'element', tagName: 'a', properties: { href }, children: [] });

describe('rehypeBaseLinks', () => {
  it('prefixes root-relative links at any depth and leaves others alone', () => {
    const nested = link('/about/');
    const tree: Root = {
      type: 'root',
      children: [
        link('/notation/'),
        link('https://arxiv.org/abs/1207.0580'),
        link('#notation'),
        { type: 'element', tagName: 'p', properties: {}, children: [nested] },
      ],
    };
    rehypeBaseLinks({ base: '/some/path/' })(tree);
    const hrefs = tree.children.map((node) => (node.type === 'element' ? node.properties['href'] : undefined));
    expect(hrefs.slice(0, 3)).toEqual(['/some/path/notation/', 'https://arxiv.org/abs/1207.0580', '#notation']);
    expect(nested.properties['href']).toBe('/some/path/about/');
  });
});

describe('rehypeBaseLinks inside MDX components', () => {
  it('rewrites Markdown links inside a component, JSX anchors and images', () => {
    const inside = link('/notation/');
    const jsxAnchor = {
      type: 'mdxJsxTextElement',
      name: 'a',
      attributes: [{ type: 'mdxJsxAttribute', name: 'href', value: '/about/' }],
      children: [],
    };
    const image: Element = { type: 'element', tagName: 'img', properties: { src: '/favicon.svg' }, children: [] };
    const aside = { type: 'mdxJsxFlowElement', name: 'Aside', attributes: [], children: [inside, jsxAnchor, image] };
    const tree = { type: 'root', children: [aside] } as unknown as Root;
    rehypeBaseLinks({ base: '/some/path/' })(tree);
    expect(inside.properties['href']).toBe('/some/path/notation/');
    expect(jsxAnchor.attributes[0]?.value).toBe('/some/path/about/');
    expect(image.properties['src']).toBe('/some/path/favicon.svg');
  });
});

describe('rehypeScrollRegions', () => {
  it('wraps a table in a focusable region named after its header cells', () => {
    const cell = (tagName: string, text: string): Element => ({
      type: 'element',
      tagName,
      properties: {},
      children: [{ type: 'text', value: text }],
    });
    const table: Element = {
      type: 'element',
      tagName: 'table',
      properties: {},
      children: [
        { type: 'element', tagName: 'tr', properties: {}, children: [cell('th', 'Source'), cell('th', 'Meaning')] },
      ],
    };
    const tree: Root = {
      type: 'root',
      children: [{ type: 'element', tagName: 'div', properties: {}, children: [table] }],
    };
    rehypeScrollRegions()(tree);
    const outer = tree.children[0] as Element;
    const region = outer.children[0] as Element;
    expect(region.tagName).toBe('div');
    expect(region.properties).toMatchObject({ role: 'region', tabIndex: 0, ariaLabel: 'Table: Source, Meaning' });
    expect(region.children[0]).toBe(table);
  });

  it('makes display math a focusable region and leaves inline math alone', () => {
    const display: Element = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['katex-display'] },
      children: [],
    };
    const inline: Element = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['math', 'math-inline'] },
      children: [],
    };
    const tree: Root = {
      type: 'root',
      children: [display, { type: 'element', tagName: 'p', properties: {}, children: [inline] }],
    };
    rehypeScrollRegions()(tree);
    expect(display.properties).toMatchObject({ role: 'group', tabIndex: 0, ariaLabel: 'Equation 1' });
    expect(inline.properties).toEqual({ className: ['math', 'math-inline'] });
  });
  it('makes a code block focusable, so a long line can be scrolled by keyboard', () => {
    const pre: Element = {
      type: 'element',
      tagName: 'pre',
      properties: { className: ['language-python'] },
      children: [],
    };
    const tree: Root = { type: 'root', children: [pre] };
    rehypeScrollRegions()(tree);
    expect(pre.properties).toEqual({ className: ['language-python'], tabIndex: 0 });
  });

  it('numbers equations in page order and finds tables and formulas inside MDX components', () => {
    const formula = (): Element => ({
      type: 'element',
      tagName: 'span',
      properties: { className: ['katex-display'] },
      children: [],
    });
    const first = formula();
    const second = formula();
    const table: Element = { type: 'element', tagName: 'table', properties: {}, children: [] };
    const aside = { type: 'mdxJsxFlowElement', name: 'Aside', attributes: [], children: [second, table] };
    const tree = { type: 'root', children: [first, aside] } as unknown as Root;
    rehypeScrollRegions()(tree);
    expect(first.properties['ariaLabel']).toBe('Equation 1');
    expect(second.properties['ariaLabel']).toBe('Equation 2');
    expect((aside.children[1] as Element).properties).toMatchObject({ role: 'region', ariaLabel: 'Table' });
  });
});
