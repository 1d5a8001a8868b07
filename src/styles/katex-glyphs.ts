/**
 * The characters the course typesets with KaTeX, which its fonts are cut down to
 * (src/styles/katex-subset.ts). Formulas are found between dollar signs in the content's sources,
 * as remark-math (lessons, pages) and src/lib/markdown/inline-text.ts (quizzes, glossary) find them,
 * and typeset as the build typesets them; the characters are those of KaTeX's visible output.
 * Reading the sources loosely only ever adds characters: a dollar sign in prose or code makes a
 * formula of text that is no formula, whose characters merely stay in the fonts. A formula missed
 * is caught after the build (`missingGlyphs` over every page), which then fails with its characters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import katex from 'katex';

/** Every stretch of text between `$$…$$` or `$…$` in `source`: the formulas it may hold. */
export function formulasIn(source: string): string[] {
  return [...source.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$]+?)\$/g)].map((match) => match[1] ?? match[2] ?? '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text of HTML markup: its tags dropped, its character references decoded. */
function textOf(markup: string): string {
  return markup.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (reference, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? reference;
  });
}

/** The characters KaTeX shows for `tex` in the display or inline style; none for what it cannot read. */
export function katexCharacters(tex: string): Set<string> {
  const characters = new Set<string>();
  for (const displayMode of [false, true]) {
    let html: string;
    try {
      html = katex.renderToString(tex, { output: 'html', displayMode, throwOnError: false, strict: 'ignore' });
    } catch {
      continue;
    }
    for (const character of textOf(html)) characters.add(character);
  }
  return characters;
}

/**
 * The characters inside the visible part of every KaTeX formula of a built page (`katex-html`; the
 * MathML beside it is hidden and read by assistive technology, not drawn).
 */
export function katexHtmlCharacters(page: string): Set<string> {
  const characters = new Set<string>();
  let depth = 0;
  for (const [token, tag] of page.matchAll(/<(\/?)[a-zA-Z][^>]*>|[^<]+/g)) {
    if (token.startsWith('<')) {
      if (depth === 0) {
        if (/^<span class="katex-html"/.test(token)) depth = 1;
      } else if (tag === '/') depth -= 1;
      else if (!token.endsWith('/>')) depth += 1;
    } else if (depth > 0) {
      for (const character of textOf(token)) characters.add(character);
    }
  }
  return characters;
}

/** The characters a page typesets that `glyphs` lacks, in code point order. */
export function missingGlyphs(page: string, glyphs: ReadonlySet<string>): string[] {
  return [...katexHtmlCharacters(page)]
    .filter((character) => !/\s/.test(character) && !glyphs.has(character))
    .sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
}

/** The files under `folder` whose formulas count: MDX and YAML. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(mdx|md|ya?ml)$/.test(file))
    .sort()
    .map((file) => join(folder, file));
}

const cache = new Map<string, Set<string>>();

/** Every character the formulas under `folder` (the course's `content/`) typeset; read once per build. */
export function courseGlyphs(folder = 'content'): Set<string> {
  const known = cache.get(folder);
  if (known) return known;
  const glyphs = new Set<string>();
  for (const file of sourceFiles(folder)) {
    for (const formula of formulasIn(readFileSync(file, 'utf8'))) {
      for (const character of katexCharacters(formula)) if (!/\s/.test(character)) glyphs.add(character);
    }
  }
  cache.set(folder, glyphs);
  return glyphs;
}
