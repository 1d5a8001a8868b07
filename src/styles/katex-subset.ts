/**
 * KaTeX's fonts cut down to the characters the course typesets (src/styles/katex-glyphs.ts).
 * A PostCSS plugin for the build points each of KaTeX's `@font-face` rules at a subset of its
 * WOFF2 file, which Vite then emits under a hash of the subset's own bytes; `katexGlyphCheck`
 * fails the build if a built page typesets a character the subsets lack. The faces together weigh
 * about a fifth of what they did, and a lesson's formulas arrive before its first paint is due.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { courseGlyphs, missingGlyphs } from './katex-glyphs.ts';

/** Where the subsets are written, one folder per set of characters, so a build reuses them. */
const CACHE = resolve('node_modules/.cache/katex-subset');

/** The characters, one string in code point order, and a short hash that names their folder. */
function glyphText(glyphs: ReadonlySet<string>): { text: string; key: string } {
  const text = [...glyphs].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0)).join('');
  return { text, key: createHash('sha256').update(text).digest('hex').slice(0, 16) };
}

const made = new Map<string, Promise<string>>();

/**
 * The path of `font` (a KaTeX WOFF2 file) cut down to `text`, written under `folder` once;
 * written to a temporary name and renamed, so a build running beside it never reads half a file.
 */
export function subsetFile(font: string, text: string, folder: string): Promise<string> {
  const target = join(folder, font.split(/[\\/]/).pop() ?? 'font.woff2');
  let pending = made.get(target);
  if (!pending) {
    pending = (async () => {
      if (existsSync(target)) return target;
      const bytes = await subsetFont(readFileSync(font), text, { targetFormat: 'woff2' });
      mkdirSync(folder, { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, target);
      return target;
    })();
    made.set(target, pending);
  }
  return pending;
}

/** What the plugin reads of a PostCSS declaration. */
interface Declaration {
  value: string;
  parent?: { type: string; name?: string } | undefined;
  source?: { input?: { file?: string } } | undefined;
}

/**
 * The plugin, for `vite.css.postcss.plugins` after woff2Only: each KaTeX `src: url(fonts/KaTeX_….woff2)`
 * is pointed at its subset, by a path relative to KaTeX's stylesheet, which Vite resolves as it
 * resolves the original.
 */
export function katexSubset(glyphs: () => ReadonlySet<string> = courseGlyphs) {
  return {
    postcssPlugin: 'katex-subset',
    Declaration: {
      async src(declaration: Declaration): Promise<void> {
        const sheet = declaration.source?.input?.file;
        if (declaration.parent?.type !== 'atrule' || declaration.parent.name !== 'font-face' || !sheet) return;
        const urls = [...declaration.value.matchAll(/url\((["']?)(fonts\/KaTeX_[\w-]+\.woff2)\1\)/g)];
        if (urls.length === 0) return;
        const { text, key } = glyphText(glyphs());
        let value = declaration.value;
        for (const [whole, , path = ''] of urls) {
          const subset = await subsetFile(join(dirname(sheet), path), text, join(CACHE, key));
          value = value.replace(whole, `url(${relative(dirname(sheet), subset).split('\\').join('/')})`);
        }
        declaration.value = value;
      },
    },
  };
}

/** Every built page under `folder`, with the characters it typesets that `glyphs` lacks. */
export function pagesMissingGlyphs(folder: string, glyphs: ReadonlySet<string>): { page: string; missing: string[] }[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((page) => ({ page, missing: missingGlyphs(readFileSync(join(folder, page), 'utf8'), glyphs) }))
    .filter(({ missing }) => missing.length > 0);
}

/**
 * The Astro integration that checks, once the pages are built, that the subsets hold every
 * character they typeset; a formula whose source the glyph search missed fails the build here.
 */
export function katexGlyphCheck(glyphs: () => ReadonlySet<string> = courseGlyphs) {
  return {
    name: 'dropout-lab:katex-glyphs',
    hooks: {
      'astro:build:done': ({ dir, logger }: { dir: URL; logger: { info(message: string): void } }) => {
        const wanting = pagesMissingGlyphs(fileURLToPath(dir), glyphs());
        if (wanting.length > 0) {
          const list = wanting.map(({ page, missing }) => `  ${page}: ${missing.join(' ')}`).join('\n');
          throw new Error(
            `These pages typeset characters that KaTeX's font subsets lack:\n${list}\n` +
              'src/styles/katex-glyphs.ts finds formulas between dollar signs in content/; typeset the formula there, or add its source to what that file reads.',
          );
        }
        logger.info(`KaTeX fonts hold the ${glyphs().size} characters every page typesets`);
      },
    },
  };
}
