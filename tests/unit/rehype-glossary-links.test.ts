import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeGlossaryLinks } from '../../src/lib/markdown/rehype-glossary-links.ts';

/** A small tree node: an element (tag, classes, children), an MDX component, or text. */
type Node = { type: string; [key: string]: unknown };
const text = (value: string): Node => ({ type: 'text', value });
const el = (tagName: string, children: (Node | string)[], className?: string[]): Node => ({
  type: 'element',
  tagName,
  properties: className ? { className } : {},
  children: children.map((child) => (typeof child === 'string' ? text(child) : child)),
});
const component = (name: string, children: (Node | string)[]): Node => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes: [{ type: 'mdxJsxAttribute', name: 'title', value: 'Inverted dropout' }],
  children: children.map((child) => (typeof child === 'string' ? text(child) : child)),
});

/** The tree as HTML-like text, links written `[words](href)`, enough to compare. */
function show(node: Node): string {
  if (node.type === 'text') return String(node['value']);
  const children = ((node['children'] as Node[] | undefined) ?? []).map(show).join('');
  if (node['tagName'] === 'a') return `[${children}](${String((node['properties'] as { href: string }).href)})`;
  if (node.type === 'root') return children;
  return `<${String(node['tagName'] ?? node['name'])}>${children}</${String(node['tagName'] ?? node['name'])}>`;
}

const TERMS = [
  { id: 'inverted-dropout', forms: ['inverted dropout'] },
  { id: 'dropout-mask', forms: ['dropout mask', 'mask'] },
  { id: 'keep-probability', forms: ['keep probability', 'keep_prob'] },
  { id: 'l2-regularization', forms: ['l2', 'weight decay'] },
  { id: 'classic-dropout', forms: ['classic (direct) dropout', 'classic dropout'] },
];
const LESSON = { path: '/site/content/lessons/why-dropout.mdx', cwd: '/site' };

function run(children: Node[], file: { path?: string; cwd: string } = LESSON, base = '/'): string {
  const tree = { type: 'root', children } as unknown as Root;
  rehypeGlossaryLinks({ base, terms: TERMS })(tree, file);
  return show(tree as unknown as Node);
}

describe('rehypeGlossaryLinks', () => {
  it('links the first use of each term, whichever of its forms, and no later one', () => {
    expect(run([el('p', ['A mask is drawn. Each dropout mask is fresh; the mask again.'])])).toBe(
      '<p>A [mask](/glossary/#dropout-mask) is drawn. Each dropout mask is fresh; the mask again.</p>',
    );
    expect(run([el('p', ['First ']), el('p', ['Masks, then inverted dropout.']), el('p', ['Inverted dropout.'])])).toBe(
      '<p>First </p><p>[Masks](/glossary/#dropout-mask), then [inverted dropout](/glossary/#inverted-dropout).</p><p>Inverted dropout.</p>',
    );
  });

  it('matches whole words only, ignoring case, and the longest form first', () => {
    expect(run([el('p', ['Unmasked, masked, l2-norm; then Classic (direct) dropout and L2.'])])).toBe(
      '<p>Unmasked, masked, l2-norm; then [Classic (direct) dropout](/glossary/#classic-dropout) and [L2](/glossary/#l2-regularization).</p>',
    );
  });

  it('links inside emphasis and in an aside’s text, never in its title attribute', () => {
    const aside = component('Aside', [el('p', ['Divide by the ', el('strong', ['keep probability']), '.'])]);
    expect(run([aside])).toBe(
      '<Aside><p>Divide by the <strong>[keep probability](/glossary/#keep-probability)</strong>.</p></Aside>',
    );
    expect((aside['attributes'] as { value: string }[])[0]?.value).toBe('Inverted dropout');
  });

  it.each([
    ['a heading', el('h2', ['Inverted dropout'])],
    ['a link', el('a', ['inverted dropout'])],
    ['inline code', el('code', ['keep_prob'])],
    ['a code block', el('pre', [el('code', ['mask = rng.uniform() < q'])])],
    ['typeset math', el('span', [el('span', ['mask'], ['katex-html'])], ['katex'])],
    ['display math', el('span', ['mask'], ['katex-display'])],
    ['MathML', el('math', [el('mi', ['mask'])])],
    ['a figure', el('figure', [el('figcaption', ['One mask'])])],
    ['a button', el('button', ['Sample a mask'])],
    ['an aside’s title line', el('p', ['Pitfall: inverted dropout'], ['aside-title'])],
    ['a simulation component', component('NeuronToggling', [el('p', ['mask'])])],
    ['a partial', component('KeepDropNames', [el('p', ['keep probability'])])],
  ])('leaves %s alone, and links the term’s next use in prose', (_, node) => {
    const before = show(node);
    const after = run([node, el('p', ['inverted dropout, keep_prob, mask'])]);
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toMatch(
      /^<p>\[inverted dropout\]\(.*\), \[keep_prob\]\(.*\), \[mask\]\(.*\)<\/p>$/,
    );
  });

  it('links under the base path', () => {
    expect(run([el('p', ['weight decay'])], LESSON, '/some/path/')).toBe(
      '<p>[weight decay](/some/path/glossary/#l2-regularization)</p>',
    );
  });

  it('links only in lessons: not in pages, partials or files without a path', () => {
    for (const path of ['/site/content/pages/notation.mdx', '/site/content/partials/keep-drop-names.mdx', undefined]) {
      const file = path ? { path, cwd: '/site' } : { cwd: '/site' };
      expect(run([el('p', ['the keep probability'])], file)).toBe('<p>the keep probability</p>');
    }
  });

  it('refuses two terms that share a form', () => {
    const tree = { type: 'root', children: [] } as unknown as Root;
    const terms = [...TERMS, { id: 'other', forms: ['Mask'] }];
    expect(() => rehypeGlossaryLinks({ base: '/', terms })(tree, LESSON)).toThrow(
      'the form "Mask" belongs to both "dropout-mask" and "other"',
    );
  });

  it('reads the course glossary from content/glossary.yaml when no terms are given', () => {
    const tree = { type: 'root', children: [el('p', ['Overfitting and the validation loss.'])] } as unknown as Root;
    rehypeGlossaryLinks({ base: '/' })(tree, { path: `${process.cwd()}/content/lessons/x.mdx`, cwd: process.cwd() });
    expect(show(tree as unknown as Node)).toBe(
      '<p>[Overfitting](/glossary/#overfitting) and the [validation loss](/glossary/#validation-loss).</p>',
    );
  });
});
