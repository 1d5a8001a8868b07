import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Element, Root, Text } from 'hast';
import { parse } from 'yaml';
import { glossaryLinkSchema } from '../../schemas/glossary.ts';
import { withBase } from '../url.ts';
import { termMatcher, type GlossaryTerm, type TermMatcher } from './glossary-match.ts';

/** Options of {@link rehypeGlossaryLinks}. */
export interface GlossaryLinkOptions {
  /** the site's base path, as configured in `astro.config.mjs` (for example `/some/path/`) */
  base: string;
  /** the terms; when absent they are read from `glossary` */
  terms?: readonly GlossaryTerm[];
  /** the glossary file, relative to the project root; default `content/glossary.yaml` */
  glossary?: string;
  /** the folder, relative to the project root, whose files get links; default `content/lessons` */
  folder?: string;
}

/** The part of a VFile this plugin reads: where the file is, and the project root. */
interface SourceFile {
  path?: string;
  cwd: string;
}

/** A node of any tree the MDX pipeline builds: HTML elements and MDX's JSX elements alike. */
interface AnyNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  children?: AnyNode[];
}

/** Elements whose text is never linked: headings, links, code, math, figures, controls. */
const SKIPPED_TAGS = new Set(
  'h1 h2 h3 h4 h5 h6 a code pre kbd samp var script style svg math figure figcaption button label select option textarea summary caption'.split(
    ' ',
  ),
);
/** Classes of generated markup whose text is never linked (KaTeX output, an aside's title). */
const SKIPPED_CLASSES = ['katex', 'katex-display', 'aside-title', 'sim'];
/** MDX components whose Markdown children are prose: their text is linked, their attributes never. */
const PROSE_COMPONENTS = new Set(['Aside']);

/**
 * Links the first use of each glossary term in a lesson to its definition on `/glossary/#<id>`:
 * the first match of any of the term's forms, as a whole word, ignoring case, with an optional
 * plural "s"; one link per term per lesson. Text inside headings, links, code, math, figures
 * (the simulation frames), form controls and MDX components other than `<Aside>` is left alone,
 * and files outside `folder` (pages, partials) get no links. Run after rehype-katex, so that
 * typeset math is recognisable; the links carry the base path themselves.
 */
export function rehypeGlossaryLinks({
  base,
  terms,
  glossary = 'content/glossary.yaml',
  folder = 'content/lessons',
}: GlossaryLinkOptions) {
  return (tree: Root, file: SourceFile): void => {
    if (!file.path || !isInside(file.path, resolve(file.cwd, folder))) return;
    const matcher = terms ? termMatcher(terms) : glossaryMatcher(resolve(file.cwd, glossary));
    const href = (id: string) => withBase(`/glossary/#${id}`, base);
    visit(tree as AnyNode, matcher, new Set(), href);
  };
}

function isInside(path: string, folder: string): boolean {
  const within = relative(folder, path);
  return within !== '' && !within.startsWith('..') && !within.startsWith(sep) && !within.startsWith('/');
}

const cache = new Map<string, { modified: number; matcher: TermMatcher }>();

/** The matcher of a glossary file, read again only when the file has changed. */
function glossaryMatcher(path: string): TermMatcher {
  const modified = statSync(path).mtimeMs;
  const cached = cache.get(path);
  if (cached?.modified === modified) return cached.matcher;
  const parsed = glossaryLinkSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'not a glossary'}`);
  }
  const matcher = termMatcher(parsed.data);
  cache.set(path, { modified, matcher });
  return matcher;
}

function skipped(node: AnyNode): boolean {
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    return !PROSE_COMPONENTS.has(node.name ?? '');
  }
  if (node.type !== 'element') return false;
  if (SKIPPED_TAGS.has(node.tagName ?? '')) return true;
  const classes = node.properties?.['className'];
  return Array.isArray(classes) && classes.some((name) => SKIPPED_CLASSES.includes(String(name)));
}

function visit(node: AnyNode, matcher: TermMatcher, linked: Set<string>, href: (id: string) => string): void {
  const children = node.children;
  if (!children) return;
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (!child || skipped(child)) continue;
    if (child.type === 'text' && typeof child.value === 'string') {
      const replaced = linkText(child.value, matcher, linked, href);
      if (replaced) {
        children.splice(index, 1, ...replaced);
        index += replaced.length - 1;
      }
    } else {
      visit(child, matcher, linked, href);
    }
  }
}

/** The text split around links to terms not linked yet, or undefined when it has none. */
function linkText(
  value: string,
  { pattern, termOf }: TermMatcher,
  linked: Set<string>,
  href: (id: string) => string,
): AnyNode[] | undefined {
  const nodes: AnyNode[] = [];
  let last = 0;
  for (const match of value.matchAll(pattern)) {
    const id = termOf.get((match[1] ?? '').toLowerCase());
    if (id === undefined || linked.has(id)) continue;
    linked.add(id);
    if (match.index > last) nodes.push(text(value.slice(last, match.index)));
    nodes.push(link(match[0], href(id)));
    last = match.index + match[0].length;
  }
  if (nodes.length === 0) return undefined;
  if (last < value.length) nodes.push(text(value.slice(last)));
  return nodes;
}

function text(value: string): AnyNode {
  return { type: 'text', value } satisfies Text;
}

function link(words: string, url: string): AnyNode {
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: url, className: ['glossary-link'] },
    children: [{ type: 'text', value: words }],
  } satisfies Element as unknown as AnyNode;
}
