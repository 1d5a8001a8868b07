/**
 * KaTeX's fonts cut down, in a build, to the characters the course typesets
 * (src/styles/katex-glyphs.ts). A PostCSS plugin points each of KaTeX's `@font-face` rules at a
 * subset of its WOFF2 file, which Vite then emits under a hash of the subset's own bytes; once the
 * pages are built, the build fails if one of them typesets a character the subsets lack. The
 * development server keeps KaTeX's whole fonts, so a formula being written never lacks a glyph.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import katex from 'katex';
import subsetFont from 'subset-font';
import { byCodePoint, courseGlyphs, formulaCharacters } from './katex-glyphs.ts';
import type { FontFaceDeclaration } from './woff2-only.ts';

const SUBSETTER_VERSION: string = (createRequire(import.meta.url)('subset-font/package.json') as { version: string })
  .version;

/**
 * The folder under `cache` for the subsets of these characters: named by them and by the versions of
 * KaTeX and the subsetter, so a new character or a new KaTeX never reuses a stale file.
 */
export function subsetFolder(cache: string, text: string): string {
  const key = createHash('sha256').update(`${text}\0${katex.version}\0${SUBSETTER_VERSION}`).digest('hex');
  return join(cache, key.slice(0, 16));
}

const made = new Map<string, Promise<string>>();

/**
 * The path of `font` (a KaTeX WOFF2 file) cut down to `text`, written under `folder` once. A file
 * already there is reused (`folder` is named by `text`, `subsetFolder`); a new one is written
 * under a temporary name and renamed, so a build running beside this one never reads half a file.
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

/**
 * The PostCSS plugin: each `src: url(fonts/KaTeX_….woff2)` of KaTeX's stylesheet is pointed at its
 * subset under `cache`, by a path relative to the stylesheet, which Vite resolves as it resolves the
 * original. Other sources of the same rule (WOFF, TrueType) are left to woff2Only.
 */
export function katexSubset(glyphs: ReadonlySet<string>, cache: string) {
  // The spaces too, which the glyph reading leaves out: KaTeX writes a no-break space for each space of
  // `\text{…}`, for `~` and for `\ `, and a face that lacks it takes the system serif's, wider.
  const text = [...new Set([...glyphs, ' ', '\u00a0'])].sort(byCodePoint).join('');
  const folder = subsetFolder(cache, text);
  return {
    postcssPlugin: 'katex-subset',
    Declaration: {
      async src(declaration: FontFaceDeclaration): Promise<void> {
        const sheet = declaration.source?.input?.file;
        if (declaration.parent?.type !== 'atrule' || declaration.parent.name !== 'font-face' || !sheet) return;
        let value = declaration.value;
        for (const [whole, , path = ''] of value.matchAll(/url\((["']?)(fonts\/KaTeX_[\w-]+\.woff2)\1\)/g)) {
          const subset = relative(dirname(sheet), await subsetFile(join(dirname(sheet), path), text, folder));
          if (isAbsolute(subset)) throw new Error(`KaTeX's font subsets (${folder}) cannot be reached from ${sheet}`);
          value = value.replace(whole, `url("${subset.split('\\').join('/')}")`);
        }
        declaration.value = value;
      },
    },
  };
}

/** Every built page under `folder` whose formulas show characters `glyphs` lacks, and how many formulas all pages hold. */
export function pagesMissingGlyphs(
  folder: string,
  glyphs: ReadonlySet<string>,
): { wanting: { page: string; missing: string[] }[]; formulas: number } {
  let formulas = 0;
  const wanting = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort()
    .flatMap((page) => {
      const found = formulaCharacters(readFileSync(join(folder, page), 'utf8'));
      formulas += found.formulas;
      const missing = [...found.characters].filter((character) => !glyphs.has(character)).sort(byCodePoint);
      return missing.length > 0 ? [{ page, missing }] : [];
    });
  return { wanting, formulas };
}

/**
 * The integration: in a build, reads the characters of `content/` under the project's root, adds the
 * PostCSS plugin, and checks the built pages against the subsets; a formula whose source the glyph
 * reading missed, or pages with no formula at all (the check itself broken), fail the build.
 */
export function katexFonts(): AstroIntegration {
  let glyphs: ReadonlySet<string> = new Set();
  return {
    name: 'dropout-lab:katex-fonts',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        glyphs = courseGlyphs(join(root, 'content'));
        const cache = join(root, 'node_modules', '.cache', 'katex-subset');
        updateConfig({ vite: { css: { postcss: { plugins: [katexSubset(glyphs, cache)] } } } });
      },
      'astro:build:done': ({ dir, logger }) => {
        const { wanting, formulas } = pagesMissingGlyphs(fileURLToPath(dir), glyphs);
        if (wanting.length > 0) {
          const list = wanting.map(({ page, missing }) => `  ${page}: ${missing.join(' ')}`).join('\n');
          throw new Error(
            `These pages typeset characters that KaTeX's font subsets lack:\n${list}\n` +
              'src/styles/katex-glyphs.ts reads the formulas of content/ (MDX between dollar signs outside code, ' +
              'YAML strings as quiz text); a formula written elsewhere needs its source added there.',
          );
        }
        if (formulas === 0)
          throw new Error('No built page has a KaTeX formula: the font subsets were checked against nothing');
        logger.info(`${formulas} formulas on the built pages, all in KaTeX's fonts cut to ${glyphs.size} characters`);
      },
    },
  };
}
