/**
 * The characters the course typesets with KaTeX, which its fonts are cut down to
 * (src/styles/katex-subset.ts), and the characters a built page shows in its formulas, which
 * the build checks against them.
 *
 * The formulas are read from the content's sources: in MDX, what stands between `$$…$$` or `$…$`
 * outside code, as remark-math reads it; in YAML (quizzes, the glossary), every string's `$…$`,
 * as src/lib/markdown/inline-text.ts reads it. Each is typeset as the build typesets it, and its
 * characters are those of KaTeX's visible output. A stray dollar sign in prose makes a formula of
 * text that is no formula, whose characters merely stay in the fonts; a formula the reading misses
 * is caught after the build, where `formulaCharacters` reads every page, island props included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import katex from 'katex';
import { parseAllDocuments } from 'yaml';
import { inlineFormulas } from '../lib/markdown/inline-text.ts';

/** Orders characters by code point. */
export const byCodePoint = (a: string, b: string): number => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0);

/** The formulas of an MDX or Markdown source: between `$$…$$` or `$…$`, outside code and escaped dollars. */
export function formulasIn(source: string): string[] {
  const prose = source
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/(`+)(?:(?!\n\s*\n)[\s\S])*?\1/g, '')
    .replace(/\\\$/g, '');
  return [...prose.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$]+?)\$/g)].map((match) => match[1] ?? match[2] ?? '');
}

/** Every string inside a parsed value (a YAML document, an island's props), at any depth. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The formulas of a YAML source (a quiz, the glossary): the `$…$` of each of its strings. */
export function yamlFormulas(source: string): string[] {
  return parseAllDocuments(source)
    .flatMap((document) => {
      if (!('toJS' in document)) return [];
      const [error] = document.errors;
      if (error) throw error;
      return stringsIn(document.toJS());
    })
    .flatMap(inlineFormulas);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes HTML character references; one that names no character is left as written. */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (reference, name: string) => {
    const hex = /^#x/i.test(name);
    if (hex || name.startsWith('#')) {
      const code = parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    }
    return ENTITIES[name.toLowerCase()] ?? reference;
  });
}

/** The characters KaTeX shows for `tex` in the inline and the display style; none for what it cannot read. */
export function katexCharacters(tex: string): Set<string> {
  const characters = new Set<string>();
  for (const displayMode of [false, true]) {
    let html: string;
    try {
      html = katex.renderToString(tex, { output: 'html', displayMode, throwOnError: false, strict: 'ignore' });
    } catch {
      continue;
    }
    for (const character of decode(html.replace(/<[^>]*>/g, ''))) if (!/\s/.test(character)) characters.add(character);
  }
  return characters;
}

/** Elements that have no end tag: they open no level of nesting. */
const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** What the formulas of some HTML show: their visible characters, and how many formulas there were. */
export interface FormulaCharacters {
  characters: Set<string>;
  formulas: number;
}

/**
 * The characters inside the visible part of every KaTeX formula of `html` (`katex-html`; the MathML
 * beside it is hidden, read by assistive technology, not drawn), added to `into`.
 */
function visibleFormulas(html: string, into: FormulaCharacters): void {
  let depth = 0;
  for (const [token, close, name = ''] of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*>|[^<]+/g)) {
    if (!token.startsWith('<')) {
      if (depth > 0) for (const character of decode(token)) if (!/\s/.test(character)) into.characters.add(character);
    } else if (depth === 0) {
      if (/\sclass="[^"]*\bkatex-html\b/.test(token)) {
        depth = 1;
        into.formulas += 1;
      }
    } else if (close) depth -= 1;
    else if (!VOID.has(name.toLowerCase()) && !token.endsWith('/>')) depth += 1;
  }
}

/**
 * What the formulas of a built page show: those in its markup, and those an island draws from its
 * props (a quiz's later questions, its choices and feedback exist only there until it runs).
 */
export function formulaCharacters(page: string): FormulaCharacters {
  const found: FormulaCharacters = { characters: new Set(), formulas: 0 };
  visibleFormulas(page, found);
  for (const [, props = ''] of page.matchAll(/\sprops="([^"]*)"/g)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(decode(props));
    } catch {
      throw new Error(`an island's props are not JSON: ${props.slice(0, 80)}…`);
    }
    for (const text of stringsIn(parsed)) if (text.includes('katex-html')) visibleFormulas(text, found);
  }
  return found;
}

/** The characters a page's formulas show that `glyphs` lacks, in code point order. */
export function missingGlyphs(page: string, glyphs: ReadonlySet<string>): string[] {
  return [...formulaCharacters(page).characters].filter((character) => !glyphs.has(character)).sort(byCodePoint);
}

/** The formulas of every MDX, Markdown and YAML file under `folder`. */
function courseFormulas(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(mdx?|ya?ml)$/.test(file))
    .sort()
    .flatMap((file) => {
      const source = readFileSync(join(folder, file), 'utf8');
      if (!/\.ya?ml$/.test(file)) return formulasIn(source);
      try {
        return yamlFormulas(source);
      } catch (error) {
        throw new Error(`${join(folder, file)} is not YAML the glyph reading can read`, { cause: error });
      }
    });
}

/** Every character the formulas under `folder` (the course's `content/`) show. */
export function courseGlyphs(folder: string): Set<string> {
  const glyphs = new Set<string>();
  for (const formula of courseFormulas(folder)) for (const character of katexCharacters(formula)) glyphs.add(character);
  return glyphs;
}
